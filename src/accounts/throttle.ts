/**
 * Sign-in throttling (pure). Failures are counted per e-mail address (whether or not it has an account,
 * so a lockout does not reveal that) and per client address; too many within the window lock that key
 * for a while. A success clears the e-mail's count. The counting itself is one atomic statement
 * (repository `recordFailure`), so parallel attempts cannot slip past the limit.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottleRule {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const PER_ACCOUNT: ThrottleRule = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
/** Many addresses tried from one place: password spraying. */
export const PER_CLIENT: ThrottleRule = { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 };

export function lockedFor(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return state.lockedUntil.getTime() - now.getTime();
}

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function clientKey(ip: string): string {
  return `client:${ip}`;
}
