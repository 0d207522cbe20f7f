import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH as SERVER_MIN_PASSWORD_LENGTH } from '../../src/accounts/passwords.js';
import { tokenFromFragment } from '../../web/src/accounts/fragment-token.js';
import { describeUserAgent } from '../../web/src/accounts/user-agent.js';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, problemOf, problemsFromError } from '../../web/src/app/form-problems.js';
import { noticeOf, withNotice } from '../../web/src/app/notice.js';

/** What the API client throws (web/src/app/api.ts's ApiError), without loading the browser-only i18n module. */
const apiError = (status: number, message: string, field?: string) => Object.assign(new Error(message), { status, field });

describe('form problems from the API', () => {
  it('puts the message on the field the server named when the form has it', () => {
    expect(problemsFromError(apiError(422, 'Passordet er for kort.', 'password'), ['password'], 'offline')).toEqual([{ field: 'password', message: 'Passordet er for kort.' }]);
  });
  it('gives the whole form a message whose field the form does not show (e.g. a lockout)', () => {
    expect(problemsFromError(apiError(429, 'Prøv igjen om 15 minutter.'), ['email', 'password'], 'offline')).toEqual([{ field: undefined, message: 'Prøv igjen om 15 minutter.' }]);
    expect(problemsFromError(apiError(403, 'Avvist.', 'x-csrf-token'), ['email'], 'offline')).toEqual([{ field: undefined, message: 'Avvist.' }]);
  });
  it('says the service could not be reached when the request itself failed', () => {
    expect(problemsFromError(new TypeError('Failed to fetch'), ['email'], 'Ingen kontakt.')).toEqual([{ message: 'Ingen kontakt.' }]);
  });
  it('finds the problem of a field', () => {
    expect(problemOf([{ field: 'name', message: 'Skriv navnet.' }, { message: 'Annet' }], 'name')).toBe('Skriv navnet.');
    expect(problemOf([{ message: 'Annet' }], 'name')).toBeUndefined();
  });
});

describe('a new password, before the server checks the rest', () => {
  it('has the server\'s minimum length', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN_PASSWORD_LENGTH);
  });
  it('must be long enough (counted in characters, not UTF-16 units) and typed the same twice', () => {
    expect(newPasswordProblem('kort', 'kort')).toEqual({ field: 'password', problem: 'too-short' });
    expect(newPasswordProblem('🌲🌲🌲🌲🌲', '🌲🌲🌲🌲🌲')).toEqual({ field: 'password', problem: 'too-short' });
    expect(newPasswordProblem('fjord-lyng-tindrer', 'fjord-lyng-tindrer!')).toEqual({ field: 'repeatPassword', problem: 'mismatch' });
    expect(newPasswordProblem('fjord-lyng-tindrer', 'fjord-lyng-tindrer')).toBeNull();
  });
});

describe('tokens in link fragments', () => {
  it('reads a bare token or token=…', () => {
    expect(tokenFromFragment('#Ab3_-xYz0123456789')).toBe('Ab3_-xYz0123456789');
    expect(tokenFromFragment('#token=Ab3_-xYz0123456789')).toBe('Ab3_-xYz0123456789');
  });
  it.each(['', '#', '#short', '#has spaces in it', '#<script>alert(1)</script>', `#${'a'.repeat(201)}`])('ignores %s', (hash) => {
    expect(tokenFromFragment(hash)).toBeNull();
  });
});

describe('devices from user agents', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge', 'Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari', 'macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1', 'Chrome', 'iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox', 'Linux'],
  ])('%s', (userAgent, browser, system) => {
    expect(describeUserAgent(userAgent)).toEqual({ browser, system });
  });
  it('knows nothing of a missing or unknown user agent', () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
    expect(describeUserAgent('curl/8.5.0')).toEqual({ browser: null, system: null });
  });
});

describe('notices carried to the next page', () => {
  it('round-trips through history state and ignores anything else there', () => {
    expect(noticeOf(withNotice('auth.signedOut').state)).toEqual({ key: 'auth.signedOut', params: undefined });
    expect(noticeOf(null)).toBeUndefined();
    expect(noticeOf({ notice: { key: 3 } })).toBeUndefined();
    expect(noticeOf({ other: true })).toBeUndefined();
  });
});
