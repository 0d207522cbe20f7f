/**
 * The survey's periodic job, started with the server (src/platform/app.ts): opens the drafts whose
 * opening time has come and sends their invitations, records rounds past their closing time as closed,
 * deletes answers and respondents past the retention date, sends the day's reminders. Hourly, so a
 * reminder day is not missed after a restart (the first run comes ten seconds after it); each part is
 * idempotent.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/audit/audit.js';
import { HttpError } from '../platform/http/errors.js';
import { sendPendingInvitations, type SurveyMail } from './invitees.js';
import { sendDueReminders } from './reminders.js';
import { eraseExpiredRounds } from './retention.js';
import { closeDueRounds, markOpen, roundsDueToOpen } from './rounds.js';

export const SURVEY_JOB_ACTOR: Actor = { userId: null, label: 'survey job' };
const INTERVAL_MS = 3_600_000;

/**
 * Opens each draft whose time has come, as its coordinator would, and sends its invitations. A draft
 * that cannot open (no questions or no invitees: 422) stays a draft, and is named for the log.
 */
async function openDueRounds(db: Db, mail: SurveyMail, now: Date): Promise<{ opened: number; invited: number; notOpened: Array<{ roundId: string; reason: string }> }> {
  const result = { opened: 0, invited: 0, notOpened: [] as Array<{ roundId: string; reason: string }> };
  for (const roundId of await roundsDueToOpen(db, now)) {
    try {
      await markOpen(db, roundId, SURVEY_JOB_ACTOR, now);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result.notOpened.push({ roundId, reason: error.messageKey });
      continue;
    }
    result.opened++;
    result.invited += (await sendPendingInvitations(db, mail, roundId)).sent;
  }
  return result;
}

export async function runSurveyJobs(db: Db, mail: SurveyMail, now = new Date()) {
  return {
    opening: await openDueRounds(db, mail, now),
    closed: await closeDueRounds(db, SURVEY_JOB_ACTOR, now),
    erased: await eraseExpiredRounds(db, SURVEY_JOB_ACTOR, now),
    reminders: await sendDueReminders(db, mail, now),
  };
}

export interface SurveyJobs {
  /** One run now; failures are logged, never thrown (the next run tries again). */
  run(): Promise<void>;
}

export function surveyJobs(db: Db, mail: SurveyMail, log: FastifyBaseLogger): SurveyJobs {
  return {
    async run() {
      try {
        log.info({ survey: await runSurveyJobs(db, mail) }, 'survey job done');
      } catch (error) {
        log.error({ err: error }, 'survey job failed');
      }
    },
  };
}

/** The first run waits until the server has answered the requests that come with its start. */
const FIRST_RUN_AFTER_MS = 10_000;

/** Runs the job soon after start and then hourly until stopped; stopping waits for a run under way. */
export function scheduleSurveyJobs(jobs: SurveyJobs, firstRunAfterMs = FIRST_RUN_AFTER_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const first = setTimeout(() => (running = jobs.run()), firstRunAfterMs).unref();
  const timer = setInterval(() => (running = jobs.run()), INTERVAL_MS).unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
