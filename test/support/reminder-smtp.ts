/**
 * A real SMTP server (`smtp-server`) on a loopback port for the reminder tests, that can defer every recipient with a
 * 4xx for a while (then recover), refuse chosen recipients for good with a 5xx, and count what it accepted per
 * Message-ID — what "exactly once" is checked on.
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedReminderMail {
  to: string[];
  messageId: string;
  subject: string;
  inReplyTo: string | null;
  listUnsubscribe: string | null;
  raw: string;
  /** ms since the epoch (fractional) when the server took the end of its data. */
  at: number;
}

export interface ReminderSmtp {
  port: number;
  readonly messages: readonly ReceivedReminderMail[];
  /** RCPT TO answers so far that were refusals, with their code. */
  readonly refusals: ReadonlyArray<{ address: string; code: number }>;
  /** Answer every RCPT TO with `code` (e.g. 451) until called with `null`. */
  deferAll(code: number | null): void;
  /** Refuse `address` with `code` (e.g. 550), or accept it again with `null`. */
  refuse(address: string, code: number | null): void;
  /** Messages per Message-ID. */
  countsByMessageId(): Map<string, number>;
  /** Resolves once `pick()` is truthy (checked on every message and every 20 ms); rejects after `timeoutMs`. */
  until<T>(pick: () => T | null | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  stop(): Promise<void>;
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m?.[1] ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

export async function startReminderSmtp(): Promise<ReminderSmtp> {
  const messages: ReceivedReminderMail[] = [];
  const refusals: Array<{ address: string; code: number }> = [];
  const refused = new Map<string, number>();
  let deferred: number | null = null;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 10_000_000,
    onRcptTo(address, _session, callback) {
      const code = deferred ?? refused.get(address.address.toLowerCase());
      if (code !== undefined && code !== null) {
        refusals.push({ address: address.address, code });
        const err = Object.assign(new Error(code >= 500 ? '5.1.1 Mailbox unavailable (test)' : '4.3.0 Try again later (test)'), { responseCode: code });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, 'Message-ID') ?? '',
          subject: header(raw, 'Subject') ?? '',
          inReplyTo: header(raw, 'In-Reply-To'),
          listUnsubscribe: header(raw, 'List-Unsubscribe'),
          raw,
          at: performance.timeOrigin + performance.now(),
        });
        callback();
      });
    },
  });
  // A killed client resets its connections (ECONNRESET): expected in the crash test, not a failure of the server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp-server did not report a port');
  return {
    port: address.port,
    messages,
    refusals,
    deferAll(code) {
      deferred = code;
    },
    refuse(addr, code) {
      if (code === null) refused.delete(addr.toLowerCase());
      else refused.set(addr.toLowerCase(), code);
    },
    countsByMessageId() {
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    until(pick, timeoutMs = 10_000, what = 'the expected mail') {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const v = pick();
          if (v) return resolve(v);
          if (Date.now() - started > timeoutMs) return reject(new Error(`SMTP: ${what} did not arrive within ${timeoutMs} ms (${messages.length} messages, ${refusals.length} refusals)`));
          setTimeout(tick, 20);
        };
        tick();
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of server.connections) c.close();
      });
    },
  };
}
