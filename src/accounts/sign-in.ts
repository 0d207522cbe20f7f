/**
 * Signing in with e-mail and password. The answer is the same for an unknown address and a wrong
 * password, takes as long, and counts towards the same lockout.
 */
import type { Db } from '../platform/db/client.js';
import { clearThrottle, findUserByEmail, readThrottle, recordFailure, type UserRow } from './repository.js';
import { verifyAgainstNothing, verifyPassword } from './passwords.js';
import { clientKey, emailKey, lockedFor, PER_ACCOUNT, PER_CLIENT } from './throttle.js';

export type SignInResult = { outcome: 'signed-in'; user: UserRow } | { outcome: 'wrong-credentials' } | { outcome: 'locked'; minutes: number };

export async function signInWithPassword(db: Db, attempt: { email: string; password: string; clientAddress: string }, now = new Date()): Promise<SignInResult> {
  const accountKey = emailKey(attempt.email);
  const sourceKey = clientKey(attempt.clientAddress);
  const throttle = await readThrottle(db, [accountKey, sourceKey]);
  const waitMs = Math.max(lockedFor(throttle.get(accountKey) ?? null, now), lockedFor(throttle.get(sourceKey) ?? null, now));
  if (waitMs > 0) return { outcome: 'locked', minutes: Math.ceil(waitMs / 60_000) };

  const user = await findUserByEmail(db, attempt.email);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, attempt.password) : await verifyAgainstNothing(attempt.password);
  if (valid && user) {
    await clearThrottle(db, accountKey);
    return { outcome: 'signed-in', user };
  }
  await db.transaction(async (tx) => {
    await recordFailure(tx, accountKey, PER_ACCOUNT, now);
    await recordFailure(tx, sourceKey, PER_CLIENT, now);
  });
  return { outcome: 'wrong-credentials' };
}
