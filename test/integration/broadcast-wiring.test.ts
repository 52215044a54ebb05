/**
 * Broadcasts as sgbot wires them from its settings, end to end on real Redis: the terminal (`ask --as`) drafts,
 * previews and confirms; a worker started like `sgbot worker` delivers to the lists of SGBOT_BROADCAST_TARGETS (into
 * the local outbox, since no SMTP_URL is set); a delegate is refused and the refusal is audited.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { makePerson } from '../../src/people/roster.ts';
import { startWorker, type RunningWorker } from '../../src/worker.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-bcwire-${process.pid}`;
const env = {
  REDIS_URL: redisUrl,
  SGBOT_PREFIX: prefix,
  LOG_LEVEL: 'silent',
  SGBOT_BROADCAST_TARGETS: JSON.stringify({ SG20: { lists: ['t25sg20@lists.itu.int', 't25sg20q4@lists.itu.int'] } }),
};

async function ask(text: string, as: string): Promise<{ code: number; json: { ok: boolean; title: string; data: Record<string, unknown> } }> {
  let out = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (out += t), env, isTTY: false };
  const code = await runCli(['node', 'sgbot', 'ask', text, '--as', as, '--json'], io);
  return { code, json: JSON.parse(out) as { ok: boolean; title: string; data: Record<string, unknown> } };
}

describe('broadcast, wired', () => {
  let s: Services;
  let worker: RunningWorker;
  beforeAll(async () => {
    s = await createServices(loadConfig(env, '/nonexistent'), { longRunning: true });
    await s.roster.put(makePerson({ name: 'Tom Berg', email: 'tom@example.org', roles: [{ kind: 'secretariat', scope: 'SG20' }] }));
    await s.roster.put(makePerson({ name: 'Dee Legate', email: 'dee@example.org', roles: [{ kind: 'delegate' }] }));
    worker = startWorker(s);
  });
  afterAll(async () => {
    await worker.stop();
    await s.close();
  });

  it('refuses a delegate, then previews, confirms and delivers a secretariat announcement to each list once', async () => {
    const refused = await ask('broadcast SG20 The meeting room changes to K.', 'dee@example.org');
    expect(refused.json.ok).toBe(false);
    expect(refused.code).toBe(1);
    expect((await s.audit.latest(5, 'broadcast.refused'))[0]).toMatchObject({ who: 'cli:dee@example.org', result: 'refused' });

    const preview = await ask('broadcast SG20 The meeting room changes to K.', 'tom@example.org');
    expect(preview.json.ok).toBe(true);
    const draft = preview.json.data.broadcast as { id: string; targets: string[] };
    expect(draft.targets.sort()).toEqual(['mail:t25sg20@lists.itu.int', 'mail:t25sg20q4@lists.itu.int']);
    expect(await s.redis.llen(`${prefix}:outbox`)).toBe(0);

    expect((await ask(`broadcast confirm ${draft.id}`, 'tom@example.org')).json.ok).toBe(true);
    expect((await ask(`broadcast confirm ${draft.id}`, 'tom@example.org')).code).toBeLessThan(2);
    await s.jobs().drained({ name: 'broadcast' }, 20_000);

    const sent = (await s.redis.lrange(`${prefix}:outbox`, 0, -1)).map((x) => JSON.parse(x) as { to: string[]; kind: string; raw: string });
    expect(sent.map((m) => m.to[0]).sort()).toEqual(['t25sg20@lists.itu.int', 't25sg20q4@lists.itu.int']);
    expect(sent.every((m) => m.kind === 'broadcast' && m.raw.includes('The meeting room changes to K.'))).toBe(true);
    const status = await ask(`broadcast status ${draft.id}`, 'tom@example.org');
    expect(status.json.data.counts).toEqual({ delivered: 2, pending: 0, failed: 0 });
  });
});
