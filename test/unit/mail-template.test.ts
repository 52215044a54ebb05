/**
 * Rapporteur mail from the MJML template: a reminder, an escalation, a change notice and a digest as HTML and as
 * plain text (file snapshots in test/fixtures/mail/, open the .html ones in a browser); every link of both parts
 * leads to the right signed action; what documents say is escaped; the compiled layouts match their MJML source.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { fillLayout, html, httpUrl, renderMail, SafeHtml } from '../../src/mail/render.ts';
import { compileLayout, compiledPath } from '../../src/mail/templates/build.ts';
import { LAYOUT_VARIANTS } from '../../src/mail/templates/layout.ts';
import { composeMessage } from '../../src/reminders/compose.ts';
import { linksFor } from '../../src/reminders/deliver.ts';
import type { ReminderDeps } from '../../src/reminders/deps.ts';
import { composeDigest } from '../../src/reminders/digest-compose.ts';
import type { DeadlineRecord } from '../../src/reminders/keys.ts';
import type { ReminderPayload } from '../../src/reminders/payload.ts';
import { verifyToken } from '../../src/reminders/tokens.ts';
import type { DeadlineFact, LiaisonFact } from '../../src/store/facts.ts';
import { makeRecord, makeStored } from '../support/reminder-builders.ts';
import { readFileSync } from 'node:fs';

const SECRET = 'mail-template-test-secret-0123456789';
const PUBLIC = 'https://sgbot.example.org';
const NOW = Date.parse('2036-04-08T00:00:00Z');
const deps = { settings: { secret: SECRET, publicUrl: PUBLIC } } as unknown as ReminderDeps;
const docUrl = (id: string) => `${PUBLIC}/doc/${id}`;

const HOSTILE = '<script>alert("x")</script> {{x}} %%SGBOT_BODY%% & more';

const letter = makeRecord();
const liaisonReply = makeRecord({
  key: 'bbbbbbbbbbbb-liaison-reply-0',
  docId: 'bbbbbbbbbbbbbbbbbbbb',
  base: 'doc:bbbbbbbbbbbbbbbbbbbb',
  due: Date.UTC(2036, 3, 20, 21, 59, 59),
  date: '2036-04-20',
  category: 'liaison-reply',
  action: `Reply to the liaison statement: ${HOSTILE}`,
  questions: ['Q4/20'],
  source: { docId: 'bbbbbbbbbbbbbbbbbbbb', reference: 'SG20-LS12', title: `LS on terminology ${HOSTILE}`, kind: 'liaison-statement', date: '2036-03-01' },
});
const moved = makeRecord({ due: Date.UTC(2036, 3, 21, 21, 59, 59), date: '2036-04-21' });

type Payload = ReminderPayload;
const reminder: Payload = { type: 'reminder', deadlineKey: letter.key, base: letter.base, recipient: 'person:ana@example.org', offset: '7d', at: NOW, due: letter.due };
const escalation: Payload = { type: 'escalation', deadlineKey: liaisonReply.key, base: liaisonReply.base, recipient: 'person:wp1-chair@example.org', offset: 'esc2d', at: Date.parse('2036-04-18T07:00:00Z'), due: liaisonReply.due };
const change: Payload = { type: 'change', deadlineKey: moved.key, base: moved.base, recipient: 'person:ana@example.org', oldDue: letter.due, newDue: moved.due };

function message(record: DeadlineRecord, payload: Payload, zone: string) {
  return composeMessage(record, payload, zone, linksFor(deps, record, payload));
}

function digest() {
  const doc = makeStored({ parsed: { title: `Meeting of Study Group 20 ${HOSTILE}` } });
  const fact: DeadlineFact = { date: '2036-04-14', time: null, timezone: 'Europe/Zurich', action: 'Submit ITU-T Member contributions', category: 'contributions', derived: false, source: { docId: doc.id, reference: 'TSB Collective letter 5/20', title: null, kind: 'collective-letter', date: null }, group: 'SG20', questions: [], due: letter.due };
  const ls: LiaisonFact = {
    source: { docId: 'bbbbbbbbbbbbbbbbbbbb', reference: 'SG20-LS12', title: `LS on terminology ${HOSTILE}`, kind: 'liaison-statement', date: '2036-03-01', unverified: true },
    group: 'SG20',
    liaison: { from: 'ISO/IEC JTC 1/SC 41', to: ['SG20'], cc: [], purpose: 'action', deadline: '2036-04-20', questions: ['Q4/20'], contacts: [] },
  };
  const d = composeDigest({ name: 'Ana', zone: 'America/Sao_Paulo', topics: ['SG20'], documents: [doc], deadlines: [fact], liaisons: [ls], now: NOW, docUrl });
  if (!d) throw new Error('expected a digest');
  return d;
}

const CASES = {
  reminder: () => message(letter, reminder, 'Asia/Tokyo'),
  escalation: () => message(liaisonReply, escalation, 'Europe/Zurich'),
  'change-moved': () => message(moved, change, 'Europe/Zurich'),
  digest,
};

function anchors(doc: Document): Array<{ href: string; text: string }> {
  return DomUtils.findAll((e) => e.name === 'a', doc.children).map((a: Element) => ({ href: a.attribs['href'] ?? '', text: DomUtils.textContent(a).trim() }));
}

/** What a link does: `source` for a document page, else the reminder action its path names, checked against its token. */
function follow(href: string): { action: string; recipient?: string; deadlineKey?: string } {
  const url = new URL(href);
  expect(url.origin).toBe(PUBLIC);
  const doc = /^\/doc\/([0-9a-f]{20})$/.exec(url.pathname);
  if (doc) return { action: `source:${doc[1]}` };
  const m = /^\/reminders\/(done|snooze|unsubscribe)$/.exec(url.pathname);
  if (!m) throw new Error(`unexpected link ${href}`);
  const token = verifyToken(url.searchParams.get('token') ?? '', SECRET, NOW);
  // The page a link opens acts on what its token says: the path and the token must agree.
  expect(token.action).toBe(m[1]);
  return { action: token.action, recipient: token.recipient, deadlineKey: token.deadlineKey };
}

