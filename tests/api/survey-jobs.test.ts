/**
 * The survey's periodic job opening rounds at their opening time, on both engines: a draft whose time has
 * come opens as its coordinator would (audit event, invitations mailed through a real SMTP server); one
 * that cannot open stays a draft and is named; one whose time has not come, or that has closed, is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { hashToken } from '../../src/platform/auth/tokens.js';
import { createRound } from '../../src/survey/rounds.js';
import { runSurveyJobs, SURVEY_JOB_ACTOR } from '../../src/survey/jobs.js';
import { surveyInvitees, surveyRounds } from '../../src/survey/tables.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { seedTenants, SETUP_ACTOR, type Tenants } from '../support/tenants.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

const HOUR = 3_600_000;
const quietLog = { info: () => undefined, warn: () => undefined };

describe.each(ENGINES)('survey rounds opening on time on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let smtp: TestSmtp;
  let t: Tenants;
  const db = () => testDb.database.db;
  const mail = () => ({ mailer: createMailer({ smtpUrl: smtp.url, from: 'Mulighetsrom <test@mulighetsrom.test>' }, quietLog), publicUrl: 'https://mulighetsrom.test' });
  const statusOf = async (id: string) => (await db().select({ status: surveyRounds.status }).from(surveyRounds).where(eq(surveyRounds.id, id)))[0]!.status;

  beforeAll(async () => {
    testDb = await create();
    smtp = await startTestSmtp();
    t = await seedTenants(db());
  });
  afterAll(async () => {
    await smtp?.stop();
    await testDb?.dispose();
  });

  it('opens the drafts whose time has come and mails their invitations; leaves the others', async () => {
    const now = new Date();
    const round = (title: string, opensAt: Date) => createRound(db(), t.region, { title, opensAt, closesAt: new Date(now.getTime() + 14 * 24 * HOUR) }, SETUP_ACTOR, new Date(now.getTime() - 2 * HOUR));
    const due = await round('Kartlegging som åpner nå', new Date(now.getTime() - HOUR));
    const empty = await round('Kartlegging uten inviterte', new Date(now.getTime() - HOUR));
    const later = await round('Kartlegging som åpner i morgen', new Date(now.getTime() + 24 * HOUR));
    for (const roundId of [due.id, later.id]) {
      await db().insert(surveyInvitees).values({ roundId, name: 'Kirkeparken skole', email: `rektor.${roundId.slice(0, 8)}@moss.example`, municipalityCode: '3103', sector: 'education', tokenHash: hashToken(randomBytes(24).toString('base64url')) });
    }

    const first = await runSurveyJobs(db(), mail(), now);
    expect(first.opening).toEqual({ opened: 1, invited: 1, notOpened: [{ roundId: empty.id, reason: 'surveyNoInvitees' }] });
    expect([await statusOf(due.id), await statusOf(empty.id), await statusOf(later.id)]).toEqual(['open', 'draft', 'draft']);
    const invitation = await smtp.waitForMessage(`rektor.${due.id.slice(0, 8)}@moss.example`);
    expect(invitation.text).toMatch(/https:\/\/mulighetsrom\.test\/svar\/[A-Za-z0-9_-]{40,}/);
    const audit = await db().execute(sql`SELECT action, actor_label FROM audit_events WHERE entity_id = ${due.id} AND action = 'survey-round-opened'`);
    expect((audit as unknown as { rows: Array<{ actor_label: string }> }).rows.map((r) => r.actor_label)).toEqual([SURVEY_JOB_ACTOR.label]);

    // The next hour: nothing more to open, and no second invitation.
    const second = await runSurveyJobs(db(), mail(), new Date(now.getTime() + HOUR));
    expect(second.opening).toEqual({ opened: 0, invited: 0, notOpened: [{ roundId: empty.id, reason: 'surveyNoInvitees' }] });
  });
});
