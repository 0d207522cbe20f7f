/**
 * Outgoing e-mail (invitations, password reset links) through one small interface, so that the use cases
 * never see nodemailer and tests can read what was sent.
 *
 * - `SMTP_URL` set (`smtp://user:pass@host:587`, or `smtps://…` for TLS from the first byte): messages go
 *   through that server. Short time limits make an unreachable server fail in seconds rather than hold a
 *   request for minutes (nodemailer's defaults are 2 min to connect, 10 min idle). Every failure becomes a
 *   `MailDeliveryError` with a message of our own: nodemailer's errors can carry server replies and the
 *   commands that were sent, and the password must never reach a response or the log.
 * - `SMTP_URL` not set (the embedded demo): the 'log' transport sends nothing and writes recipient, subject
 *   and text body to the log at info level, so that a person running the demo can follow invitation and
 *   password reset links from the console. Those links are secrets; a real installation sets SMTP_URL,
 *   and `createMailer` warns once when it does not.
 */
import type { Transporter } from 'nodemailer';
import { ConfigError } from '../config.js';
import { loadOnce } from '../kept-load.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  readonly transport: 'smtp' | 'log';
}

export interface MailConfig {
  /** smtp:// or smtps:// with optional user:password; undefined writes mail to the log instead. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Mulighetsrom <no-reply@example.no>`. */
  from: string;
}

export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Delivery through the SMTP server failed; the message names the server, never its credentials. */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    message: string,
    /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EAUTH, EENVELOPE, …) when there was one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MAIL_FROM = 'Mulighetsrom <no-reply@mulighetsrom.localhost>';

// A few seconds each: enough for a slow relay, short enough that a user waiting on a form is told soon.
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 10_000;
const DNS_TIMEOUT_MS = 5_000;

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL || undefined;
  // Fail at start-up rather than at the first invitation.
  if (smtpUrl !== undefined) smtpServer(smtpUrl);
  return { smtpUrl, from: env.MAIL_FROM || DEFAULT_MAIL_FROM };
}

export function createMailer(config: MailConfig, log: MailLog): Mailer {
  if (config.smtpUrl === undefined) {
    log.warn({}, 'SMTP_URL is not set: e-mail is not sent but written to the log, links included');
    return {
      transport: 'log',
      async send(message) {
        log.info({ to: message.to, subject: message.subject, text: message.text }, 'e-mail (not sent: SMTP_URL is not set)');
      },
    };
  }

  const server = smtpServer(config.smtpUrl);
  const smtpUrl = config.smtpUrl;
  // nodemailer is loaded with the first message: most starts send none (start-up time).
  const transport = loadOnce<Transporter>(() =>
    import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        greetingTimeout: GREETING_TIMEOUT_MS,
        socketTimeout: SOCKET_TIMEOUT_MS,
        dnsTimeout: DNS_TIMEOUT_MS,
        // We send only the text and HTML we compose; never let a message field make nodemailer read a file or URL.
        disableFileAccess: true,
        disableUrlAccess: true,
        // nodemailer's own logger would print the SMTP dialogue, AUTH included.
        logger: false,
        debug: false,
      }),
    ),
  );

  return {
    transport: 'smtp',
    async send(message) {
      try {
        await (await transport()).sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // RFC 3834: tells out-of-office responders not to answer a no-reply address.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const code = errorCode(error);
        const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
        const reply = typeof responseCode === 'number' ? `, SMTP reply ${responseCode}` : '';
        log.warn({ server, code, responseCode }, 'e-mail delivery failed');
        throw new MailDeliveryError(`Could not send e-mail through ${server} (${code ?? 'unknown error'}${reply})`, code);
      }
    },
  };
}

/** `host:port` of an SMTP URL, for messages; throws a ConfigError (without the URL) when it is not one. */
function smtpServer(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new ConfigError('SMTP_URL is not a valid URL (expected smtp://user:password@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  if (url.hostname === '') throw new ConfigError('SMTP_URL has no host name');
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}
