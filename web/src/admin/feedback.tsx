/** What the administration pages say about loading, success and failure. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ApiError } from '../app/api.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

/** A confirmation for StatusMessage; the same words twice in a row are announced twice. */
export function useAnnouncement(): [string | null, (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((next: string) => {
    setMessage(null);
    setTimeout(() => setMessage(next));
  }, []);
  return [message, announce];
}

/** Where an action led to another page, that page shows its confirmation once (not again after a reload). */
export interface NavigationNotice {
  notice: string;
}

export function useNavigationNotice(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => (location.state as Partial<NavigationNotice> | null)?.notice);
  useEffect(() => {
    if (notice) void navigate(location.pathname + location.search, { replace: true, state: null });
  }, []); // Once, on arrival.
  return notice;
}

/**
 * Focus for after an action removed the element that had it (a row's button): `focusLater()` moves focus
 * to `ref` once the render is done — after a closing dialog has handed focus back to its (gone) trigger.
 */
export function useFocusAfterAction<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!pending) return;
    ref.current?.focus();
    setPending(false);
  }, [pending]);
  return [ref, useCallback(() => setPending(true), [])];
}

export function Loading() {
  const { t } = useTranslation();
  return <Spinner aria-label={t('admin.loading')} data-size="lg" />;
}

/** A page that could not be shown: no access, no such organisation, or a failure; never a blank screen. */
export function ProblemPage({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  // A malformed id in the address (400) is as much "not found" as an unknown one.
  const kind = error.status === 401 ? 'signedOut' : error.status === 403 ? 'forbidden' : error.status === 404 || error.status === 400 ? 'notFound' : 'failed';
  useDocumentTitle(t(`admin.problem.${kind}.title`));
  return (
    <div className="narrow">
      <PageHeading>{t(`admin.problem.${kind}.title`)}</PageHeading>
      <Paragraph>{t(`admin.problem.${kind}.text`)}</Paragraph>
      {kind === 'failed' && error.message && <Alert data-color="danger">{error.message}</Alert>}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/admin">{t('admin.backToAdmin')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
