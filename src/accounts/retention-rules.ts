/**
 * How long the product keeps what (pure rules, no I/O). A top-level organisation's administrators set
 * two periods for their whole tree: how long its audit trail is kept, and after how long without a
 * sign-in an account is deleted. `retention.ts` applies them.
 */
import { PER_ACCOUNT, PER_CLIENT } from './throttle.js';

export interface RetentionPeriods {
  auditMonths: number;
  inactiveAccountMonths: number;
}

/** What a tree without its own settings gets; the same as the columns' defaults in `retention_settings`. */
export const DEFAULT_RETENTION: RetentionPeriods = { auditMonths: 60, inactiveAccountMonths: 24 };

export const RETENTION_LIMITS: Record<keyof RetentionPeriods, { min: number; max: number }> = {
  auditMonths: { min: 12, max: 120 },
  inactiveAccountMonths: { min: 6, max: 120 },
};

/** Used or expired password reset links and ended invitations are kept this long after their expiry. */
export const ENDED_LINK_DAYS = 30;

/** A throttle entry tells nothing once its counting window has passed (and any lock has ended). */
export const THROTTLE_WINDOW_MINUTES = Math.max(PER_ACCOUNT.windowMinutes, PER_CLIENT.windowMinutes);

/** The same day `months` calendar months earlier (UTC), or that month's last day when it is shorter (31 March − 1 → 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now);
  const day = now.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * How long system-wide events (and those of organisations whose tree is gone) are kept: as long as the
 * most careful tree asks, so no organisation loses history it wanted kept; the default when there is none.
 */
export function systemWideAuditMonths(trees: readonly Pick<RetentionPeriods, 'auditMonths'>[]): number {
  return trees.length === 0 ? DEFAULT_RETENTION.auditMonths : Math.max(...trees.map((tree) => tree.auditMonths));
}

export interface InactiveAccount {
  /** The last sign-in, or when the account was created if the person never signed in. */
  lastActiveAt: Date;
  systemAdministrator: boolean;
  /** Whether the person is the only administrator of some organisation. */
  soleAdministrator: boolean;
  /** The inactive-account period of the tree of each membership (null: the tree has no settings). */
  membershipMonths: readonly (number | null)[];
}

/**
 * The period after which the account is deleted: it must have passed for every organisation the person
 * belongs to, so the longest applies; people with no membership get the default.
 */
export function inactivityLimitMonths(membershipMonths: readonly (number | null)[]): number {
  if (membershipMonths.length === 0) return DEFAULT_RETENTION.inactiveAccountMonths;
  return Math.max(...membershipMonths.map((months) => months ?? DEFAULT_RETENTION.inactiveAccountMonths));
}

/**
 * Whether retention deletes the account now. Never the operators of the service, and never an
 * organisation's last administrator (the organisation would be left with nobody to run it).
 */
export function isInactiveAccountDue(account: InactiveAccount, now: Date): boolean {
  if (account.systemAdministrator || account.soleAdministrator) return false;
  return account.lastActiveAt < monthsBefore(now, inactivityLimitMonths(account.membershipMonths));
}
