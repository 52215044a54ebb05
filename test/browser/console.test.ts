/**
 * The web console in headless Chromium (playwright-core with the Debian chromium, RECIPES.md) against the server
 * listening on loopback: sign in; the SG20 deadline on its day cell of the calendar; correct that deadline's date
 * and find it on its new day; compose a broadcast, see every target in the preview, confirm, and watch each target
 * reach "delivered" (the real broadcast worker, mail into the capture outbox); ask `/deadlines SG20` in the chat
 * console; a signed-out browser is refused. With SGBOT_SCREENSHOTS=1 it also saves the README's screenshots.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { broadcastJob } from '../../jobs/broadcast.ts';
import { outboxKey } from '../../src/web/console/pages/outbox.ts';
import { LISTS, PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const SCREENSHOTS = process.env['SGBOT_SCREENSHOTS'] === '1';
const redisUrl = inject('redisUrl');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) console.warn(`Skipping the browser tests of the console: no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('web console in Chromium', () => {
  let h: ConsoleHarness;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'browser', hostileTitle: false });
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    h.services.jobs().startWorker({ ...broadcastJob, backoffMs: 100 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const shoot = async (name: string) => {
    if (!SCREENSHOTS) return;
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  };

  it('refuses a signed-out visitor: pages lead to the sign-in form, posts get 403', async () => {
    const visitor = await browser.newContext();
    const p = await visitor.newPage();
    for (const path of ['/console', '/console/deadlines?group=SG20', '/console/broadcasts', '/console/chat', '/console/queues']) {
      await p.goto(`${base}${path}`);
      expect(new URL(p.url()).pathname, path).toBe('/console/login');
      await expect(p.locator('h1').textContent()).resolves.toContain('Sign in');
    }
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

    await page.goto(`${base}/console/deadlines?group=SG20&month=2027-04`);
    const cell = page.locator('table.calendar td[data-date="2027-04-14"]');
    await expect(cell.textContent()).resolves.toContain('Submit ITU-T Member contributions');
    await expect(page.locator('table.calendar td[data-date="2027-04-13"]').textContent()).resolves.not.toContain('Submit');
    await expect(page.locator('table.deadlines').textContent()).resolves.toContain('Wed 14 Apr 2027');
    await shoot('console-calendar');
  });

  it('corrects the deadline date of a document, and the calendar moves it', async () => {
    await page.goto(`${base}/console/documents`);
    await page.click('text=TSB Collective letter 7/20');
    const row = page.locator('tr[data-field="deadline.0.date"]');
    await row.locator('input[name=value]').fill('2027-04-21');
    await row.locator('input[name=reason]').fill('Corrigendum 1 moved it');
    await row.locator('button[type=submit]').click();
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('was 2027-04-14, now 2027-04-21');
    await expect(page.locator('table.doc-deadlines').textContent()).resolves.toContain('Wed 21 Apr 2027');

    await page.goto(`${base}/console/deadlines?group=SG20&month=2027-04`);
    await expect(page.locator('table.calendar td[data-date="2027-04-21"]').textContent()).resolves.toContain('Submit ITU-T Member contributions');
    await expect(page.locator('table.calendar td[data-date="2027-04-14"]').textContent()).resolves.not.toContain('Submit');
    await shoot('console-calendar');
  });

  it('composes a broadcast, previews every target, confirms, and shows each target delivered', async () => {
    await page.goto(`${base}/console/broadcasts`);
    await page.fill('#group', 'SG20');
    await page.fill('#text', 'The Q4/20 rapporteur meeting moves to room K. Bring your badge.');
    await page.click('button:has-text("Preview")');
    const preview = (await page.locator('.reply').textContent()) ?? '';
    for (const list of LISTS) expect(preview).toContain(list);
    expect(preview).toContain('preview, not sent yet');

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

    // The mail went to the capture outbox (no SMTP here), and the console shows it.
    expect(await h.services.redis.llen(outboxKey(h.prefix))).toBe(2);
    await page.goto(`${base}/console/outbox`);
    await expect(page.locator('table.outbox').textContent()).resolves.toContain('The Q4/20 rapporteur meeting moves to room K.');
  });

  it('shows the job queues in Bull Board (its scripts run under the console CSP)', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/console/queues`);
    await page.waitForSelector('text=reminder', { timeout: 15_000 });
    await expect(page.content()).resolves.toContain('broadcast');
    expect(errors).toEqual([]);
  });

  it('answers /deadlines SG20 in the chat console', async () => {
    await page.goto(`${base}/console/chat`);
    await page.fill('input[name=q]', '/deadlines SG20');
    await page.click('button:has-text("Ask")');
    const answer = (await page.locator('.reply').textContent()) ?? '';
    expect(answer).toContain('Submit ITU-T Member contributions');
    expect(answer).toContain('21 Apr 2027');
    await shoot('console-chat');
  });
});
