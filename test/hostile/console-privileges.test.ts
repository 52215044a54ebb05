/**
 * Out-of-role use of the web console, through fastify's inject against real Redis: concurrent password guessing
 * (at most five checked per account, the right password refused while the limit holds, `sgbot web unlock` lifts it,
 * the refusal says how long is left); Bull Board read-only but for operators, each changing call audited with the
 * person; corrections refused on a group the editor holds no rights on, for the document's group and a new group;
 * the outbox (other people's signed links) for the secretariat only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { makePerson } from '../../src/people/roster.ts';
import { hashPassword } from '../../src/web/console/auth.ts';
import { outboxKey } from '../../src/web/console/pages/outbox.ts';
import { createWebServer } from '../../src/web/server.ts';
import { PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';

const redisUrl = inject('redisUrl');

const OLGA = { name: 'Olga Operator', email: 'olga@tsb.example.org', tz: 'UTC', roles: [{ kind: 'secretariat', scope: 'SG13' }] } as const;
const BOTH = { name: 'Bea Both', email: 'bea@tsb.example.org', tz: 'UTC', roles: [{ kind: 'secretariat', scope: 'SG20' }, { kind: 'secretariat', scope: 'SG13' }] } as const;

class Visitor {
  cookies = new Map<string, string>();
  constructor(private readonly app: ConsoleHarness['app']) {}
  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as Array<{ name: string; value: string }>) this.cookies.set(c.name, c.value);
    return res;
  }
  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } }));
  }
  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() }));
  }
  async token(url = '/console/login'): Promise<string> {
    const m = /name="_csrf" value="([^"]+)"/.exec((await this.get(url)).body);
    if (!m?.[1]) throw new Error(`no CSRF token on ${url}`);
    return m[1];
  }
  async signIn(user: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/console/login', { _csrf: await this.token('/console/login'), user, password, next: '/console' });
  }
  /** A Bull Board API call as its page makes it (JSON, from this origin). */
  api(method: 'PUT' | 'POST' | 'PATCH', url: string, body?: unknown, origin = 'http://console.test'): Promise<LightMyRequestResponse> {
    return this.app.inject({ method, url, headers: { cookie: this.cookie, host: 'console.test', origin, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
  }
}

describe('console privileges', () => {
  let h: ConsoleHarness;
  let app: ConsoleHarness['app'];
  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'privileges' });
    for (const p of [OLGA, BOTH]) await h.services.roster.put(makePerson(p));
    const accounts = [
      { user: PEOPLE.sara.email, person: PEOPLE.sara.email, hash: await hashPassword(PASSWORD.sara) },
      { user: 'dan', person: PEOPLE.dan.email, hash: await hashPassword(PASSWORD.dan) },
      { user: OLGA.email, person: OLGA.email, hash: await hashPassword('olga-secret-pw') },
      { user: BOTH.email, person: BOTH.email, hash: await hashPassword('bea-secret-pw') },
    ];
    app = createWebServer(h.services, { accounts, operators: [OLGA.email] });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('checks at most 5 of 300 concurrent wrong passwords, refuses the right one while limited, and unlocks', async () => {
    const tries = await Promise.all(Array.from({ length: 300 }, async (_, i) => new Visitor(app).signIn('dan', `wrong-guess-${i}`)));
    const checked = tries.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThan(0);
    expect(tries.filter((r) => r.statusCode === 429).length).toBe(300 - checked);
    expect((await h.services.audit.latest(400, 'web.login.failed')).filter((e) => e.who === 'web:dan')).toHaveLength(checked);

    const right = await new Visitor(app).signIn('dan', PASSWORD.dan);
    expect(right.statusCode).toBe(429);
    expect(right.body).toMatch(/Try again in 1[45] minutes/);
    expect(right.body).toContain('sgbot web unlock');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);

    const out: string[] = [];
    const code = await runCli(['node', 'sgbot', 'web', 'unlock', 'dan'], { out: (t) => out.push(t), err: (t) => out.push(t), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: h.prefix, LOG_LEVEL: 'silent' }, isTTY: false });
    expect(code, out.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/Unlocked dan: it may sign in again now \(the limit had 1[45] minutes to go\)/);
    expect((await h.services.audit.latest(5, 'web.login.unlocked'))[0]).toMatchObject({ who: 'cli:operator', target: 'dan' });
    expect((await new Visitor(app).signIn('dan', PASSWORD.dan)).statusCode).toBe(303);
    await h.services.redis.del(...(await h.services.redis.keys(`${h.prefix}:web:login:*`)));
  });

  it('limits an address over all account names', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `nobody-${i}@example.org`);
    const tries = await Promise.all(names.map((n) => new Visitor(app).signIn(n, 'a wrong password')));
    expect(tries.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(20);
    await h.services.redis.del(...(await h.services.redis.keys(`${h.prefix}:web:login:*`)));
  });

  it('shows Bull Board read-only to the secretariat: changing calls refused and audited with the person', async () => {
    const sara = new Visitor(app);
    await sara.signIn(PEOPLE.sara.email, PASSWORD.sara);
    expect((await sara.get('/console/queues')).statusCode).toBe(200);
    const api = JSON.parse((await sara.get('/console/queues/api/queues')).body) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(api.queues.length).toBeGreaterThan(3);
    for (const q of api.queues) expect(q.readOnlyMode, q.name).toBe(true);
    const add = await sara.api('POST', '/console/queues/api/queues/broadcast/add', { name: 'broadcast', data: { to: 'outside@evil.example' } });
    expect(add.statusCode).toBe(405);
    expect((await sara.api('PUT', '/console/queues/api/queues/digest/pause')).statusCode).toBe(405);
    expect(await h.services.jobs().queue({ name: 'digest' }).isPaused()).toBe(false);
    expect(await h.services.jobs().queue({ name: 'broadcast' }).count()).toBe(0);
    // The operators' board is not theirs.
    expect((await sara.get('/console/operator/queues')).statusCode).toBe(403);
    expect((await sara.api('PUT', '/console/operator/queues/api/queues/digest/pause')).statusCode).toBe(403);
    const entries = (await h.services.audit.latest(20, 'queues.')).filter((e) => e.who === `web:${PEOPLE.sara.email}`);
    expect(entries.map((e) => [e.action, e.result, e.details?.['path']])).toEqual(
      expect.arrayContaining([
        ['queues.action', 'refused', '/api/queues/broadcast/add'],
        ['queues.action', 'refused', '/api/queues/digest/pause'],
        ['queues.refused', 'refused', '/api/queues/digest/pause'],
      ]),
    );

    const dan = new Visitor(app);
    await dan.signIn('dan', PASSWORD.dan);
    expect((await dan.get('/console/queues')).statusCode).toBe(403);
    expect((await dan.api('PUT', '/console/queues/api/queues/digest/pause')).statusCode).toBe(403);
    expect((await h.services.audit.latest(5, 'queues.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, result: 'refused' });
  });

  it('lets an operator act on the queues, from this origin only, each action audited with the person', async () => {
    const olga = new Visitor(app);
    await olga.signIn(OLGA.email, 'olga-secret-pw');
    expect((await olga.get('/console')).body).toContain('href="/console/operator/queues"');
    const api = JSON.parse((await olga.get('/console/operator/queues/api/queues')).body) as { queues: Array<{ readOnlyMode: boolean }> };
    for (const q of api.queues) expect(q.readOnlyMode).toBe(false);
    expect((await olga.api('PUT', '/console/operator/queues/api/queues/digest/pause', undefined, 'https://evil.example')).statusCode).toBe(403);
    expect(await h.services.jobs().queue({ name: 'digest' }).isPaused()).toBe(false);
    expect((await olga.api('PUT', '/console/operator/queues/api/queues/digest/pause')).statusCode).toBeLessThan(300);
    expect(await h.services.jobs().queue({ name: 'digest' }).isPaused()).toBe(true);
    expect((await olga.api('PUT', '/console/operator/queues/api/queues/digest/resume')).statusCode).toBeLessThan(300);
    const audit = (await h.services.audit.latest(10, 'queues.action')).filter((e) => e.who === `web:${OLGA.email}`);
    expect(audit.map((e) => [e.details?.['path'], e.result])).toEqual(expect.arrayContaining([['/api/queues/digest/pause', 'ok'], ['/api/queues/digest/resume', 'ok']]));
    expect((await h.services.audit.latest(10, 'queues.refused')).some((e) => e.who === `web:${OLGA.email}` && e.details?.['reason'] === 'other-origin')).toBe(true);
  });

  it('refuses a correction that moves a document into a group the editor holds no rights on, and audits it', async () => {
    const sara = new Visitor(app);
    await sara.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const url = `/console/documents/${h.letterId}`;
    const moved = await sara.post(`${url}/correct`, { _csrf: await sara.token(url), field: 'group', value: 'Study Group 13' });
    expect(moved.statusCode).toBe(403);
    expect(moved.body).toContain('no secretariat role for SG13');
    expect((await h.services.audit.latest(5, 'fact.correction.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: h.letterId, details: { field: 'group', group: 'SG20', newGroup: 'SG13', reason: 'no-rights-on-new-group' } });
    expect((await h.services.store.getDocument(h.letterId))?.parsed.group).toBe('SG20');

    // SG13's secretariat has no rights on this SG20 document at all.
    const olga = new Visitor(app);
    await olga.signIn(OLGA.email, 'olga-secret-pw');
    const foreign = await olga.post(`${url}/correct`, { _csrf: await olga.token(url), field: 'title', value: 'Something else' });
    expect(foreign.statusCode).toBe(403);
    expect((await h.services.audit.latest(5, 'fact.correction.refused'))[0]).toMatchObject({ who: `web:${OLGA.email}`, details: { group: 'SG20', reason: 'not-secretariat' } });

    // Someone with rights on both groups may move it.
    const bea = new Visitor(app);
    await bea.signIn(BOTH.email, 'bea-secret-pw');
    const ok = await bea.post(`${url}/correct`, { _csrf: await bea.token(url), field: 'group', value: 'SG13' });
    expect(ok.statusCode).toBe(303);
    expect((await h.services.store.getDocument(h.letterId))?.parsed.group).toBe('SG13');
    // Now it is SG13's: Sara (SG20) can neither correct it nor move it back.
    const back = await sara.post(`${url}/correct`, { _csrf: await sara.token(url), field: 'group', value: 'SG20' });
    expect(back.statusCode).toBe(403);
    expect((await bea.post(`${url}/correct`, { _csrf: await bea.token(url), field: 'group', value: 'SG20' })).statusCode).toBe(303);
  });

  it('shows the outbox and its signed links to the secretariat only', async () => {
    const mail = { messageId: '<r1@sgbot>', kind: 'reminder', subject: 'Reminder: contributions', to: ['rapporteur@member.example.org'], at: new Date().toISOString(), raw: 'Subject: Reminder\r\n\r\nDone: http://localhost:8080/reminders/done?token=SIGNED-TOKEN-OF-SOMEONE\r\n' };
    await h.services.redis.lpush(outboxKey(h.prefix), JSON.stringify(mail));
    const dan = new Visitor(app);
    await dan.signIn('dan', PASSWORD.dan);
    for (const url of ['/console/outbox', `/console/outbox/view?id=${encodeURIComponent(mail.messageId)}&n=0`]) {
      const res = await dan.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('SIGNED-TOKEN-OF-SOMEONE');
      expect(res.body).not.toContain('rapporteur@member.example.org');
    }
    expect((await h.services.audit.latest(5, 'outbox.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, result: 'refused' });
    const sara = new Visitor(app);
    await sara.signIn(PEOPLE.sara.email, PASSWORD.sara);
    expect((await sara.get(`/console/outbox/view?id=${encodeURIComponent(mail.messageId)}&n=0`)).body).toContain('SIGNED-TOKEN-OF-SOMEONE');
  });
});
