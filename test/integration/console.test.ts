/**
 * The web console's guard rails, through fastify's inject against real Redis: nothing under /console without
 * sign-in (GET → sign-in page, POST → 403), a wrong password refused and rate limited, every form POST checked for
 * its session's CSRF token, actions checked against the roster role (a delegate can neither broadcast nor correct,
 * and the attempt is audited), document text escaped on every page, sessions kept in Redis under the prefix; the
 * secretariat adds a missing deadline (a refused form comes back with the message, escaped) and takes it back.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword, parseAccounts, verifyPassword } from '../../src/web/console/auth.ts';
import { PLAN_QUEUE } from '../../src/reminders/payload.ts';
import { addReminderJobs } from '../../src/reminders/schedule.ts';
import { loadViews } from '../../src/web/console/views.ts';
import { createWebServer } from '../../src/web/server.ts';
import { HOSTILE_TITLE, LISTS, PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';

const redisUrl = inject('redisUrl');

/** A browser's cookies for one visitor. */
class Visitor {
  cookies = new Map<string, string>();
  constructor(private readonly h: ConsoleHarness) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as Array<{ name: string; value: string }>) this.cookies.set(c.name, c.value);
    return res;
  }

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.h.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } }));
  }

  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.keep(await this.h.app.inject({ method: 'POST', url, headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() }));
  }

  /** The CSRF token of the forms of the page at `url`. */
  async token(url = '/console/chat'): Promise<string> {
    const m = /name="_csrf" value="([^"]+)"/.exec((await this.get(url)).body);
    if (!m?.[1]) throw new Error(`no CSRF token on ${url}`);
    return m[1];
  }

  async signIn(user: string, password: string): Promise<LightMyRequestResponse> {
    const _csrf = await this.token('/console/login');
    return this.post('/console/login', { _csrf, user, password, next: '/console' });
  }
}

