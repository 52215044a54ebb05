/**
 * A local SMTP server (`smtp-server`, as the tests use it) that accepts everything and records, per message, when
 * the end of its data arrived and its raw bytes (kept only when asked: the reminder figure resends them bare).
 */
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  /** Arrival times (ms since the epoch, fractional) in order, and raw messages when `keepRaw`. */
  readonly received: Array<{ at: number; raw: Buffer | null; messageId: string | null; to: string }>;
  reset(): void;
  stop(): Promise<void>;
}

export async function startSmtpSink(opts: { keepRaw?: boolean } = {}): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 10_000_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const at = performance.timeOrigin + performance.now();
        const raw = Buffer.concat(chunks);
        const head = raw.subarray(0, 4096).toString('latin1');
        received.push({ at, raw: opts.keepRaw ? raw : null, messageId: /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? null, to: session.envelope.rcptTo[0]?.address ?? '' });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp-server did not report a port');
  return {
    port: address.port,
    received,
    reset: () => received.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of (server as unknown as { connections: Set<{ close(): void }> }).connections) c.close();
      }),
  };
}
