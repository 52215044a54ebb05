/**
 * A real SMTP server (`smtp-server`) on loopback for the broadcast tests: it keeps every accepted message with its
 * envelope recipients and Message-ID, and answers RCPT TO for chosen list addresses with a reply code — for the next
 * N tries only (a list that is busy twice, then recovers) or until told otherwise (a list that does not exist).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ListMail {
  /** Envelope recipients (lower case). */
  to: string[];
  messageId: string | null;
  inReplyTo: string | null;
  subject: string | null;
  raw: string;
  at: number;
}

export interface ListSink {
  host: string;
  port: number;
  readonly messages: readonly ListMail[];
  readonly refusals: ReadonlyArray<{ address: string; code: number; at: number }>;
  /** Answer RCPT TO `address` with `code` (4xx temporary, 5xx permanent) for the next `times` tries, or always; `null` accepts again. */
  refuse(address: string, code: number | null, times?: number): void;
  /** Answer each message's DATA only after `ms` (a slow server, so that two senders overlap). */
  slow(ms: number): void;
  /** Messages accepted for `address`. */
  to(address: string): ListMail[];
  stop(): Promise<void>;
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim() ?? null;
}

export async function startListSink(): Promise<ListSink> {
  const messages: ListMail[] = [];
  const refusals: Array<{ address: string; code: number; at: number }> = [];
  const rules = new Map<string, { code: number; times: number }>();
  let dataDelayMs = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const a = address.address.toLowerCase();
      const rule = rules.get(a);
      if (rule) {
        if (--rule.times <= 0) rules.delete(a);
        refusals.push({ address: a, code: rule.code, at: Date.now() });
        const text = rule.code >= 500 ? '5.1.1 No such list here (test sink)' : '4.3.2 List busy, try again later (test sink)';
        return callback(Object.assign(new Error(text), { responseCode: rule.code }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), messageId: header(raw, 'Message-ID'), inReplyTo: header(raw, 'In-Reply-To'), subject: header(raw, 'Subject'), raw, at: Date.now() });
          callback();
        };
        if (dataDelayMs > 0) setTimeout(accept, dataDelayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    messages,
    refusals,
    refuse(address, code, times = Number.POSITIVE_INFINITY) {
      if (code === null) rules.delete(address.toLowerCase());
      else rules.set(address.toLowerCase(), { code, times });
    },
    slow(ms) {
      dataDelayMs = ms;
    },
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of server.connections) connection.close();
      }),
  };
}
