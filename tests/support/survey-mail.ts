/** Survey mail in API tests: the mailer pointed at the test SMTP server, and the personal link a mail carries. */
import { createMailer } from '../../src/platform/mail/mailer.js';
import type { SurveyMail } from '../../src/survey/invitees.js';
import type { TestSmtp } from './smtp.js';

export const SURVEY_PUBLIC_URL = 'https://mulighetsrom.test';
const quietLog = { info: () => undefined, warn: () => undefined };

export function surveyMail(smtp: TestSmtp): SurveyMail {
  return { mailer: createMailer({ smtpUrl: smtp.url, from: 'Mulighetsrom <test@mulighetsrom.test>' }, quietLog), publicUrl: SURVEY_PUBLIC_URL };
}

/** Waits for the next survey mail to `to` and reads the response link's token from it. */
export async function surveyLinkIn(smtp: TestSmtp, to: string): Promise<{ token: string; message: Awaited<ReturnType<TestSmtp['waitForMessage']>> }> {
  const message = await smtp.waitForMessage(to);
  const token = /https:\/\/mulighetsrom\.test\/svar\/([A-Za-z0-9_-]{40,})/.exec(message.text ?? '')?.[1];
  if (token === undefined) throw new Error(`no survey link in the mail to ${to}: ${message.text}`);
  return { token, message };
}
