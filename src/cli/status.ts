/**
 * `sgbot status`: what this sgbot holds and what runs — stored documents, quarantine, queues, live workers and the
 * state of each IMAP mailbox they read (from the heartbeats workers publish in Redis).
 */
import { Command } from 'commander';
import { redactUrl } from '../config.ts';
import { readHeartbeats } from '../health.ts';
import type { Services } from '../main.ts';
import type { CliIO } from './io.ts';

type WithServices = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

/** Everything `sgbot status` reports, as JSON. */
export async function statusReport(s: Services) {
  const queues: Record<string, Record<string, number>> = {};
  for (const spec of s.jobKinds.all) queues[spec.name] = await s.jobs().queue(spec).getJobCounts('wait', 'active', 'delayed', 'failed', 'completed');
  const beats = await readHeartbeats(s.redis, s.config.SGBOT_PREFIX);
  return {
    redis: { url: redactUrl(s.config.REDIS_URL), prefix: s.config.SGBOT_PREFIX, ok: true },
    documents: await s.store.count(),
    rawMessages: await s.raw.count(),
    quarantine: await s.quarantine.count(),
    queues,
    workers: beats.filter((b) => b.component === 'worker'),
    imap: beats.filter((b) => b.component === 'imap'),
  };
}

/** The `status` command. */
/** "1 document", "5 documents". */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusCommand(io: CliIO, withServices: WithServices, result: { code: number }): Command {
  return new Command('status')
    .description('Show what is stored, the queues, the running workers and the state of each IMAP mailbox.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withServices(async (s) => {
        const r = await statusReport(s);
        const troubled = r.imap.filter((b) => ['auth-failed', 'backoff'].includes(String(b.state.status)));
        result.code = troubled.length > 0 ? 1 : 0;
        if (opts.json) return io.out(JSON.stringify(r, null, 2));
        const lines = [
          `Redis       ok, ${r.redis.url}, prefix ${r.redis.prefix}`,
          `Store       ${plural(r.documents, 'document')}; ${plural(r.rawMessages, 'mail')} kept as received; ${r.quarantine} in quarantine${r.quarantine ? ' (sgbot quarantine list)' : ''}`,
          ...Object.entries(r.queues).map(([name, c]) => `Queue       ${name}: ${c.wait ?? 0} waiting, ${c.active ?? 0} active, ${c.delayed ?? 0} delayed, ${c.failed ?? 0} failed`),
          r.workers.length === 0 ? 'Workers     none running (start one with: sgbot worker)' : `Workers     ${r.workers.map((w) => `${w.id} (seen ${Math.max(0, Math.round((Date.now() - Date.parse(w.at)) / 1000))} s ago)`).join(', ')}`,
          ...(r.imap.length === 0 ? ['IMAP        no mailbox is being read'] : r.imap.map((b) => `IMAP        ${b.id}: ${String(b.state.status)}${typeof b.state.lastError === 'string' ? ` — ${b.state.lastError}` : ''}`)),
        ];
        io.out(lines.join('\n'));
      }),
    );
}
