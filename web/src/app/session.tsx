/**
 * Who is signed in, for every page: loads GET /api/auth/session at start, lends the CSRF token to every
 * state-changing call, and follows when the session ends if unused (the idle warning reads it). When the
 * session ends while a page is open, the person stays on the page with what they typed: `ended` is set
 * and `user` is kept until they sign in again, sign out or leave.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/reference/codes.js';
import type { Role } from '../../../src/organisations/roles.js';
import { connectSession, getJson, sendJson } from './api.js';
import { changeLanguage, currentLanguage } from './i18n.js';
import { clearDrafts } from './drafts.js';
import { withNotice } from './notice.js';
import { signInPath } from './session-rules.js';

export { canAdminister, safeReturnPath, signInPath } from './session-rules.js';

export type { Role };

export interface Membership {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  language: Language;
  systemAdministrator: boolean;
  memberships: Membership[];
}

export interface SignInMethods {
  password: boolean;
  oidc: boolean;
  /** The identity provider's name for the button, e.g. "ID-porten". */
  oidcName?: string | null;
}

interface SessionResponse {
  user: Me | null;
  csrfToken: string | null;
  expiresAt: string | null;
  idleMinutes: number;
  methods: SignInMethods;
}

export interface Session {
  user: Me | null;
  loading: boolean;
  csrfToken: string | null;
  methods: SignInMethods;
  /** When (server time) the session ends if unused; null when nobody is signed in. */
  expiresAt: Date | null;
  idleMinutes: number;
  /** The session ended while the page was open; `user` still describes who was signed in. */
  ended: boolean;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** "Stay signed in": moves the end of the session. */
  keepAlive(): Promise<void>;
  /**
   * When the clock says the session has ended, asks the server: another tab may have kept it alive.
   * If it has ended, marks it so (the page and what was typed stay).
   */
  confirmEnded(): Promise<void>;
}

const NO_METHODS: SignInMethods = { password: true, oidc: false };

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Omit<SessionResponse, 'expiresAt'> & { expiresAt: Date | null; loading: boolean; ended: boolean }>({
    user: null,
    csrfToken: null,
    expiresAt: null,
    idleMinutes: 30,
    methods: NO_METHODS,
    loading: true,
    ended: false,
  });
  // The API client reads the token between renders.
  const csrfToken = useRef<string | null>(null);
  csrfToken.current = state.csrfToken;

  const userId = useRef<string | null>(null);
  userId.current = state.user?.id ?? null;

  const refresh = useCallback(async () => {
    const session = await getJson<SessionResponse>('/api/auth/session');
    // Signing in (or the first load) brings the person's own language; later switches save to it.
    if (session.user && session.user.id !== userId.current && session.user.language !== currentLanguage()) {
      await changeLanguage(session.user.language);
    }
    setState({ ...session, expiresAt: session.expiresAt ? new Date(session.expiresAt) : null, loading: false, ended: false });
  }, []);

  useEffect(() => {
    connectSession({
      csrfToken: () => csrfToken.current,
      expiresAtChanged: (expiresAt) => setState((previous) => (previous.expiresAt?.getTime() === expiresAt.getTime() ? previous : { ...previous, expiresAt })),
      unauthenticated: () => setState((previous) => (previous.user && !previous.ended ? { ...previous, ended: true } : previous)),
    });
    refresh().catch(() => setState((previous) => ({ ...previous, loading: false })));
    return () => connectSession(undefined);
  }, [refresh]);

  const signOut = useCallback(async () => {
    await sendJson('POST', '/api/auth/sign-out');
    clearDrafts();
    setState((previous) => ({ ...previous, user: null, csrfToken: null, expiresAt: null, ended: false }));
  }, []);

  const keepAlive = useCallback(async () => {
    const answer = await sendJson<{ expiresAt: string }>('POST', '/api/auth/keep-alive');
    if (answer) setState((previous) => ({ ...previous, expiresAt: new Date(answer.expiresAt) }));
  }, []);

  const confirmEnded = useCallback(async () => {
    const session = await getJson<SessionResponse>('/api/auth/session');
    setState((previous) => {
      if (!session.user) return previous.user ? { ...previous, ended: true } : previous;
      return { ...previous, csrfToken: session.csrfToken, expiresAt: session.expiresAt ? new Date(session.expiresAt) : null };
    });
  }, []);

  const session = useMemo<Session>(() => ({ ...state, refresh, signOut, keepAlive, confirmEnded }), [state, refresh, signOut, keepAlive, confirmEnded]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Signing out from the menu or the idle warning: then to the front page, which confirms it. */
export function useSignOutAndLeave(): () => Promise<void> {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  return async () => {
    try {
      await signOut();
      navigate('/', withNotice('auth.signedOut'));
    } catch {
      // Still signed in (e.g. offline): stay, and say so.
      navigate(location, { replace: true, ...withNotice('session.signOutFailed') });
    }
  };
}

/** A page only for signed-in people: others go to the sign-in page, which brings them back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { user, loading } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  // Someone who signs out or deletes their account here is sent elsewhere right after (the router's
  // navigation is a transition and lands a moment later): no detour through the sign-in page.
  const wasSignedIn = useRef(false);
  if (user) wasSignedIn.current = true;
  if (loading) return <Spinner aria-label={t('session.loading')} />;
  if (!user) return wasSignedIn.current ? null : <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return children;
}
