/**
 * The survey's periodic job, started with the server (src/platform/app.ts): records rounds past their
 * closing time as closed, deletes answers and respondents past the retention date, sends the day's
 * reminders. Hourly, so a reminder day is not missed after a restart; each part is idempotent.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/audit/audit.js';
import type { SurveyMail } from './invitees.js';
import { sendDueReminders } from './reminders.js';
import { eraseExpiredRounds } from './retention.js';
import { closeDueRounds } from './rounds.js';

export const SURVEY_JOB_ACTOR: Actor = { userId: null, label: 'survey job' };
const INTERVAL_MS = 3_600_000;

export async function runSurveyJobs(db: Db, mail: SurveyMail, now = new Date()) {
  return {
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

/** Runs the job now and then hourly until stopped; stopping waits for a run under way. */
export function scheduleSurveyJobs(jobs: SurveyJobs): { stop(): Promise<void> } {
  let running = jobs.run();
  const timer = setInterval(() => (running = jobs.run()), INTERVAL_MS).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