describe('web console guard rails', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'guard' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends a signed-out GET to the sign-in page and refuses a signed-out POST; public pages stay public', async () => {
    const v = new Visitor(h);
    for (const url of ['/console', '/console/deadlines?group=SG20', `/console/documents/${h.letterId}`, '/console/queues', '/console/outbox', '/console/audit']) {
      const res = await v.get(url);
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(url)}`);
    }
    for (const url of ['/console/broadcasts', '/console/chat', `/console/documents/${h.letterId}/correct`, '/console/logout']) {
      const res = await v.post(url, { _csrf: 'x' });
      expect(res.statusCode, url).toBe(403);
    }
    const pause = await h.app.inject({ method: 'PUT', url: '/console/queues/api/queues/reminder/pause' });
    expect(pause.statusCode).toBe(403);
    expect((await v.get('/console/login')).statusCode).toBe(200);
    expect((await v.get('/healthz')).statusCode).toBe(200);
    expect((await v.get(`/doc/${h.letterId}`)).statusCode).toBe(200);
    expect((await v.get('/')).headers.location).toBe('/console');
  });

  it('refuses a wrong password with a generic message, then rate limits that account from that address', async () => {
    const v = new Visitor(h);
    const wrong = await v.signIn(PEOPLE.sara.email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong account name or password.');
    const unknown = await v.signIn('nobody@example.org', 'whatever-it-is');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('Wrong account name or password.');
    expect((await v.get('/console')).statusCode).toBe(302);
    const audit = await h.services.audit.latest(10, 'web.login.failed');
    expect(audit.map((e) => e.who)).toEqual(expect.arrayContaining([`web:${PEOPLE.sara.email}`, 'web:nobody@example.org']));

    const dan = new Visitor(h);
    for (let i = 0; i < 5; i++) expect((await dan.signIn('dan', `wrong-${i}`)).statusCode).toBe(401);
    const limited = await dan.signIn('dan', PASSWORD.dan);
    expect(limited.statusCode).toBe(429);
    expect((await dan.get('/console')).statusCode).toBe(302);
    await h.services.redis.del(...(await h.services.redis.keys(`${h.prefix}:web:login:*`)));
  });

  it('signs in, keeps the session in Redis with a TTL under the prefix, and signs out', async () => {
    const v = new Visitor(h);
    const res = await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/sgbot_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const home = await v.get('/console');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Sara Secretariat');
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    // The security headers of every page, the public ones too.
    for (const res of [home, await v.get('/console/login'), await h.app.inject({ method: 'GET', url: '/healthz' })]) {
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'SAMEORIGIN' });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const sessions = await h.services.redis.keys(`${h.prefix}:web:session:*`);
    expect(sessions.length).toBeGreaterThan(0);
    for (const k of sessions) expect(await h.services.redis.ttl(k)).toBeGreaterThan(0);
    const _csrf = await v.token('/console');
    expect((await v.post('/console/logout', { _csrf })).statusCode).toBe(303);
    expect((await v.get('/console')).statusCode).toBe(302);
  });

  it('refuses a POST with a missing or wrong CSRF token, and takes it with the right one', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const missing = await v.post('/console/chat', { q: '/deadlines SG20' });
    expect(missing.statusCode).toBe(403);
    const wrong = await v.post('/console/chat', { q: '/deadlines SG20', _csrf: 'AAAA-not-a-token' });
    expect(wrong.statusCode).toBe(403);
    // A token of another session is as wrong as a made-up one.
    const other = new Visitor(h);
    await other.signIn('dan', PASSWORD.dan);
    const foreign = await v.post('/console/chat', { q: '/deadlines SG20', _csrf: await other.token() });
    expect(foreign.statusCode).toBe(403);
    const broadcast = await v.post('/console/broadcasts', { group: 'SG20', text: 'Room K.' });
    expect(broadcast.statusCode).toBe(403);
    expect(await h.services.audit.latest(10, 'broadcast.drafted')).toEqual([]);

    const ok = await v.post('/console/chat', { q: '/deadlines SG20', _csrf: await v.token() });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Submit ITU-T Member contributions');
  });

  it('lets a delegate look but not broadcast or correct: 403, and each attempt audited', async () => {
    const v = new Visitor(h);
    await v.signIn('dan', PASSWORD.dan);
    expect((await v.get('/console/deadlines?group=SG20&month=2027-04')).statusCode).toBe(200);
    expect((await v.get('/console/deadlines?group=SG99')).body).toContain('&quot;SG99&quot; is not a study group sgbot knows');

    const draft = await v.post('/console/broadcasts', { _csrf: await v.token('/console/broadcasts'), group: 'SG20', text: 'The Q4/20 meeting moves to room K.' });
    expect(draft.statusCode).toBe(403);
    expect(draft.body).toContain('only the SG20 secretariat may send broadcasts');
    const refused = await h.services.audit.latest(5, 'broadcast.refused');
    expect(refused[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, result: 'refused', details: { reason: 'not-secretariat' } });

    const fix = await v.post(`/console/documents/${h.letterId}/correct`, { _csrf: await v.token(`/console/documents/${h.letterId}`), field: 'deadline.0.date', value: '2027-04-20' });
    expect(fix.statusCode).toBe(403);
    const refusedFix = await h.services.audit.latest(5, 'fact.correction.refused');
    expect(refusedFix[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, target: h.letterId, result: 'refused', details: { field: 'deadline.0.date' } });
    expect((await h.services.store.getDocument(h.letterId))?.parsed.deadlines[0]?.date).toBe('2027-04-14');

    // Bull Board is for the secretariat too.
    expect((await v.get('/console/queues')).statusCode).toBe(403);
  });

  it("keeps the audit log and other people's reminders from a delegate, and offers neither", async () => {
    const at = Date.now() + 86_400_000;
    const reminder = (who: string) => ({ type: 'reminder' as const, deadlineKey: 'abcdefabcdef-contributions-0', base: 'doc:x', recipient: `person:${who}`, offset: '1d', at, due: at + 86_400_000 });
    await addReminderJobs(h.services.reminders, [{ payload: reminder(PEOPLE.sara.email), at }, { payload: reminder(PEOPLE.dan.email), at }]);
    const v = new Visitor(h);
    await v.signIn('dan', PASSWORD.dan);
    const audit = await v.get('/console/audit');
    expect(audit.statusCode).toBe(403);
    expect(audit.body).toContain('only the secretariat can read it');
    expect((await h.services.audit.latest(5, 'audit.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, result: 'refused' });
    const mine = await v.get('/console/reminders');
    expect(mine.body).toContain('Your scheduled reminders');
    expect(mine.body).toContain(PEOPLE.dan.email);
    expect(mine.body).not.toContain(PEOPLE.sara.email);
    const home = await v.get('/console');
    for (const href of ['/console/audit', '/console/outbox', '/console/broadcasts"']) expect(home.body).not.toContain(`href="${href}`);

    const sara = new Visitor(h);
    await sara.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const all = await sara.get('/console/reminders');
    expect(all.body).toContain(PEOPLE.dan.email);
    expect(all.body).toContain('href="/console/audit"');
    expect((await sara.get('/console/audit')).statusCode).toBe(200);
  });

  it('shows Bull Board read-only to the secretariat, and takes no changing call from another origin', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const board = await v.get('/console/queues');
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain('<base href="/console/queues/"');
    const api = await v.get('/console/queues/api/queues');
    expect(api.statusCode).toBe(200);
    expect((JSON.parse(api.body) as { queues: Array<{ name: string }> }).queues.map((q) => q.name)).toEqual(expect.arrayContaining(['ingest', 'broadcast', 'reminder']));
    const pause = (origin?: string) =>
      h.app.inject({ method: 'PUT', url: '/console/queues/api/queues/digest/pause', headers: { cookie: v.cookie, host: 'console.test', ...(origin ? { origin } : {}) } });
    expect((await pause()).statusCode).toBe(403);
    expect((await pause('https://evil.example')).statusCode).toBe(403);
    expect(await h.services.jobs().queue({ name: 'digest' }).isPaused()).toBe(false);
    // Read-only for everyone but the operators (test/hostile/console-privileges.test.ts): Bull Board answers 405.
    expect((await pause('http://console.test')).statusCode).toBe(405);
    expect(await h.services.jobs().queue({ name: 'digest' }).isPaused()).toBe(false);
  });

  it('lets the secretariat correct a deadline: the new date is stored, audited and shown', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const page = await v.get(`/console/documents/${h.letterId}`);
    expect(page.body).toContain('data-field="deadline.0.date"');
    const res = await v.post(`/console/documents/${h.letterId}/correct`, { _csrf: await v.token(`/console/documents/${h.letterId}`), field: 'deadline.0.date', value: '2027-04-21', reason: 'CL 7/20 Corr.1' });
    expect(res.statusCode).toBe(303);
    const after = await v.get(`/console/documents/${h.letterId}`);
    expect(after.body).toContain('Corrected deadline.0.date: was 2027-04-14, now 2027-04-21.');
    expect(after.body).toContain('CL 7/20 Corr.1');
    expect((await h.services.store.getDocument(h.letterId))?.parsed.deadlines[0]?.date).toBe('2027-04-21');
    expect((await h.services.audit.latest(5, 'fact.corrected'))[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: h.letterId });
    const calendar = await v.get('/console/deadlines?group=SG20&month=2027-04');
    expect(calendar.body).toMatch(/<td data-date="2027-04-21"[^>]*>.*?Submit ITU-T Member contributions/s);
    expect(calendar.body).not.toMatch(/<td data-date="2027-04-14"[^>]*><div class="day">14<\/div><a/);
    const bad = await v.post(`/console/documents/${h.letterId}/correct`, { _csrf: await v.token(`/console/documents/${h.letterId}`), field: 'deadline.0.date', value: '21/04/2027' });
    expect(bad.statusCode).toBe(400);
  });

  it('lets the secretariat add a missing deadline: stored, audited, re-planned, in /deadlines, and taken back', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const url = `/console/documents/${h.letterId}`;
    const page = await v.get(url);
    for (const kind of ['deadline', 'event', 'opening']) expect(page.body).toContain(`data-add="${kind}"`);
    // The letter gives its meeting: no form to add another.
    expect(page.body).not.toContain('data-add="meeting"');
    const form = { kind: 'deadline', date: '2027-04-29', time: '16:00', timezone: 'Europe/Zurich', category: 'interpretation', action: 'Ask for interpretation <b>"onmouseover=alert(1)', reason: 'said at the opening' };

    // Refused input: the page again with the message and what was posted (escaped), nothing stored or audited.
    const before = (await h.services.audit.latest(100, 'fact.')).length;
    const bad = await v.post(`${url}/add`, { _csrf: await v.token(url), ...form, date: '29/04/2027' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert" id="add-deadline-problem">&quot;29/04/2027&quot; is not a date for the date of the deadline: give it as YYYY-MM-DD');
    expect(bad.body).toContain('value="Ask for interpretation &lt;b&gt;&quot;onmouseover=alert(1)"');
    expect(bad.body).not.toContain('<b>"onmouseover');
    expect(await h.services.store.corrections(h.letterId)).toEqual(expect.not.arrayContaining([expect.objectContaining({ field: 'added.deadline' })]));
    expect((await h.services.audit.latest(100, 'fact.')).length).toBe(before);

    const plans = h.services.jobs().queue({ name: PLAN_QUEUE });
    const plannedBefore = (await plans.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((j) => (j.data as { docId?: string } | undefined)?.docId === h.letterId).length;
    const res = await v.post(`${url}/add`, { _csrf: await v.token(url), ...form });
    expect(res.statusCode).toBe(303);
    const after = await v.get(url);
    expect(after.body).toContain('Added deadline: 2027-04-29 16:00 Europe/Zurich, interpretation: Ask for interpretation &lt;b&gt;&quot;onmouseover=alert(1).');
    expect(after.body).toMatch(/<table class="stack added-facts">.*Ask for interpretation &lt;b&gt;/s);
    expect(after.body).not.toContain('<b>"onmouseover');
    const [entry] = await h.services.audit.latest(1, 'fact.added');
    expect(entry).toMatchObject({ who: `web:${PEOPLE.sara.email}`, action: 'fact.added', target: h.letterId, result: 'ok', details: { kind: 'deadline', reason: 'said at the opening' } });
    const id = String(entry?.details?.['id']);
    // Planned again, as after a correction: a fresh plan job of this document.
    expect((await plans.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((j) => (j.data as { docId?: string } | undefined)?.docId === h.letterId).length).toBe(plannedBefore + 1);
    // In /deadlines of the group (and the console's calendar), as if the letter gave it.
    const chat = await v.post('/console/chat', { _csrf: await v.token(), q: '/deadlines SG20' });
    expect(chat.body).toContain('Ask for interpretation &lt;b&gt;');
    const calendar = await v.get('/console/deadlines?group=SG20&month=2027-04');
    expect(calendar.body).toMatch(/<td data-date="2027-04-29"[^>]*>.*?Ask for interpretation/s);

    // A delegate sees the added fact but no form and no Remove button, and may neither add nor take back: 403, audited.
    const d = new Visitor(h);
    await d.signIn('dan', PASSWORD.dan);
    const seen = await d.get(url);
    expect(seen.body).toContain('Ask for interpretation');
    expect(seen.body).not.toContain('data-add=');
    expect(seen.body).not.toContain(`/added/${id}/remove`);
    const add = await d.post(`${url}/add`, { _csrf: await d.token(url), ...form, date: '2027-04-30' });
    expect(add.statusCode).toBe(403);
    expect((await h.services.audit.latest(1, 'fact.add.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, target: h.letterId, result: 'refused', details: { kind: 'deadline', reason: 'not-secretariat' } });
    const take = await d.post(`${url}/added/${id}/remove`, { _csrf: await d.token(url) });
    expect(take.statusCode).toBe(403);
    expect((await h.services.audit.latest(1, 'fact.added.removed.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, details: { id } });
    expect((await h.services.store.getDocument(h.letterId))?.parsed.deadlines.filter((x) => x.action.startsWith('Ask for interpretation'))).toHaveLength(1);

    // Taken back by the secretariat: gone, audited.
    const removed = await v.post(`${url}/added/${id}/remove`, { _csrf: await v.token(url) });
    expect(removed.statusCode).toBe(303);
    expect((await v.get(url)).body).toContain('Removed the added deadline: 2027-04-29 16:00 Europe/Zurich');
    expect((await h.services.store.getDocument(h.letterId))?.parsed.deadlines.filter((x) => x.action.startsWith('Ask for interpretation'))).toHaveLength(0);
    expect((await h.services.audit.latest(1, 'fact.added.removed'))[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: h.letterId, details: { id, kind: 'deadline' } });
    expect((await v.get('/console/deadlines?group=SG20&month=2027-04')).body).not.toContain('onmouseover');
  });

  it('escapes document text on every page: a <script> in a title stays inert', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const pages = [`/console/documents/${h.letterId}`, '/console/documents', '/console/documents?q=meeting', '/console/deadlines?group=SG20&month=2027-05'];
    for (const url of pages) {
      const res = await v.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(HOSTILE_TITLE);
      expect(res.body, url).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const chat = await v.post('/console/chat', { _csrf: await v.token(), q: '/meeting SG20' });
    expect(chat.body).not.toContain(HOSTILE_TITLE);
    expect(chat.body).toContain('&lt;script&gt;');
  });

  it('renders pages from templates that escape every value unless told not to', () => {
    const views = loadViews();
    expect(views.names).toEqual(expect.arrayContaining(['layout', 'post-button', 'csrf-field']));
    const hostile = '<script>alert(1)</script>"onmouseover=alert(2) \'x';
    const html = views.render('layout', { title: hostile, viewer: { user: 'u', name: hostile, secretariat: true, tz: hostile }, csrf: hostile, nav: [['home', '/console']], active: 'home', flash: { kind: 'ok', text: hostile }, body: '<p id="body">HTML</p>' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2) &#39;x · sgbot console</title>');
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2) &#39;x"');
    expect(html).toContain('data-tz="&lt;script&gt;');
    // Only what the template writes raw (a body of HTML built by another template) is kept as it is.
    expect(html).toContain('<p id="body">HTML</p></main>');
  });

  it('drafts a broadcast for the secretariat, previews every target, confirms once, and shows status per target', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    // An empty form says what the form lacks, in the form's words.
    const empty = await v.post('/console/broadcasts', { _csrf: await v.token('/console/broadcasts'), group: 'SG20', text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write the announcement, or give the reference of a stored document to announce.');
    expect(empty.body).not.toContain('broadcast SG20 &lt;text&gt;');
    const preview = await v.post('/console/broadcasts', { _csrf: await v.token('/console/broadcasts'), group: 'sg20', text: 'The Q4/20 meeting moves to room K. Bring your badge.' });
    expect(preview.statusCode).toBe(200);
    for (const list of LISTS) expect(preview.body).toContain(list);
    const id = /action="\/console\/broadcasts\/([a-z2-9]{8})\/confirm"/.exec(preview.body)?.[1] ?? '';
    expect(id).toMatch(/^[a-z2-9]{8}$/);
    const _csrf = await v.token(`/console/broadcasts/${id}`);
    const confirmed = await v.post(`/console/broadcasts/${id}/confirm`, { _csrf });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/console/broadcasts/${id}`);
    const status = await v.get(`/console/broadcasts/${id}`);
    expect(status.body).toContain(`Broadcast ${id} to SG20: 0 delivered, 2 pending, 0 failed`);
    expect((await h.services.audit.latest(5, 'broadcast.confirmed'))[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: id });
    expect(await h.services.jobs().queue({ name: 'broadcast' }).getWaitingCount()).toBe(2);
    const list = await v.get('/console/broadcasts');
    expect(list.body).toContain(`/console/broadcasts/${id}`);
  });

  it('offers the buttons of a chat answer as forms and runs the one pressed as the signed-in person, once', async () => {
    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const preview = await v.post('/console/chat', { _csrf: await v.token(), q: 'broadcast SG20 The Q4/20 meeting moves to room L.' });
    expect(preview.statusCode).toBe(200);
    const buttons = [...preview.body.matchAll(/<form method="post" action="\/console\/chat\/action"[^>]*>.*?name="x" value="(\d+)".*?name="id" value="([a-z_]+)".*?name="value" value="([^"]+)".*?<button[^>]*>([^<]+)<\/button><\/form>/g)].map((m) => ({ x: m[1] ?? '', id: m[2] ?? '', value: m[3] ?? '', label: m[4] ?? '' }));
    expect(buttons.map((b) => b.label)).toEqual(['Confirm and send', 'Cancel']);
    expect(preview.body).toContain('It goes to 2 mailing lists, once each.');
    expect(preview.body).toContain('It goes to 2 mailing lists and channels of SG20 at once.');
    const confirm = buttons[0];
    if (!confirm) throw new Error('no confirm button');

    // A button that is not on the page (another value) runs nothing.
    const forged = await v.post('/console/chat/action', { _csrf: await v.token(), x: confirm.x, id: confirm.id, value: 'zzzzzzzz' });
    expect(forged.statusCode).toBe(303);
    expect(await h.services.audit.latest(5, 'broadcast.confirmed')).toHaveLength(1);

    const pressed = await v.post('/console/chat/action', { _csrf: await v.token(), ...confirm });
    expect(pressed.statusCode).toBe(200);
    expect(pressed.body).toContain('pressed <strong>Confirm and send</strong>');
    const confirmed = await h.services.audit.latest(5, 'broadcast.confirmed');
    expect(confirmed).toHaveLength(2);
    // Its status names who confirmed it, with times in the reader's zone.
    const status = await v.post('/console/chat', { _csrf: await v.token(), q: `broadcast status ${confirm.value}` });
    expect(status.body).toMatch(/confirmed by Sara Secretariat on \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Europe\/Zurich\)/);
    expect(confirmed[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: confirm.value });
    // The answer the button was pressed on has no buttons any more: pressing it again is refused before it runs.
    expect(pressed.body).not.toContain('name="id" value="sgbot_broadcast_confirm"');
    const again = await v.post('/console/chat/action', { _csrf: await v.token(), ...confirm });
    expect(again.statusCode).toBe(303);
    expect(await h.services.audit.latest(5, 'broadcast.confirmed')).toHaveLength(2);
  });
});

describe('the demo account of npm start', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'demo' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs in with the clear-text demo account passed to createWebServer, acting as that roster person', async () => {
    const app = createWebServer(h.services, { demoAccount: { user: PEOPLE.sara.email, password: 'made-for-this-run' } });
    await app.ready();
    try {
      const v = new Visitor({ ...h, app });
      expect((await v.signIn(PEOPLE.sara.email, 'wrong-password')).statusCode).toBe(401);
      expect((await v.signIn(PEOPLE.sara.email, 'made-for-this-run')).statusCode).toBe(303);
      const home = await v.get('/console');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('Sara Secretariat</strong> (secretariat)');
    } finally {
      await app.close();
    }
  });
});

describe('console accounts and password hashes', () => {
  it('hashes with scrypt, verifies in constant time, and reads accounts from the setting', async () => {
    const hash = await hashPassword('a long passphrase');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(await verifyPassword('a long passphrase', hash)).toBe(true);
    expect(await verifyPassword('a long passphrasE', hash)).toBe(false);
    expect(await verifyPassword('a long passphrase', 'scrypt$bad')).toBe(false);
    expect(parseAccounts(`Ana@Example.org:${hash}, ops:ana@example.org:${hash}`)).toEqual([
      { user: 'ana@example.org', person: 'ana@example.org', hash },
      { user: 'ops', person: 'ana@example.org', hash },
    ]);
    expect(() => parseAccounts('ana@example.org:plaintext scrypt$')).toThrow(/bad entr/);
    expect(() => parseAccounts('/nonexistent/accounts')).toThrow(/no file/);
  });
});
