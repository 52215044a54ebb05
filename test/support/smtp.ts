/**
 * A real SMTP server (`smtp-server`) on a free loopback port for integration tests: it records every message it
 * accepts (with the headers tests look at), counts connections, and can refuse recipients with a chosen reply code
 * (for the next N tries or until told otherwise), defer everyone for a while, answer slowly, drop connections after a
 * number of messages, or require a login. No TLS; AUTH only when asked for.
 *
 * @example
 * const smtp = await startSmtp();
 * smtp.refuse('gone@example.org', 550);
 * try { … await smtp.waitFor(1); const mail = await smtp.messages[0]!.parse(); … } finally { await smtp.stop(); }
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message the server accepted. */
export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients the server accepted (RCPT TO), lower case. */
  to: string[];
  /** The message as text (UTF-8), CRLF line ends. */
  raw: string;
  /** The message exactly as received. */
  bytes: Buffer;
  messageId: string;
  subject: string;
  inReplyTo: string | null;
  listUnsubscribe: string | null;
  /** Id of the SMTP session (connection) that carried it. */
  sessionId: string;
  /** ms since the epoch (fractional) when the server took the end of its data. */
  at: number;
  /** The message parsed by mailparser (parsed once, on first call). */
  parse(): Promise<ParsedMail>;
}

export interface SmtpSinkOptions {
  /** Recipients to refuse from the start, address → reply code (as {@link SmtpSink.refuse}). */
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
  /** RCPT TO answers so far that were refusals, with their code. */
  readonly refusals: ReadonlyArray<{ address: string; code: number }>;
  /** Connections opened so far. */
  readonly connectionCount: number;
  /** Failed logins so far. */
  readonly authFailures: number;
  /** Answer RCPT TO `address` with `code` (4xx temporary, 5xx permanent) for the next `times` tries, or always; `null` accepts it again. */
  refuse(address: string, code: number | null, times?: number): void;
  /** Answer every RCPT TO with `code` (e.g. 451) until called with `null`. */
  deferAll(code: number | null): void;
  /** Answer each message's DATA only after `ms` (a slow server, so that two senders overlap). */
  slow(ms: number): void;
  /** Messages accepted for `address`. */
  to(address: string): ReceivedMail[];
  /** Messages per Message-ID. */
  countsByMessageId(): Map<string, number>;
  /** Resolves with the messages once `count` have been accepted; rejects after `timeoutMs` (default 5000). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves once `pick()` is truthy (checked every 20 ms); rejects after `timeoutMs` (default 10 000). */
  until<T>(pick: () => T | null | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  /** Stops listening and closes open connections at once (with a 421). */
  stop(): Promise<void>;
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m?.[1] ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Starts a sink; always `stop()` it (in `afterAll`/`finally`). */
export async function startSmtp(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const refusals: Array<{ address: string; code: number }> = [];
  const rules = new Map<string, { code: number; times: number }>(Object.entries(opts.reject ?? {}).map(([a, code]) => [a.toLowerCase(), { code, times: Number.POSITIVE_INFINITY }]));
  const perSession = new Map<string, number>();
  let deferred: number | null = null;
  let dataDelayMs = 0;
  let connectionCount = 0;
  let authFailures = 0;

  const options: SMTPServerOptions = {
    secure: false,
    authOptional: !opts.auth,
    allowInsecureAuth: Boolean(opts.auth),
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 50_000_000,
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
      const a = address.address.toLowerCase();
      const rule = rules.get(a);
      const code = deferred ?? rule?.code;
      if (code === undefined) return callback();
      if (deferred === null && rule && --rule.times <= 0) rules.delete(a);
      refusals.push({ address: address.address, code });
      return callback(smtpError(code, code >= 500 ? '5.1.1 Mailbox unavailable (test sink)' : '4.3.0 Busy, try again later (test sink)'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const raw = bytes.toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        let parsed: Promise<ParsedMail> | null = null;
        const accept = () => {
          messages.push({
            from: mailFrom ? mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            raw,
            bytes,
            messageId: header(raw, 'Message-ID') ?? '',
            subject: header(raw, 'Subject') ?? '',
            inReplyTo: header(raw, 'In-Reply-To'),
            listUnsubscribe: header(raw, 'List-Unsubscribe'),
            sessionId: session.id,
            at: performance.timeOrigin + performance.now(),
            parse: () => (parsed ??= simpleParser(bytes)),
          });
          perSession.set(session.id, (perSession.get(session.id) ?? 0) + 1);
          callback();
        };
        if (dataDelayMs > 0) setTimeout(accept, dataDelayMs);
        else accept();
      });
    },
  };
  const server = new SMTPServer(options);
  // A killed client resets its connections (ECONNRESET): expected in crash tests, not a failure of the server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp-server did not report a TCP port');

  const until = <T>(pick: () => T | null | undefined | false, timeoutMs = 10_000, what = 'the expected mail'): Promise<T> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const v = pick();
        if (v) return resolve(v);
        if (Date.now() - started > timeoutMs) return reject(new Error(`SMTP sink: ${what} did not arrive within ${timeoutMs} ms (${messages.length} messages, ${refusals.length} refusals)`));
        setTimeout(tick, 20);
      };
      tick();
    });

  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    refusals,
    get connectionCount() {
      return connectionCount;
    },
    get authFailures() {
      return authFailures;
    },
    refuse(addr, code, times = Number.POSITIVE_INFINITY) {
      if (code === null) rules.delete(addr.toLowerCase());
      else rules.set(addr.toLowerCase(), { code, times });
    },
    deferAll(code) {
      deferred = code;
    },
    slow(ms) {
      dataDelayMs = ms;
    },
    to: (addr) => messages.filter((m) => m.to.includes(addr.toLowerCase())),
    countsByMessageId() {
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    waitFor: (count, timeoutMs = 5000) => until(() => messages.length >= count && messages.slice(), timeoutMs, `${count} messages`),
    until,
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
