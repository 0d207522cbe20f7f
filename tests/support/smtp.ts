/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port, no TLS, any login accepted) that
 * parses every message it receives with mailparser, so a test can read back what the product sent.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, without credentials (the server accepts any, and none). */
  url: string;
  /** Every message received so far, in order of arrival. */
  messages: ParsedMail[];
  /** The first message to `to` (case-insensitive) not returned before, received already or within the timeout. */
  waitForMessage(to: string, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve(message: ParsedMail): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value).flatMap((a) => (a.address ? [a.address] : []));

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  /** Envelope and header recipients of each message, lower-cased (Bcc is only in the envelope). */
  const recipients = new Map<ParsedMail, Set<string>>();
  const claimed = new Set<ParsedMail>();
  const waiters: Waiter[] = [];

  const isFor = (message: ParsedMail, to: string) => recipients.get(message)?.has(to.toLowerCase()) ?? false;

  const received = (message: ParsedMail, envelopeTo: string[]) => {
    recipients.set(message, new Set([...envelopeTo, ...addresses(message.to), ...addresses(message.cc)].map((a) => a.toLowerCase())));
    messages.push(message);
    const index = waiters.findIndex((waiter) => isFor(message, waiter.to));
    const waiter = index >= 0 ? waiters.splice(index, 1)[0] : undefined;
    if (waiter) {
      clearTimeout(waiter.timer);
      claimed.add(message);
      waiter.resolve(message);
    }
  };

  const server = new SMTPServer({
    secure: false,
    // No STARTTLS: the client would try to upgrade and refuse the server's self-signed certificate.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // Lets a client that logs in (SMTP_URL with user:password) do so over the plain connection.
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (message) => {
          received(message, session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  const describeArrivals = () =>
    messages.length === 0
      ? 'nothing arrived'
      : `arrived: ${messages.map((m) => `to ${[...(recipients.get(m) ?? [])].join(', ')} "${m.subject ?? ''}"${claimed.has(m) ? ' (returned before)' : ''}`).join('; ')}`;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessage(to, timeoutMs = 5_000) {
      const ready = messages.find((message) => !claimed.has(message) && isFor(message, to));
      if (ready) {
        claimed.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise<ParsedMail>((resolve, reject) => {
        const waiter: Waiter = {
          to,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(new Error(`No new message to ${to} within ${timeoutMs} ms; ${describeArrivals()}`));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    async stop() {
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`The test SMTP server stopped before a message to ${waiter.to} arrived; ${describeArrivals()}`));
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
