/**
 * A real SMTP server (`smtp-server`) on a free loopback port for integration tests: it records every message it
 * accepts, counts connections, and can refuse recipients with a chosen reply code, drop connections after a number
 * of messages, or require a login. Settings follow ../shared/RECIPES.md (no TLS; AUTH only when asked for).
 *
 * @example
 * const sink = await startSmtp({ reject: { 'gone@example.org': 550 } });
 * try { … await sink.waitFor(1); const mail = await sink.messages[0]!.parse(); … } finally { await sink.stop(); }
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

/** One message the server accepted. */
export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients the server accepted (RCPT TO). */
  to: string[];
  /** The message exactly as received, CRLF line ends. */
  raw: Buffer;
  /** Id of the SMTP session (connection) that carried it. */
  sessionId: string;
  /** The message parsed by mailparser (parsed once, on first call). */
  parse(): Promise<ParsedMail>;
}

export interface SmtpSinkOptions {
  /** Recipients to refuse at RCPT TO, address (case-insensitive) → reply code, e.g. `{ 'busy@x.org': 450, 'gone@x.org': 550 }`. */
  reject?: Record<string, number>;
  /** After accepting this many messages on one connection, answer the next MAIL FROM with 421 and close it. */
  closeAfter?: number;
  /** Require AUTH PLAIN/LOGIN (offered without TLS) with these credentials; without it AUTH is disabled. */
  auth?: { user: string; pass: string };
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Accepted messages, in order of arrival. */
  readonly messages: readonly ReceivedMail[];
  /** Connections opened so far. */
  readonly connectionCount: number;
  /** Recipients refused so far, with the code they got. */
  readonly rejections: ReadonlyArray<{ address: string; code: number }>;
  /** Failed logins so far. */
  readonly authFailures: number;
  /** Refuse `address` from now on with reply `code` (4xx temporary, 5xx permanent). */
  rejectRecipient(address: string, code: number): void;
  /** Resolves with the messages once `count` have been accepted; rejects after `timeoutMs` (default 5000). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening and closes open connections at once (with a 421). */
  stop(): Promise<void>;
}

interface Waiter {
  count: number;
  resolve: (messages: ReceivedMail[]) => void;
}

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

function rejectText(code: number): string {
  if (code >= 500) return '5.1.1 Mailbox unavailable (test sink)';
  return '4.2.1 Mailbox busy, try again later (test sink)';
}

/** Starts a sink; always `stop()` it (in `afterAll`/`finally`). */
export async function startSmtp(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const rejections: Array<{ address: string; code: number }> = [];
  const reject = new Map<string, number>(Object.entries(opts.reject ?? {}).map(([a, c]) => [a.toLowerCase(), c]));
  const perSession = new Map<string, number>();
  const waiters: Waiter[] = [];
  let connectionCount = 0;
  let authFailures = 0;

  const settle = (): void => {
    for (const w of [...waiters]) {
      if (messages.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(messages.slice());
      }
    }
  };

  const options: SMTPServerOptions = {
    secure: false,
    authOptional: !opts.auth,
    allowInsecureAuth: Boolean(opts.auth),
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      connectionCount += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return callback(null, { user: auth.username });
      authFailures += 1;
      return callback(null, { message: 'Authentication credentials invalid', responseCode: 535 });
    },
    onMailFrom(_address, session, callback) {
      if (opts.closeAfter !== undefined && (perSession.get(session.id) ?? 0) >= opts.closeAfter) {
        return callback(smtpError(421, 'Too many messages on this connection, closing (test sink)'));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      const code = reject.get(address.address.toLowerCase());
      if (code !== undefined) {
        rejections.push({ address: address.address, code });
        return callback(smtpError(code, rejectText(code)));
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        let parsed: Promise<ParsedMail> | null = null;
        messages.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          sessionId: session.id,
          parse: () => (parsed ??= simpleParser(raw)),
        });
        perSession.set(session.id, (perSession.get(session.id) ?? 0) + 1);
        callback();
        settle();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp-server did not report a TCP port');

  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    get connectionCount() {
      return connectionCount;
    },
    rejections,
    get authFailures() {
      return authFailures;
    },
    rejectRecipient(addr, code) {
      reject.set(addr.toLowerCase(), code);
    },
    waitFor(count, timeoutMs = 5000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise<ReceivedMail[]>((resolve, rejectWait) => {
        const waiter: Waiter = {
          count,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          rejectWait(new Error(`SMTP sink: ${messages.length} of ${count} messages arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of server.connections) {
          connection.send(421, 'Test sink shutting down');
          connection.close();
        }
      });
    },
  };
}
