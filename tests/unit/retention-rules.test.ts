/** Retention periods: calendar-month arithmetic, the system-wide audit period, and which inactive accounts go. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  inactivityLimitMonths,
  isInactiveAccountDue,
  monthsBefore,
  systemWideAuditMonths,
  type InactiveAccount,
} from '../../src/accounts/retention-rules.js';

describe('monthsBefore', () => {
  it('keeps the day and time of day', () => {
    expect(monthsBefore(new Date('2026-06-15T10:20:30Z'), 12).toISOString()).toBe('2025-06-15T10:20:30.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 1).toISOString()).toBe('2025-12-15T00:00:00.000Z');
  });

  it('ends on the last day of a shorter month instead of spilling into the next', () => {
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(monthsBefore(new Date('2028-03-31T12:00:00Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(monthsBefore(new Date('2026-12-31T00:00:00Z'), 6).toISOString()).toBe('2026-06-30T00:00:00.000Z');
  });

  it('goes back across many years', () => {
    expect(monthsBefore(new Date('2026-05-01T00:00:00Z'), 120).toISOString()).toBe('2016-05-01T00:00:00.000Z');
  });
});

describe('systemWideAuditMonths', () => {
  it('is the longest period any tree asks for', () => {
    expect(systemWideAuditMonths([{ auditMonths: 12 }, { auditMonths: 96 }, { auditMonths: 60 }])).toBe(96);
    expect(systemWideAuditMonths([{ auditMonths: 12 }])).toBe(12);
  });

  it('is the default when there are no organisations', () => {
    expect(systemWideAuditMonths([])).toBe(DEFAULT_RETENTION.auditMonths);
  });
});

describe('inactivityLimitMonths', () => {
  it('takes the longest period of the trees the person belongs to, the default for trees without settings', () => {
    expect(inactivityLimitMonths([6, 36, 12])).toBe(36);
    expect(inactivityLimitMonths([6, null])).toBe(DEFAULT_RETENTION.inactiveAccountMonths);
    expect(inactivityLimitMonths([48, null])).toBe(48);
  });

  it('gives people without any membership the default', () => {
    expect(inactivityLimitMonths([])).toBe(24);
  });
});

describe('isInactiveAccountDue', () => {
  const now = new Date('2026-06-15T00:00:00Z');
  const account = (changes: Partial<InactiveAccount>): InactiveAccount => ({
    lastActiveAt: new Date('2025-01-01T00:00:00Z'),
    systemAdministrator: false,
    soleAdministrator: false,
    membershipMonths: [12],
    ...changes,
  });

  it('deletes an account unused for longer than its limit, and keeps one just inside it', () => {
    expect(isInactiveAccountDue(account({ lastActiveAt: new Date('2025-06-14T23:59:59Z') }), now)).toBe(true);
    expect(isInactiveAccountDue(account({ lastActiveAt: new Date('2025-06-15T00:00:00Z') }), now)).toBe(false);
  });

  it('needs the period of every organisation to have passed', () => {
    expect(isInactiveAccountDue(account({ membershipMonths: [12, 24] }), now)).toBe(false);
    expect(isInactiveAccountDue(account({ membershipMonths: [12, 6] }), now)).toBe(true);
  });

  it('never deletes a system administrator or an organisation\'s last administrator', () => {
    const longGone = new Date('2015-01-01T00:00:00Z');
    expect(isInactiveAccountDue(account({ lastActiveAt: longGone, systemAdministrator: true }), now)).toBe(false);
    expect(isInactiveAccountDue(account({ lastActiveAt: longGone, soleAdministrator: true }), now)).toBe(false);
  });

  it('uses the default 24 months for people with no membership', () => {
    expect(isInactiveAccountDue(account({ membershipMonths: [], lastActiveAt: new Date('2024-06-14T00:00:00Z') }), now)).toBe(true);
    expect(isInactiveAccountDue(account({ membershipMonths: [], lastActiveAt: new Date('2024-07-01T00:00:00Z') }), now)).toBe(false);
  });
});
