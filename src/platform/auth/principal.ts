/** The signed-in person a request acts for, as every route sees it. */
import type { Language } from '../../reference/codes.js';
import type { MembershipAt } from '../../organisations/roles.js';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  language: Language;
  systemAdministrator: boolean;
  memberships: MembershipAt[];
}

export interface StoredSession {
  tokenHash: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end of the session, whatever the activity. */
  expiresAt: Date;
  principal: Principal;
}

/** Where sessions live; the accounts capability implements it over the database. */
export interface SessionStore {
  find(tokenHash: string): Promise<StoredSession | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  remove(tokenHash: string): Promise<void>;
}

export interface SessionSettings {
  /** A session unused this long ends; the web app warns before. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  absoluteHours: number;
  /** `auto`: Secure cookies when the request came over TLS (directly or, with TRUST_PROXY, through a proxy). */
  secureCookies: 'auto' | boolean;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 30, absoluteHours: 12, secureCookies: 'auto' };

/** When an idle session ends. */
export function idleExpiry(session: Pick<StoredSession, 'lastSeenAt' | 'expiresAt'>, settings: SessionSettings): Date {
  const idle = new Date(session.lastSeenAt.getTime() + settings.idleMinutes * 60_000);
  return idle < session.expiresAt ? idle : session.expiresAt;
}

/** Recording every request's time would write on every read; a minute's precision is enough for an idle timeout. */
export const TOUCH_INTERVAL_MS = 60_000;
