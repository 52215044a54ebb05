/**
 * The roster, subscriptions and the audit log, through the CLI and the command path every channel uses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answer } from '../../src/chat/router.ts';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-people-${process.pid}`;
let dir: string;
let s: Services;

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, isTTY: false };
  return { code: await runCli(['node', 'sgbot', ...args], io), out };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sgbot-people-'));
  s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('people', () => {
  it('imports a roster, audits role changes, and refuses a bad entry naming it', async () => {
    const file = join(dir, 'roster.json');
    const people = [
      { name: 'Ana Silva', email: 'Ana@Example.org', slackId: 'U0ANA0001', tz: 'America/Sao_Paulo', roles: [{ kind: 'rapporteur', scope: 'q4/20' }] },
      { name: 'Tom Berg', email: 'tom@example.org', teamsId: 'aad-tom', roles: [{ kind: 'secretariat', scope: 'SG20' }] },
    ];
    writeFileSync(file, JSON.stringify({ people }));
    expect(await cli('roster', 'import', file)).toMatchObject({ code: 0, out: expect.stringContaining('2 added') as string });
    expect(await cli('roster', 'import', file)).toMatchObject({ code: 0, out: expect.stringContaining('2 unchanged') as string });
    people[0] = { ...people[0]!, roles: [{ kind: 'associate-rapporteur', scope: 'Q4/20' }] };
    writeFileSync(file, JSON.stringify({ people }));
    expect((await cli('roster', 'import', file)).out).toContain('1 updated');

    const ana = await s.roster.byIdentity({ channel: 'slack', id: 'U0ANA0001' });
    expect(ana).toMatchObject({ id: 'ana@example.org', roles: [{ kind: 'associate-rapporteur', scope: 'Q4/20' }] });
    expect(await s.roster.withRole('secretariat', 'Q4/20')).toEqual([expect.objectContaining({ id: 'tom@example.org' })]);
    expect(await s.roster.withRole('secretariat', 'Q4/13')).toEqual([]);

    const changes = await s.audit.latest(10, 'role.');
    expect(changes.map((e) => [e.target, e.details?.to])).toEqual([
      ['ana@example.org', 'associate-rapporteur:Q4/20'],
      ['tom@example.org', 'secretariat:SG20'],
      ['ana@example.org', 'rapporteur:Q4/20'],
    ]);

    writeFileSync(file, JSON.stringify({ people: [{ name: 'No Way', email: 'x@example.org', tz: 'Mars/Olympus' }] }));
    const bad = await cli('roster', 'import', file);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('person 1');
    expect(bad.out).toContain('Mars/Olympus');
  });

  it('adds a person with the roles its --help shows, one --role or several', async () => {
    const one = await cli('roster', 'add', '--name', 'Lea Roth', '--email', 'lea@example.org', '--tz', 'America/Sao_Paulo', '--role', 'rapporteur:Q4/20');
    expect(one).toMatchObject({ code: 0, out: expect.stringContaining('Added Lea Roth (lea@example.org): rapporteur Q4/20.') as string });
    const two = await cli('roster', 'add', '--name', 'Lea Roth', '--email', 'lea@example.org', '--role', 'rapporteur:Q4/20', 'secretariat:SG20');
    expect(two.out).toContain('rapporteur Q4/20, secretariat SG20');
  });

  it('subscribes from the terminal with --as, lists and unsubscribes, and says how when it cannot', async () => {
    const sub = await cli('ask', 'subscribe registration SG13', '--as', 'ana@example.org', '--json');
    expect(sub.code).toBe(0);
    expect(JSON.parse(sub.out)).toMatchObject({ ok: true, data: { subscriber: 'person:ana@example.org', topic: 'SG13/registration', added: true } });
    await cli('ask', 'follow Q4/20', '--as', 'ana@example.org');
    const mine = JSON.parse((await cli('ask', 'subscriptions', '--as', 'ana@example.org', '--json')).out) as { data: { topics: string[] } };
    expect(mine.data.topics).toEqual(['Q4/20', 'SG13/registration']);
    expect(await s.subscriptions.subscribers(['SG13/registration'])).toEqual(['person:ana@example.org']);

    const off = JSON.parse((await cli('ask', 'unsubscribe Q4/20', '--as', 'ana@example.org', '--json')).out) as { data: { removed: boolean; topics: string[] } };
    expect(off.data).toMatchObject({ removed: true, topics: ['SG13/registration'] });

    const anonymous = await cli('ask', 'subscribe SG20');
    expect(anonymous.code).toBe(2);
    expect(anonymous.out).toContain('--as');
    const nonsense = await cli('ask', 'subscribe the moon', '--as', 'ana@example.org');
    expect(nonsense.code).toBe(2);
    expect(nonsense.out).toContain('Q4/20');
    expect((await s.audit.latest(10, 'subscription.')).map((e) => e.action)).toEqual(['subscription.removed', 'subscription.added', 'subscription.added']);
  });

  it('adds a chat user met for the first time as a delegate, and subscribes a channel when asked "here"', async () => {
    const now = Date.parse('2027-01-10T10:00:00Z');
    const dm = s.context(now, 'Asia/Tokyo', { channel: 'slack', id: 'U0NEW0001', verified: true, conversation: 'slack:D0001', shared: false });
    const mine = await answer(s.registry, dm, 'subscribe SG17');
    expect(mine.reply).toMatchObject({ ok: true, data: { subscriber: 'person:slack:U0NEW0001' } });
    expect(await s.roster.get('slack:U0NEW0001')).toMatchObject({ tz: 'Asia/Tokyo', roles: [{ kind: 'delegate', scope: null }] });
    expect((await answer(s.registry, dm, 'subscribe SG17 here')).reply).toMatchObject({ ok: false, code: 'E_USAGE' });

    const channel = s.context(now, 'Asia/Tokyo', { channel: 'slack', id: 'U0NEW0001', verified: true, conversation: 'slack:C0CHAN001', shared: true });
    expect((await answer(s.registry, channel, 'subscribe SG17 here')).reply).toMatchObject({ ok: true, data: { subscriber: 'slack:C0CHAN001' } });
    expect(await s.subscriptions.subscribers(['SG17'])).toEqual(['person:slack:U0NEW0001', 'slack:C0CHAN001']);
    const log = (await cli('audit', '--action', 'roster')).out;
    expect(log).toContain('roster.joined');
    expect(log).toContain('slack:U0NEW0001');
  });
});
