/**
 * Password reset by e-mail: a single-use link valid for an hour. Asking always gets the same answer,
 * whether or not the address has an account. Setting a new password ends every session of the person.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { personActor, recordAudit } from '../platform/audit/audit.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import { passwordResetMail } from './mail-templates.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { clearThrottle, deleteUserSessions, findUserByEmail, updateUser } from './repository.js';
import { passwordResets, users } from './tables.js';
import { emailKey } from './throttle.js';

export const RESET_LINK_HOURS = 1;
/** Reset mails per address per hour: enough for a person, useless for flooding someone's inbox. */
const MAX_RESETS_PER_HOUR = 3;

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/tilbakestill-passord#${token}`;
}

export async function requestPasswordReset(db: Db, mailer: Mailer, email: string, publicUrl: string): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [recent] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, hourAgo)));
  if ((recent?.count ?? 0) >= MAX_RESETS_PER_HOUR) return;
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  await mailer.send({ to: user.email, ...passwordResetMail(user.language, { name: user.name, link: resetLink(publicUrl, token), expiresAt }) });
}

export type ResetOutcome = { outcome: 'done'; email: string } | { outcome: 'invalid-link' } | { outcome: 'weak-password' };

export async function completePasswordReset(db: Db, token: string, password: string): Promise<ResetOutcome> {
  const tokenHash = hashToken(token);
  const usable = and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date()));
  const [pending] = await db
    .select({ userId: passwordResets.userId, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(usable);
  if (!pending) return { outcome: 'invalid-link' };
  // A weak password leaves the link usable, so the person can try again with a better one.
  if (passwordProblem(password, pending.email)) return { outcome: 'weak-password' };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Marked used in the statement that checks it: two clicks cannot both succeed.
    const claimed = await tx.update(passwordResets).set({ usedAt: new Date() }).where(usable).returning({ userId: passwordResets.userId });
    if (claimed.length === 0) return { outcome: 'invalid-link' } as const;
    await updateUser(tx, pending.userId, { passwordHash });
    await deleteUserSessions(tx, pending.userId);
    await clearThrottle(tx, emailKey(pending.email));
    await recordAudit(tx, { actor: personActor(pending), organisationId: null, action: 'password-reset', entityType: 'user', entityId: pending.userId });
    return { outcome: 'done', email: pending.email } as const;
  });
}