describe('rapporteur mail template', () => {
  for (const [name, make] of Object.entries(CASES)) {
    it(`renders the ${name} as HTML and as plain text`, async () => {
      const m = make();
      await expect(m.html).toMatchFileSnapshot(`../fixtures/mail/${name}.html`);
      await expect(m.text).toMatchFileSnapshot(`../fixtures/mail/${name}.txt`);
    });
  }

  it('links the reminder to its document, done, snooze and unsubscribe, in both parts', () => {
    const m = CASES.reminder();
    const doc = parseDocument(m.html);
    const links = anchors(doc).map((a) => ({ ...a, to: follow(a.href) }));
    expect(links.map((l) => [l.text, l.to.action])).toEqual([
      ['TSB Collective letter 5/20', `source:${letter.docId}`],
      ['Mark as done', 'done'],
      ['Snooze 1 day', 'snooze'],
      ['Stop reminder mail (chat reminders stay)', 'unsubscribe'],
    ]);
    for (const l of links.filter((x) => x.to.action !== `source:${letter.docId}`)) {
      expect(l.to.recipient).toBe('person:ana@example.org');
      expect(l.to.deadlineKey).toBe(l.to.action === 'unsubscribe' ? '' : letter.key);
    }
    // The plain text carries the same links, each on a line of its own.
    const textLinks = m.text.match(/https?:\/\/\S+/g) ?? [];
    expect(textLinks).toEqual(links.map((l) => l.href));
    expect(m.text).toContain(`Mark as done: ${links[1]?.href}`);
    expect(m.text).toContain(`Snooze 1 day: ${links[2]?.href}`);
  });

  it('gives an escalation only "Mark as done", a change notice and a digest no buttons', () => {
    const esc = anchors(parseDocument(CASES.escalation().html)).map((a) => follow(a.href));
    expect(esc.map((l) => l.action)).toEqual([`source:${liaisonReply.docId}`, 'done', 'unsubscribe']);
    expect(esc[1]).toMatchObject({ recipient: 'person:wp1-chair@example.org', deadlineKey: liaisonReply.key });
    expect(anchors(parseDocument(CASES['change-moved']().html)).map((a) => follow(a.href).action)).toEqual([`source:${moved.docId}`, 'unsubscribe']);
    expect(anchors(parseDocument(digest().html)).map((a) => follow(a.href).action)).toEqual(['source:aaaaaaaaaaaaaaaaaaaa', 'source:aaaaaaaaaaaaaaaaaaaa', 'source:bbbbbbbbbbbbbbbbbbbb']);
  });

  it('says the deadline in the reader zone and as the document gives it, with a preheader', () => {
    const m = CASES.reminder();
    const doc = parseDocument(m.html);
    const text = DomUtils.textContent(doc).replace(/\s+/g, ' ');
    expect(text).toContain('Due Tue 15 Apr 2036, 06:59 (Asia/Tokyo)');
    expect(text).toContain('Original Mon 14 Apr 2036 (end of day, Geneva)');
    expect(m.text).toContain('Due: Tue 15 Apr 2036, 06:59 (Asia/Tokyo)\nOriginal: Mon 14 Apr 2036 (end of day, Geneva)');
    const preheader = DomUtils.findOne((e) => (e.attribs['class'] ?? '').includes('sg-preheader'), doc.children);
    expect(DomUtils.textContent(preheader ?? doc).trim()).toMatch(/^Due Tue 15 Apr 2036, 06:59 \(Asia\/Tokyo\) — Submit ITU-T Member contributions/);
    expect(m.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(m.html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    // No images, no web fonts: nothing to block, nothing lost with images off.
    expect(m.html).not.toMatch(/<img|fonts\.googleapis|url\(/);
  });

  it('shows what documents say as text: no markup, no template syntax, no slot gets filled from a value', () => {
    for (const m of [CASES.escalation(), digest()]) {
      const doc = parseDocument(m.html);
      expect(DomUtils.findAll((e) => e.name === 'script', doc.children)).toEqual([]);
      expect(DomUtils.textContent(doc)).toContain(HOSTILE);
      expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{x}} %%SGBOT_BODY%% &amp; more');
      expect(m.text).toContain(HOSTILE);
    }
  });

  it('escapes by default and refuses links that are not http(s)', () => {
    expect(html`<b>${'<i>'}</b>${new SafeHtml('<br>')}${['&', 1]}`.value).toBe('<b>&lt;i&gt;</b><br>&amp;1');
    expect(fillLayout('<p>%%SGBOT_A%%</p><a href="%%SGBOT_B%%">', { A: '%%SGBOT_B%%', B: 'https://x.org/?a=1&b="2"' })).toBe('<p>%%SGBOT_B%%</p><a href="https://x.org/?a=1&amp;b=&quot;2&quot;">');
    expect(() => fillLayout('%%SGBOT_A%%', {})).toThrow(/SGBOT_A|slot A/);
    expect(() => httpUrl('javascript:alert(1)')).toThrow(/http\(s\)/);
    const view = { subject: 's', preheader: 'p', kicker: 'k', title: 't', blocks: [], actions: { done: 'javascript:alert(1)' }, footer: { lines: [] } };
    expect(() => renderMail(view)).toThrow(/http\(s\)/);
  });

  it('keeps the compiled layouts in step with their MJML source', async () => {
    for (const variant of LAYOUT_VARIANTS) {
      expect(readFileSync(compiledPath(variant), 'utf8'), `${variant}: run npx tsx src/mail/templates/build.ts`).toBe(await compileLayout(variant));
    }
  }, 30_000);
});
