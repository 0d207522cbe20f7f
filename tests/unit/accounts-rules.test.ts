/** Password rules, lockout arithmetic and session expiry (pure parts of sign-in). */
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/accounts/passwords.js';
import { clientKey, emailKey, lockedFor } from '../../src/accounts/throttle.js';
import { idleExpiry } from '../../src/platform/auth/principal.js';
import { hashToken, newToken, sameSecret } from '../../src/platform/auth/tokens.js';

describe('new passwords', () => {
  it('must be long, uncommon and not the e-mail address', () => {
    expect(passwordProblem('kort', 'a@b.no')).toBe('too-short');
    expect(passwordProblem('passord123', 'a@b.no')).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaa', 'a@b.no')).toBe('common');
    expect(passwordProblem('kari.nordmann', 'kari.nordmann@moss.kommune.no')).toBe('same-as-email');
    expect(passwordProblem('x'.repeat(201), 'a@b.no')).toBe('too-long');
    expect(passwordProblem('riktig hest batteri', 'a@b.no')).toBeNull();
  });

  it('count characters, not bytes (æøå count once)', () => {
    expect(passwordProblem('æøåæøåæøå', 'a@b.no')).toBe('too-short');
    expect(passwordProblem('blåbærsyltetøy', 'a@b.no')).toBeNull();
  });

  it('are stored as argon2id hashes that verify only the right password', async () => {
    const stored = await hashPassword('riktig hest batteri');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'riktig hest batteri')).toBe(true);
    expect(await verifyPassword(stored, 'feil hest batteri')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('lockout', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('lasts until the lock ends, and not after', () => {
    expect(lockedFor(null, now)).toBe(0);
    expect(lockedFor({ failures: 0, windowStartedAt: now, lockedUntil: new Date(now.getTime() + 90_000) }, now)).toBe(90_000);
    expect(lockedFor({ failures: 0, windowStartedAt: now, lockedUntil: new Date(now.getTime() - 1) }, now)).toBe(0);
  });
  it('keys e-mail addresses without regard to case or spaces', () => {
    expect(emailKey(' Kari@Moss.no ')).toBe(emailKey('kari@moss.no'));
    expect(clientKey('10.0.0.1')).not.toBe(emailKey('10.0.0.1'));
  });
});

describe('sessions', () => {
  const settings = { idleMinutes: 30, absoluteHours: 12, secureCookies: 'auto' as const };
  it('end after the idle time, or at the absolute end if that comes first', () => {
    const lastSeenAt = new Date('2026-11-23T10:00:00Z');
    expect(idleExpiry({ lastSeenAt, expiresAt: new Date('2026-11-23T20:00:00Z') }, settings).toISOString()).toBe('2026-11-23T10:30:00.000Z');
    expect(idleExpiry({ lastSeenAt, expiresAt: new Date('2026-11-23T10:10:00Z') }, settings).toISOString()).toBe('2026-11-23T10:10:00.000Z');
  });
  it('use random tokens stored only as hashes, compared in constant time', () => {
    const token = newToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, `${token}x`)).toBe(false);
  });
});
