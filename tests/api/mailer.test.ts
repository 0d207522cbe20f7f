/**
 * The mailer against a real SMTP server on 127.0.0.1 (tests/support/smtp.ts): what the product sends
 * arrives with its subject, addresses, link and escaped names; an unreachable or silent server fails in
 * seconds with a MailDeliveryError that never shows the password; without SMTP_URL mail goes to the log.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, mailConfigFromEnv, MailDeliveryError, type MailLog } from '../../src/platform/mail/mailer.js';
import { ConfigError } from '../../src/platform/config.js';
import { invitationMail, ROLE_NAMES } from '../../src/accounts/mail-templates.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

const FROM = 'Mulighetsrom <no-reply@mulighetsrom.test>';
const PASSWORD = 'hemmelig-S3cret';
const LINK = 'https://mulighetsrom.test/invitasjon/4f9c2a';

interface Recorded {
  level: 'info' | 'warn';
  obj: object;
  msg: string;
}
function recordingLog(): MailLog & { calls: Recorded[] } {
  const calls: Recorded[] = [];
  return {
    calls,
    info: (obj, msg) => calls.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => calls.push({ level: 'warn', obj, msg }),
  };
}

const invitation = (organisationName: string) =>
  invitationMail('nb', {
    organisationName,
    inviterName: 'Kari Nordmann',
    roleName: ROLE_NAMES.editor.nb,
    link: LINK,
    expiresAt: new Date('2026-03-12T13:30:00Z'),
  });

/** A TCP port on 127.0.0.1 that nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.stop();
});

describe('sending through SMTP', () => {
  it('delivers subject, addresses, the link in the text and escaped names in the HTML', async () => {
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM }, log);
    expect(mailer.transport).toBe('smtp');

    const mail = invitation('Moss & Rygge <IKS>');
    await mailer.send({ to: 'Kari.Nordmann@Moss.Kommune.test', ...mail });

    const received = await smtp.waitForMessage('kari.nordmann@moss.kommune.test');
    expect(received.subject).toBe(mail.subject);
    expect(received.from?.value[0]?.address).toBe('no-reply@mulighetsrom.test');
    expect(received.from?.value[0]?.name).toBe('Mulighetsrom');
    // nodemailer lower-cases the domain (IDNA); the local part is left as given.
    expect(received.to).toMatchObject({ value: [{ address: 'Kari.Nordmann@moss.kommune.test' }] });
    expect(received.text?.split('\n').map((line) => line.trim())).toContain(LINK);
    expect(received.html).toContain('Moss &amp; Rygge &lt;IKS&gt;');
    expect(received.html).not.toContain('<IKS>');
    expect(received.headers.get('auto-submitted')).toBe('auto-generated');
    expect(log.calls.filter((call) => call.level === 'warn')).toEqual([]);
  });

  it('logs in when the URL carries a user and password', async () => {
    const url = new URL(smtp.url);
    url.username = 'mulighetsrom';
    url.password = PASSWORD;
    const mailer = createMailer({ smtpUrl: url.href, from: FROM }, recordingLog());
    await mailer.send({ to: 'ola@example.test', ...invitation('Halden kommune') });
    expect((await smtp.waitForMessage('OLA@example.test')).subject).toContain('Halden kommune');
  });

  it('hands each received message to one wait only, and a wait that times out says what arrived', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM }, recordingLog());
    const later = smtp.waitForMessage('per@example.test');
    await mailer.send({ to: 'per@example.test', ...invitation('Fredrikstad kommune') });
    expect((await later).subject).toContain('Fredrikstad kommune');
    await expect(smtp.waitForMessage('per@example.test', 200)).rejects.toThrow(/per@example\.test.*Fredrikstad kommune.*returned before/);
  });

  it('rejects an unreachable server within seconds, without the password', async () => {
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: `smtp://mulighetsrom:${PASSWORD}@127.0.0.1:${await closedPort()}`, from: FROM }, log);
    const started = Date.now();
    const error = await mailer.send({ to: 'kari@example.test', ...invitation('Sarpsborg kommune') }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as Error).message).toContain('127.0.0.1');
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(JSON.stringify(log.calls)).not.toContain(PASSWORD);
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const mailer = createMailer({ smtpUrl: `smtp://mulighetsrom:${PASSWORD}@127.0.0.1:${port}`, from: FROM }, recordingLog());
      const started = Date.now();
      const error = await mailer.send({ to: 'kari@example.test', ...invitation('Sarpsborg kommune') }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as Error).message).not.toContain(PASSWORD);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('without SMTP_URL', () => {
  it('writes recipient, subject and text (with the link) to the log at info level', async () => {
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: undefined, from: FROM }, log);
    expect(mailer.transport).toBe('log');
    const mail = invitation('Sarpsborg kommune');
    await mailer.send({ to: 'kari@example.test', ...mail });
    const info = log.calls.filter((call) => call.level === 'info');
    expect(info).toHaveLength(1);
    expect(info[0]?.obj).toMatchObject({ to: 'kari@example.test', subject: mail.subject });
    expect(JSON.stringify(info[0]?.obj)).toContain(LINK);
  });
});

describe('configuration from the environment', () => {
  it('reads SMTP_URL and MAIL_FROM, with a default sender and the log transport when unset', () => {
    expect(mailConfigFromEnv({})).toEqual({ smtpUrl: undefined, from: 'Mulighetsrom <no-reply@mulighetsrom.localhost>' });
    expect(mailConfigFromEnv({ SMTP_URL: 'smtps://u:p@smtp.example.test', MAIL_FROM: 'Sarpsborg <post@example.test>' })).toEqual({
      smtpUrl: 'smtps://u:p@smtp.example.test',
      from: 'Sarpsborg <post@example.test>',
    });
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, without repeating it', () => {
    expect(() => mailConfigFromEnv({ SMTP_URL: `https://u:${PASSWORD}@smtp.example.test` })).toThrow(ConfigError);
    expect(() => mailConfigFromEnv({ SMTP_URL: `not a url ${PASSWORD}` })).toThrow(ConfigError);
    try {
      mailConfigFromEnv({ SMTP_URL: `not a url ${PASSWORD}` });
    } catch (error) {
      expect((error as Error).message).not.toContain(PASSWORD);
    }
  });
});
