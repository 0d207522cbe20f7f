/**
 * Single-use links (invitation, password reset) carry their token in the address fragment, which
 * browsers never send to servers or in Referer headers. The page moves it into sessionStorage and out of
 * the address bar, so it survives a sign-in round trip or a reload, and is not shown or bookmarked.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

const TOKEN = /^[A-Za-z0-9_-]{10,200}$/;

/** `#abc…` or `#token=abc…` → the token, when it looks like one. */
export function tokenFromFragment(hash: string): string | null {
  const value = hash.replace(/^#/, '').replace(/^token=/, '');
  return TOKEN.test(value) ? value : null;
}

export function useFragmentToken(storageKey: string): { token: string | null; forget: () => void } {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => {
    const fromLink = tokenFromFragment(location.hash);
    if (fromLink) sessionStorage.setItem(storageKey, fromLink);
    return fromLink ?? sessionStorage.getItem(storageKey);
  });
  useEffect(() => {
    if (location.hash) navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    // Only the address the page was opened with holds the token.
  }, []);
  return { token, forget: () => sessionStorage.removeItem(storageKey) };
}
