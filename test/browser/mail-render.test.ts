/**
 * The reminder mail's HTML in headless Chromium (playwright-core with the Debian chromium), light and dark, on a
 * desktop-wide and a phone-wide window, with JavaScript off and no network (as a mail client shows it): the colours
 * follow the reader's scheme, the text keeps its contrast, nothing is wider than the phone. With
 * SGBOT_SCREENSHOTS=1 it also saves docs/screenshots/mail-reminder-{light,dark}.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessage } from '../../src/reminders/compose.ts';
import { linksFor } from '../../src/reminders/deliver.ts';
import type { ReminderDeps } from '../../src/reminders/deps.ts';
import { makeRecord } from '../support/reminder-builders.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const SCREENSHOTS = process.env['SGBOT_SCREENSHOTS'] === '1';
const hasChromium = existsSync(CHROMIUM);

const deps = { settings: { secret: 'mail-render-test-secret-0123456789', publicUrl: 'https://sgbot.example.org' } } as unknown as ReminderDeps;
const record = makeRecord({ source: { docId: 'aaaaaaaaaaaaaaaaaaaa', reference: 'TSB Collective letter 5/20', title: 'Meeting of Study Group 20, Geneva, 5–14 May 2036', kind: 'collective-letter', date: '2036-02-01' } });
const payload = { type: 'reminder' as const, deadlineKey: record.key, base: record.base, recipient: 'person:ana@example.org', offset: '7d', at: Date.parse('2036-04-08T00:00:00Z'), due: record.due };
const mail = composeMessage(record, payload, 'Asia/Tokyo', linksFor(deps, record, payload));

/** Relative luminance contrast of two `rgb(…)` colours (WCAG). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

if (!hasChromium) console.warn(`Skipping the mail rendering test: no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('reminder mail in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(scheme: 'light' | 'dark', width: number): Promise<Page> {
    const context = await browser.newContext({ colorScheme: scheme, javaScriptEnabled: false, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    // A mail client loads nothing from the message: any request would be a remote image or font.
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.setContent(mail.html, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    return page;
  }

  type Colours = Record<'page' | 'card' | 'title' | 'due' | 'label' | 'done' | 'snooze' | 'link', { color: string; background: string }>;
  // Evaluated in the page (a string, as the project compiles without the DOM library).
  const colours = (page: Page) =>
    page.evaluate<Colours>(`(() => {
      const style = (sel) => {
        const el = document.querySelector(sel);
        if (!el) throw new Error('no ' + sel);
        const cs = getComputedStyle(el);
        return { color: cs.color, background: cs.backgroundColor };
      };
      return { page: style('body'), card: style('.sg-card'), title: style('.sg-title h1'), due: style('.sg-facts strong'), label: style('.sg-label'), done: style('.sg-primary a'), snooze: style('.sg-secondary a'), link: style('a.sg-link') };
    })()`);

  for (const scheme of ['light', 'dark'] as const) {
    it(`is readable in ${scheme} mode, wide and on a phone`, async () => {
      const page = await open(scheme, 720);
      const c = await colours(page);
      const dark = scheme === 'dark';
      // The card's background follows the scheme; text keeps at least WCAG AA contrast on it.
      expect(contrast(c.card.background, 'rgb(0, 0, 0)') < 2).toBe(dark);
      for (const [what, colour] of [['title', c.title.color], ['due', c.due.color], ['label', c.label.color], ['link', c.link.color]] as const) {
        expect(contrast(colour, c.card.background), `${scheme} ${what} ${colour} on ${c.card.background}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(c.done.color, c.done.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.snooze.color, c.snooze.background)).toBeGreaterThanOrEqual(4.5);
      // The preheader is in the message for the inbox list, not for the eye.
      expect(await page.locator('.sg-preheader').isVisible()).toBe(false);
      await expect(page.getByText('Tue 15 Apr 2036, 06:59 (Asia/Tokyo)', { exact: true }).isVisible()).resolves.toBe(true);
      if (SCREENSHOTS) {
        mkdirSync('docs/screenshots', { recursive: true });
        await page.screenshot({ path: `docs/screenshots/mail-reminder-${scheme}.png`, fullPage: true });
      }
      await page.context().close();

      const phone = await open(scheme, 360);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      // On a phone the two buttons stack.
      const [done, snooze] = await Promise.all([phone.locator('.sg-primary a').boundingBox(), phone.locator('.sg-secondary a').boundingBox()]);
      expect((snooze?.y ?? 0) > (done?.y ?? 0) + (done?.height ?? 0) - 1).toBe(true);
      if (SCREENSHOTS) await phone.screenshot({ path: `docs/screenshots/mail-reminder-${scheme}-phone.png`, fullPage: true });
      await phone.context().close();
    });
  }
});
