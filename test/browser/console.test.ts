/**
 * The web console in headless Chromium (playwright-core with the Debian chromium) against the server
 * listening on loopback: sign in; the SG20 deadline on its day cell of the calendar; correct that deadline with its
 * fact group's form (date picker, select, check box) and find it on its new day; add a missing deadline with its form,
 * find it listed, and take it back; the audit log readable (names,
 * before → after, no epoch milliseconds); scheduled reminders with names, a test reminder sent into the outbox, and
 * the done/snooze/unsubscribe pages naming the deadline (a reminder marked done leaves the list); a broadcast
 * previewed as its recipients see it (no chat instructions), confirmed and delivered; the chat keeping every answer
 * of the session; Bull Board with a way back. Every page is checked with axe-core (no serious or critical
 * violation) and must fit a 1280-px window, and the list pages a phone. With SGBOT_SCREENSHOTS=1 (npm run
 * screenshots) it saves each page to docs/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { broadcastJob } from '../../jobs/broadcast.ts';
import { reminderJob } from '../../jobs/reminder.ts';
import { makePerson } from '../../src/people/roster.ts';
import { scheduleDocument } from '../../src/reminders/index.ts';
import { startReminderWorkers, type ReminderWorkers } from '../../src/reminders/worker.ts';
import { REMINDER_QUEUE, reminderPayload } from '../../src/reminders/payload.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { outboxKey } from '../../src/web/console/pages/outbox.ts';
import { LISTS, PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';
import { seriousViolations } from './axe.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const SCREENSHOTS = process.env['SGBOT_SCREENSHOTS'] === '1';
const redisUrl = inject('redisUrl');
const hasChromium = existsSync(CHROMIUM);
const RITA = { name: 'Rita Rapporteur', email: 'rita@member.example.org', tz: 'Asia/Tokyo', roles: [{ kind: 'rapporteur', scope: 'Q4/20' }] } as const;

if (!hasChromium) console.warn(`Skipping the browser tests of the console: no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('web console in Chromium', () => {
  let h: ConsoleHarness;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reminders: ReminderWorkers | undefined;
  /** Every page checked, with what axe-core found. */
  const checked: string[] = [];

  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'browser', hostileTitle: false });
    await h.services.roster.put(makePerson(RITA));
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    h.services.jobs().startWorker({ ...broadcastJob, backoffMs: 100 });
    reminders = startReminderWorkers([reminderJob], h.services.reminders);
    await scheduleDocument(h.services.reminders, h.letterId);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await reminders?.close();
    await h?.close();
  });

  const shoot = async (name: string, p: Page = page) => {
    if (!SCREENSHOTS) return;
    mkdirSync('docs/screenshots', { recursive: true });
    await p.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  };

  /** axe-core finds no serious or critical violation, and nothing is wider than the window. */
  const check = async (name: string, p: Page = page) => {
    const violations = await seriousViolations(p);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    const { scroll, width } = await p.evaluate(() => {
      const w = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return { scroll: w.document.documentElement.scrollWidth, width: w.innerWidth };
    });
    expect(scroll, `${name} is wider than the window`).toBeLessThanOrEqual(width);
    checked.push(name);
    await shoot(`console-${name}`, p);
  };

  /** The first scheduled reminder job's payload. */
  const firstReminder = async () => {
    const jobs = await h.services.jobs().queue({ name: REMINDER_QUEUE }).getDelayed(0, 50);
    const p = jobs.map((j) => reminderPayload.parse(j.data)).find((d) => d.type === 'reminder');
    if (!p) throw new Error('no reminder planned');
    return p;
  };

  it('refuses a signed-out visitor: pages lead to the sign-in form, posts get 403', async () => {
    const visitor = await browser.newContext();
    const p = await visitor.newPage();
    for (const path of ['/console', '/console/deadlines?group=SG20', '/console/broadcasts', '/console/chat', '/console/queues']) {
      await p.goto(`${base}${path}`);
      expect(new URL(p.url()).pathname, path).toBe('/console/login');
      await expect(p.locator('h1').textContent()).resolves.toContain('Sign in');
    }
    await check('login', p);
    const post = await visitor.request.post(`${base}/console/broadcasts`, { form: { group: 'SG20', text: 'Hello' }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    expect(await h.services.audit.latest(5, 'broadcast.drafted')).toEqual([]);
    // Public pages stay public.
    expect((await visitor.request.get(`${base}/healthz`)).status()).toBe(200);
    await visitor.close();
  });

  it('signs in and shows the SG20 deadline on its day in the calendar', async () => {
    await page.goto(`${base}/console/login`);
    await page.fill('#user', PEOPLE.sara.email);
    await page.fill('#password', PASSWORD.sara);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console`);
    await expect(page.locator('.who').textContent()).resolves.toContain('Sara Secretariat');
    await check('home');

    await page.goto(`${base}/console/deadlines?group=SG20&month=2027-04`);
    const cell = page.locator('table.calendar td[data-date="2027-04-14"]');
    await expect(cell.textContent()).resolves.toContain('Submit ITU-T Member contributions');
    await expect(page.locator('table.calendar td[data-date="2027-04-13"]').textContent()).resolves.not.toContain('Submit');
    await expect(page.locator('table.deadlines').textContent()).resolves.toContain('Wed 14 Apr 2027');
  });

  it('corrects a deadline with its fact group form, numbered as in the table, and the calendar moves it', async () => {
    await page.goto(`${base}/console/documents`);
    await check('documents');
    await page.click('text=TSB Collective letter 7/20');
    // Deadlines are numbered from 1 in the table and in the forms.
    await expect(page.locator('table.doc-deadlines tbody tr:first-child td:first-child').textContent()).resolves.toBe('1');
    const form = page.locator('form[data-group="deadline-0"]');
    await expect(form.locator('legend').textContent()).resolves.toBe('Deadline 1');
    // A date picker, a time picker, a select of kinds and a check box: no free text for dates or booleans.
    await expect(form.locator('input[name="f:deadline.0.date"]').getAttribute('type')).resolves.toBe('date');
    await expect(form.locator('input[name="f:deadline.0.time"]').getAttribute('type')).resolves.toBe('time');
    await expect(form.locator('select[name="f:deadline.0.category"] option').count()).resolves.toBeGreaterThan(5);
    await expect(form.locator('input[type=checkbox][name="f:deadline.0.removed"]').count()).resolves.toBe(1);
    await expect(page.locator('form.fact-group:not(.add-fact)').count()).resolves.toBeLessThan(6);
    await check('document');

    await form.locator('input[name="f:deadline.0.date"]').fill('2027-04-21');
    await form.locator('input[name=reason]').fill('Corrigendum 1 moved it');
    await form.locator('button[type=submit]').click();
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Deadline 1: date: was Wed 14 Apr 2027, now Wed 21 Apr 2027.');
    await expect(page.locator('table.doc-deadlines').textContent()).resolves.toContain('Wed 21 Apr 2027');
    // Only the changed field was corrected.
    expect((await h.services.audit.latest(10, 'fact.corrected')).map((e) => e.details?.['field'])).toEqual(['deadline.0.date']);
    const history = (await page.locator('table.correction-history').textContent()) ?? '';
    expect(history).toContain('Sara Secretariat');
    expect(history).toContain('Corrigendum 1 moved it');
    await check('document-corrected');

    await page.goto(`${base}/console/deadlines?group=SG20&month=2027-04`);
    await expect(page.locator('table.calendar td[data-date="2027-04-21"]').textContent()).resolves.toContain('Submit ITU-T Member contributions');
    await expect(page.locator('table.calendar td[data-date="2027-04-14"]').textContent()).resolves.not.toContain('Submit');
    await check('calendar');
  });

  it('shows the audit log readably: names, actions in words, before → after, no epoch milliseconds', async () => {
    await page.goto(`${base}/console/audit`);
    const text = (await page.locator('table.audit').textContent()) ?? '';
    expect(text).toContain('Sara Secretariat');
    expect(text).toContain('corrected a fact');
    expect(text).toContain('TSB Collective letter 7/20');
    expect(text).toContain('planned reminders');
    expect(text).not.toMatch(/\b1[78]\d{11}\b/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await expect(page.locator('table.audit del').first().textContent()).resolves.toBe('2027-04-14');
    await check('audit');
    // On a phone the table becomes labelled cards, no wider than the screen.
    const phone = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
    const p = await phone.newPage();
    await p.goto(`${base}/console/audit`);
    await check('audit-phone', p);
    await p.goto(`${base}/console/reminders`);
    await check('reminders-phone', p);
    await phone.close();
  });

  it('lists reminders by name, sends a test reminder to the outbox, and leaves out one marked done', async () => {
    // The correction above queued a re-plan; no plan worker runs here, so plan again now (the deadline moved).
    await scheduleDocument(h.services.reminders, h.letterId);
    await page.goto(`${base}/console/reminders`);
    const table = (await page.locator('table.reminders').textContent()) ?? '';
    expect(table).toContain('Rita Rapporteur');
    expect(table).not.toContain('person:');
    await check('reminders');

    await page.click('button:has-text("Send a test reminder now")');
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Rita Rapporteur is reminded now');
    let mails: string[] = [];
    for (let i = 0; i < 100 && !mails.some((m) => m.includes('"kind":"reminder"')); i++) {
      await page.waitForTimeout(100);
      mails = await h.services.redis.lrange(outboxKey(h.prefix), 0, -1);
    }
    expect(mails.some((m) => m.includes(RITA.email))).toBe(true);
    expect((await h.services.audit.latest(5, 'reminder.test'))[0]).toMatchObject({ who: `web:${PEOPLE.sara.email}`, result: 'queued' });

    // The mail's links: each page names the deadline, and only its button acts.
    const r = await firstReminder();
    const expires = Math.floor(Date.now() / 1000) + 86_400 * 365;
    const secret = h.services.reminders.settings.secret;
    for (const action of ['snooze', 'unsubscribe', 'done'] as const) {
      const token = signToken({ action, deadlineKey: action === 'unsubscribe' ? '' : r.deadlineKey, recipient: r.recipient, expires }, secret);
      await page.goto(`${base}/reminders/${action}?token=${encodeURIComponent(token)}`);
      if (action !== 'unsubscribe') await expect(page.locator('.deadline').textContent()).resolves.toContain('Submit ITU-T Member contributions');
      await check(`link-${action}`);
      if (action === 'done') {
        await page.click('button:has-text("Yes, it is done")');
        await expect(page.locator('h1').textContent()).resolves.toContain('Marked as done');
        await expect(page.locator('.deadline').textContent()).resolves.toContain('21 April 2027');
        await check('link-done-pressed');
      }
    }
    await page.goto(`${base}/console/reminders`);
    await expect(page.locator('main').textContent()).resolves.toContain('left out: their recipient marked the deadline as done');
    await expect(page.locator('table.reminders').count()).resolves.toBe(0);
  });

  it('previews a broadcast as recipients see it, with Confirm and Cancel only, and shows each target delivered', async () => {
    await page.goto(`${base}/console/broadcasts`);
    await check('broadcasts');
    await page.fill('#group', 'SG20');
    await page.fill('#text', 'The Q4/20 rapporteur meeting moves to room K. Bring your badge.');
    await page.click('button:has-text("Preview")');
    const preview = (await page.locator('.reply').textContent()) ?? '';
    for (const list of LISTS) expect(preview).toContain(list);
    expect(preview).toContain('preview, not sent yet');
    expect(preview).not.toContain('broadcast confirm');
    expect(preview).not.toContain('broadcast cancel');
    await expect(page.locator('.mail-preview .body').textContent()).resolves.toBe('The Q4/20 rapporteur meeting moves to room K. Bring your badge.');
    await expect(page.locator('.mail-preview li').count()).resolves.toBe(0);
    await expect(page.locator('main button').allTextContents()).resolves.toEqual(['Confirm and send', 'Cancel']);
    await check('broadcast-preview');

    await page.click('button:has-text("Confirm and send")');
    await page.waitForURL(/\/console\/broadcasts\/[a-z2-9]{8}$/);
    const id = page.url().split('/').pop() ?? '';
    let title = '';
    for (let i = 0; i < 100 && !title.includes('2 delivered'); i++) {
      await page.waitForTimeout(100);
      await page.goto(`${base}/console/broadcasts/${id}`);
      title = (await page.locator('.reply h2').textContent()) ?? '';
    }
    expect(title).toBe(`Broadcast ${id} to SG20: 2 delivered, 0 pending, 0 failed`);
    const delivered = (await page.locator('.reply').textContent()) ?? '';
    for (const list of LISTS) expect(delivered).toContain(list);
    expect(delivered).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await check('broadcast-status');

    // The mail went to the capture outbox (no SMTP here), and the console shows it.
    await page.goto(`${base}/console/outbox`);
    await expect(page.locator('table.outbox').textContent()).resolves.toContain('The Q4/20 rapporteur meeting moves to room K.');
    await check('outbox');
    await page.click('table.outbox a >> nth=0');
    await check('outbox-mail');
  });

  it('keeps the whole conversation of the session in the chat console', async () => {
    await page.goto(`${base}/console/chat`);
    await page.fill('input[name=q]', '/help');
    await page.click('button:has-text("Ask")');
    await page.fill('input[name=q]', '/deadlines SG20');
    await page.click('button:has-text("Ask")');
    await expect(page.locator('.chat-log .exchange').count()).resolves.toBe(2);
    await expect(page.locator('.chat-log .asked code').allTextContents()).resolves.toEqual(['/help', '/deadlines SG20']);
    const answer = (await page.locator('.exchange#latest .reply').textContent()) ?? '';
    expect(answer).toContain('Submit ITU-T Member contributions');
    expect(answer).toContain('21 Apr 2027');
    await page.goto(`${base}/console/chat`);
    await expect(page.locator('.chat-log .exchange').count()).resolves.toBe(2);
    await check('chat');
  });

  it('answers plain questions in the chat console as in the terminal', async () => {
    await page.goto(`${base}/console/chat`);
    await page.fill('input[name=q]', 'when is the contribution deadline for study group 20');
    await page.click('button:has-text("Ask")');
    const deadline = (await page.locator('.exchange#latest .reply').textContent()) ?? '';
    expect(deadline).toContain('Deadlines for SG20 (contributions or contributions needing translation)');
    expect(deadline).toContain('Submit ITU-T Member contributions');
    await page.fill('input[name=q]', 'where is the next SG20 meeting');
    await page.click('button:has-text("Ask")');
    expect((await page.locator('.exchange#latest .reply').textContent()) ?? '').toMatch(/SG20[^]*Geneva/);
  });

  it("shows an answer's buttons in the chat console and runs the one pressed", async () => {
    await page.goto(`${base}/console/chat`);
    await page.fill('input[name=q]', 'broadcast SG20 The Q4/20 session moves to room L.');
    await page.click('button:has-text("Ask")');
    await expect(page.locator('.exchange#latest form button').allTextContents()).resolves.toEqual(['Confirm and send', 'Cancel']);
    await check('chat-buttons');
    await page.click('.exchange#latest button:has-text("Cancel")');
    await expect(page.locator('.exchange#latest .asked').textContent()).resolves.toContain('pressed Cancel');
    expect((await page.locator('.exchange#latest .reply').textContent()) ?? '').toMatch(/cancel/i);
    // The preview's buttons are gone once one was pressed.
    await expect(page.locator('.chat-log form[action="/console/chat/action"]').count()).resolves.toBe(0);
  });

  it('checks the quarantine list and an entry, and the notice for a group sgbot does not know', async () => {
    await h.services.quarantine.put({ id: 'file-0123456789abcdef', name: 'broken-letter.docx', partial: false, problems: [{ name: 'broken-letter.docx', code: 'E_FILE', message: 'The .docx file is damaged: its zip directory cannot be read.' }], at: new Date().toISOString(), rawId: null, path: '/inbox/broken-letter.docx' });
    await page.goto(`${base}/console/quarantine`);
    await expect(page.locator('main').textContent()).resolves.toContain('broken-letter.docx');
    await check('quarantine');
    await page.goto(`${base}/console/quarantine/file-0123456789abcdef`);
    await expect(page.locator('main').textContent()).resolves.toContain('zip directory cannot be read');
    await check('quarantine-entry');
    await page.goto(`${base}/console/deadlines?group=SG99`);
    await expect(page.locator('.flash.error').textContent()).resolves.toContain('is not a study group sgbot knows');
    await check('deadlines-unknown-group');
  });

  it("shows a delegate the refusal of a secretariat's page, and only their own reminders", async () => {
    const delegate = await browser.newContext();
    const p = await delegate.newPage();
    await p.goto(`${base}/console/login`);
    await p.fill('#user', 'dan');
    await p.fill('#password', PASSWORD.dan);
    await p.click('button[type=submit]');
    await p.waitForURL(`${base}/console`);
    const refused = await p.goto(`${base}/console/audit`);
    expect(refused?.status()).toBe(403);
    await check('refused', p);
    await p.goto(`${base}/console/reminders`);
    await expect(p.locator('h1').textContent()).resolves.toContain('Your scheduled reminders');
    await check('reminders-own', p);
    await delegate.close();
  });

  it('shows the job queues in Bull Board (its scripts run under the console CSP), with a link back to the console', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/console/queues`);
    await page.waitForSelector('text=reminder', { timeout: 15_000 });
    await expect(page.content()).resolves.toContain('broadcast');
    expect(errors).toEqual([]);
    await shoot('console-queues');
    await page.click('#sgbot-console-link');
    await page.waitForURL(`${base}/console`);
  });

  it('adds a missing deadline with its form (date and time pickers, a zone), lists it, and can take it back', async () => {
    await page.goto(`${base}/console/documents/${h.letterId}`);
    const form = page.locator('form[data-add="deadline"]');
    await expect(form.locator('legend').textContent()).resolves.toBe('Add a deadline');
    await expect(form.locator('input[name=date]').getAttribute('type')).resolves.toBe('date');
    await expect(form.locator('input[name=time]').getAttribute('type')).resolves.toBe('time');
    // The document's zone is chosen unless another is.
    await expect(form.locator('select[name=timezone]').inputValue()).resolves.toBe('Europe/Zurich');
    await check('document-add-forms');

    await form.locator('input[name=date]').fill('2027-04-27');
    await form.locator('input[name=time]').fill('10:00');
    await form.locator('select[name=timezone]').selectOption('UTC');
    await form.locator('select[name=category]').selectOption('registration');
    await form.locator('input[name=action]').fill('Register for the <b>newcomers</b> session');
    await form.locator('input[name=reason]').fill('announced at the opening plenary');
    await form.locator('button[type=submit]').click();
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Added deadline: 2027-04-27 10:00 UTC, registration: Register for the <b>newcomers</b> session.');
    const row = page.locator('table.doc-deadlines tr', { hasText: 'newcomers' });
    await expect(row.locator('td:first-child').textContent()).resolves.toBe('added');
    await expect(row.textContent()).resolves.toContain('Tue 27 Apr 2027');
    const added = page.locator('table.added-facts tbody tr');
    await expect(added.count()).resolves.toBe(1);
    await expect(added.textContent()).resolves.toContain('Sara Secretariat');
    await check('document-added');

    // Listed in the group's calendar on its day.
    await page.goto(`${base}/console/deadlines?group=SG20&month=2027-04`);
    await expect(page.locator('table.calendar td[data-date="2027-04-27"]').textContent()).resolves.toContain('newcomers');

    // Taken back from the document page: gone from the page and the calendar.
    await page.goto(`${base}/console/documents/${h.letterId}`);
    await page.locator('table.added-facts button', { hasText: 'Remove' }).click();
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Removed the added deadline');
    await expect(page.locator('table.added-facts').count()).resolves.toBe(0);
    await expect(page.locator('table.doc-deadlines').textContent()).resolves.not.toContain('newcomers');
    expect((await h.services.audit.latest(5, 'fact.added')).map((e) => e.action)).toEqual(['fact.added.removed', 'fact.added']);
  });

  it('checked every console page with axe-core', () => {
    expect(checked).toEqual(
      expect.arrayContaining(['login', 'home', 'calendar', 'documents', 'document', 'audit', 'reminders', 'link-done', 'link-snooze', 'link-unsubscribe', 'broadcasts', 'broadcast-preview', 'broadcast-status', 'outbox', 'outbox-mail', 'chat', 'quarantine', 'quarantine-entry', 'deadlines-unknown-group', 'refused', 'reminders-own', 'document-add-forms', 'document-added']),
    );
  });
});
