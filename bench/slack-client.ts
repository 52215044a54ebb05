/**
 * The Slack side of the Slack figure, in its own process (forked by slack.ts, so that neither the load generator nor
 * the fake Web API takes CPU from the app under test's event loop): the local fake of Slack's Web API and
 * response_urls (test/support/slack-fake.ts), and autocannon posting signed slash commands — each request a new
 * body (its own trigger_id, user and command) signed as Slack signs it, so the replay guard sees fresh signatures.
 *
 * IPC: sends `{ type: 'ready', apiUrl }`; on `{ type: 'run', ... }` runs a load and answers `{ type: 'result', ... }`.
 */
import autocannon from 'autocannon';
import { sign, slashCommand, startSlackFake } from '../test/support/slack-fake.ts';

export interface LoadRequest {
  type: 'run';
  url: string;
  secret: string;
  durationS: number;
  connections: number;
  /** Wait for this many response_url posts per 2xx (0 for the ack-only app). */
  expectResponses: boolean;
  users: number;
}

export interface LoadResult {
  type: 'result';
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  durationMs: number;
  /** response_url posts received for this load, and when the last one came (ms after the load started). */
  responses: number;
  lastResponseMs: number;
  /** Of `responses`, the refusals "too many questions waiting" (E_BUSY) rather than answers. */
  busy: number;
  /** From a request sent to its answer posted to its response_url, ms (each request has its own response_url). */
  answerP50: number;
  answerP99: number;
}

export const BOT_TOKEN = 'xoxb-000000000-bench-bot-token';
const COMMANDS: Array<[string, string]> = [
  ['/deadlines', 'SG20'],
  ['/lsg', 'IoT identification'],
  ['/sgsearch', 'digital twin'],
  ['/deadlines', 'Q4/20'],
  ['/sgbot', 'who leads smart cities'],
];

/** Words of sgbot's E_BUSY reply (src/chat/slack/app.ts), to tell refusals from answers. */
const BUSY_TEXT = 'answering many questions right now';

const send = (m: unknown) => process.send?.(m);

async function main(): Promise<void> {
  // The bench process is gone (it failed or was stopped): go too.
  process.on('disconnect', () => process.exit(0));
  const fake = await startSlackFake({ botToken: BOT_TOKEN });
  let run = 0;
  process.on('message', (msg: LoadRequest | { type: 'stop' }) => {
    if (msg.type === 'stop') {
      void fake.close().then(() => process.exit(0));
      return;
    }
    const id = `load${++run}`;
    const sentAt = new Map<number, number>();
    let n = 0;
    // Refusals said in the ack itself (sgbot's "ask again" when every answer slot is taken): no post follows them.
    let busyAcks = 0;
    const started = Date.now();
    const instance = autocannon({
      url: msg.url,
      connections: msg.connections,
      duration: msg.durationS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            n++;
            const responseUrl = fake.responseUrl(`${id}-${n}`);
            sentAt.set(n, Date.now());
            const [command, text] = COMMANDS[n % COMMANDS.length] as [string, string];
            const body = new URLSearchParams({ ...slashCommand({ command, text, userId: `U0B${String(n % msg.users).padStart(6, '0')}`, responseUrl }), trigger_id: `${started}.${n}` }).toString();
            const ts = Math.floor(Date.now() / 1000);
            return { ...req, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(msg.secret, ts, body) } };
          },
          onResponse: (_status: number, body: string) => {
            if (body.includes(BUSY_TEXT)) busyAcks++;
          },
        },
      ],
    });
    void (async () => {
      const r = await instance;
      const ok = r['2xx'];
      const mine = `response:${id}-`;
      // The fake keeps every call of every load and wakes the waiter on each one: count this load's posts from where
      // the last look stopped, not over the whole list each time (that scan made the wait, not the app, the limit).
      const posts: Array<(typeof fake.calls)[number]> = [];
      let seen = 0;
      const answered = () => {
        for (; seen < fake.calls.length; seen++) {
          const c = fake.calls[seen] as (typeof fake.calls)[number];
          if (c.name.startsWith(mine)) posts.push(c);
        }
        return posts.length >= ok - busyAcks;
      };
      if (msg.expectResponses) await fake.waitFor(answered, 120_000, `${ok} answers`).catch(() => undefined);
      answered();
      const last = posts.length ? Math.max(...posts.map((c) => c.at)) - started : 0;
      const waits = posts.map((c) => c.at - (sentAt.get(Number(c.name.slice(mine.length))) ?? c.at)).sort((a, b) => a - b);
      const pct = (p: number) => (waits.length ? (waits[Math.min(waits.length - 1, Math.ceil(p * waits.length) - 1)] as number) : 0);
      const result: LoadResult = {
        type: 'result',
        requests: r.requests.total,
        ok,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        reqPerSec: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        durationMs: r.duration * 1000,
        responses: posts.length + busyAcks,
        lastResponseMs: last,
        busy: posts.filter((c) => JSON.stringify(c.body).includes(BUSY_TEXT)).length + busyAcks,
        answerP50: pct(0.5),
        answerP99: pct(0.99),
      };
      send(result);
    })();
  });
  send({ type: 'ready', apiUrl: fake.apiUrl });
}

void main();
