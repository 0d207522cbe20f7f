/**
 * Password hashing (argon2id, OWASP's recommended minimum cost) and the rule for new passwords: long
 * enough, not a well-known password, not the e-mail address. Length beats composition rules (NIST SP 800-63B).
 */
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Spent on sign-ins for unknown addresses so that the answer takes as long as for a real account: the
 * time must not tell whether an address has an account.
 */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no account has this password');
  await verifyPassword(await dummyHash, password);
  return false;
}

const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', '1234512345', '1q2w3e4r5t', 'qwertyuiop',
  'qwertzuiop', 'asdfghjkl1', 'password12', 'password123', 'password1234', 'passord123', 'passord1234', 'lösenord123',
  'losenord123', 'sommer2024', 'sommer2025', 'sommer2026', 'vinter2025', 'vinter2026', 'sommar2025', 'sommar2026',
  'welcome123', 'velkommen1', 'velkommen123', 'välkommen123', 'iloveyou12', 'letmein123', 'qwerty1234', 'abcdefghij',
  'abc1234567', 'administrator', 'admin12345', 'changeme123', 'mulighetsrom', 'mulighetsrom1', 'mulighetsrom123',
]);

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'same-as-email';

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 2) return 'common';
  if (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0]) return 'same-as-email';
  return null;
}
