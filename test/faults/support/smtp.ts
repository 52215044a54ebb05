/**
 * A real SMTP server (`smtp-server`) on a loopback port that can go away and come back on the same port — down
 * (connections cut, then connection refused) or answering every RCPT TO with a 4xx — and that keeps every message it
 * accepted with its envelope and Message-ID across those restarts: what "lost" and "duplicated" are counted on.
 * Adapted from test/support/reminder-smtp.ts and broadcast-smtp.ts.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  /** Envelope recipients, lower case. */
  to: string[];
  messageId: string;
  subject: string;
  at: number;
}

export interface FaultSmtp {
  port: number;
  readonly messages: readonly AcceptedMail[];
  /** RCPT TO refusals and connections refused while down, so far. */
  readonly refused: number;
  /** Whether it listens now. */
  readonly up: boolean;
  /** Cut every connection and stop listening (clients get ECONNRESET, then ECONNREFUSED). */
  goDown(): Promise<void>;
  /** Listen again on the same port. */
  comeUp(): Promise<void>;
  /** Answer every RCPT TO with `code` (e.g. 451) until called with `null`. */
  deferAll(code: number | null): void;
  /** Take each message's data `ms` before answering (a list server's latency), from now on. */
  slow(ms: number): void;
  stop(): Promise<void>;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m?.[1] ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

export async function startFaultSmtp(): Promise<FaultSmtp> {
  const messages: AcceptedMail[] = [];
  let refused = 0;
  let deferred: number | null = null;
  let dataDelayMs = 0;
  let server: SMTPServer | null = null;
  let port = 0;

  const make = (): SMTPServer => {
    const s = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      size: 20_000_000,
      onRcptTo(_address, _session, callback) {
        if (deferred !== null) {
          refused++;
          return callback(Object.assign(new Error('4.3.0 Try again later (fault suite)'), { responseCode: deferred }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const accept = () => {
            // Recorded when the server answers 250: from here on the message is delivered.
            messages.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), messageId: header(raw, 'Message-ID'), subject: header(raw, 'Subject'), at: Date.now() });
            callback();
          };
          if (dataDelayMs > 0) setTimeout(accept, dataDelayMs);
          else accept();
        });
      },
    });
    // A killed client resets its connections: expected here, not a failure of the server.
    s.on('error', () => undefined);
    return s;
  };
  const listen = async (): Promise<void> => {
    const s = make();
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  const close = async (): Promise<void> => {
    const s = server;
    server = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      for (const c of s.connections) c.close();
    });
  };

  await listen();
  return {
    get port() {
      return port;
    },
    messages,
    get refused() {
      return refused;
    },
    get up() {
      return server !== null;
    },
    goDown: close,
    comeUp: async () => {
      if (!server) await listen();
    },
    deferAll(code) {
      deferred = code;
    },
    slow(ms) {
      dataDelayMs = ms;
    },
    stop: close,
  };
}

/** Per Message-ID: how many times the server accepted it. */
export function countByMessageId(messages: readonly AcceptedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}
