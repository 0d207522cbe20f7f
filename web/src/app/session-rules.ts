/** Pure rules of the signed-in shell: where to return after sign-in, who sees administration, when to warn. */
import type { Me } from './session.js';

/** Where the sign-in page sends the person afterwards: only a path on this site, never another address. */
export function safeReturnPath(next: string | null | undefined, fallback = '/min-side'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function signInPath(returnTo: string): string {
  return `/logg-inn?${new URLSearchParams({ neste: returnTo }).toString()}`;
}

/** Whether the person may open the administration pages at all. */
export function canAdminister(user: Me | null): boolean {
  return !!user && (user.systemAdministrator || user.memberships.some((m) => m.role === 'coordinator' || m.role === 'administrator'));
}

const WARNING_LEAD_MS = 2 * 60_000;

/** Warn two minutes before an idle session ends, or halfway when sessions are shorter than four minutes. */
export function warningLeadMs(idleMinutes: number): number {
  return Math.min(WARNING_LEAD_MS, (idleMinutes * 60_000) / 2);
}

export type SessionPhase = 'active' | 'warning' | 'ended';

export function sessionPhase(now: number, endsAt: number, leadMs: number): SessionPhase {
  if (now >= endsAt) return 'ended';
  return now >= endsAt - leadMs ? 'warning' : 'active';
}
