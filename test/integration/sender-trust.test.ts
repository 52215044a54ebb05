/**
 * Fail-closed sender trust, from raw mail to reminders, answers, calendars and the console, on real Redis with a
 * local DNS (no network): an unsigned mail "from TSB" plans nothing and is shown marked; a DKIM failure stays a
 * failure when the DMARC lookup times out; a forged Rev.99 sent first does not hide the real letter; the secretariat
 * vouches for a mail in the console (audited); a check that hit a DNS error is made again and upgrades on a pass.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { dkimSign, type DKIMSignOptions } from 'mailauth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { feedItems } from '../../src/calendar/feed-items.ts';
import { answer } from '../../src/chat/router.ts';
import { renderText } from '../../src/chat/render-text.ts';
import { ingestRaw } from '../../src/ingest/ingest-raw.ts';
import { configureTrust, DEFAULT_TRUST_POLICY } from '../../src/ingest/trust.ts';
import { makePerson } from '../../src/people/roster.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { PLAN_QUEUE } from '../../src/reminders/payload.ts';
import type { StoredDocument } from '../../src/store/facts.ts';
import { authRecordOf } from '../../src/store/trust.ts';
import { NOW, PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';
import { letterText } from '../support/letters.ts';

const redisUrl = inject('redisUrl');

/** A local DNS: a table of TXT records, and names that time out (a resolver in trouble). */
const records: Record<string, string[][]> = {};
let timingOut: RegExp | null = null;
function dns(name: string, type: string): Promise<string[][]> {
  const key = `${type} ${name.toLowerCase()}`;
  if (timingOut?.test(key)) return Promise.reject(Object.assign(new Error(`queryTxt ETIMEOUT ${name}`), { code: 'ETIMEOUT' }));
  const hit = records[key];
  return hit ? Promise.resolve(hit) : Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
}

/** A letter of TSB as the list delivers it to our MX (from 203.0.113.5, not a TSB server). */
function mail(opts: { n: number; sg: number; body: string; id: string }): Buffer {
  return Buffer.from(
    [
      `Return-Path: <tsbsg${opts.sg}@itu.int>`,
      'Received: from relay.example.net (relay.example.net [203.0.113.5]) by mx.sgbot.example with ESMTP id r1; Mon, 01 Feb 2027 09:00:05 +0100',
      `From: "TSB" <tsbsg${opts.sg}@itu.int>`,
      `To: t25sg${opts.sg}@lists.itu.int`,
      `Subject: Collective letter ${opts.n}/${opts.sg}`,
      'Date: Mon, 01 Feb 2027 09:00:00 +0100',
      `Message-ID: <${opts.id}@itu.int>`,
      '',
      opts.body.replace(/\n/g, '\r\n'),
      '',
    ].join('\r\n'),
  );
}

/** A browser's cookies for one console visitor. */
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
  async token(url: string): Promise<string> {
    const m = /name="_csrf" value="([^"]+)"/.exec((await this.get(url)).body);
    if (!m?.[1]) throw new Error(`no CSRF token on ${url}`);
    return m[1];
  }
  async signIn(user: string, password: string): Promise<void> {
    await this.post('/console/login', { _csrf: await this.token('/console/login'), user, password, next: '/console' });
  }
}

describe('fail-closed sender trust', () => {
  let h: ConsoleHarness;
  let sign: (raw: Buffer) => Promise<Buffer>;
  const ctx = () => h.services.context(NOW, 'Europe/Zurich');

  async function ingest(raw: Buffer, name: string): Promise<{ doc: StoredDocument; status: string }> {
    const put = await h.services.raw.put(raw, { type: 'file', path: name }, { maxBytes: 1e7 });
    const out = await ingestRaw(h.services, put.meta.id);
    const first = out.documents[0];
    const doc = first ? await h.services.store.getDocument(first.id) : null;
    if (!first || !doc) throw new Error(`${name} stored no document: ${JSON.stringify(out.problems)}`);
    return { doc, status: first.status };
  }

  async function feedDocIds(group: string): Promise<string[]> {
    return (await feedItems(h.services.store, { kind: 'group', group }, 0)).map((i) => i.source.docId);
  }

  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'trust', hostileTitle: false });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    records['TXT tsb1._domainkey.itu.int'] = [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]];
    records['TXT itu.int'] = [['v=spf1 ip4:192.0.2.0/24 ~all']];
    const key = { signingDomain: 'itu.int', selector: 'tsb1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    // mailauth 4.13 writes t= from the clock twice (before and after signing) unless given signTime: a second that
    // turns between the two breaks the signature about once in 250 signs.
    sign = async (raw) => Buffer.concat([Buffer.from((await dkimSign(raw, { signTime: new Date(), signatureData: [key] } as unknown as DKIMSignOptions)).signatures), raw]);
    // ITU is the authority; a check that hit a DNS error is made again at once (then once more), for the test.
    configureTrust({ ...DEFAULT_TRUST_POLICY, authorities: ['itu.int'], recheckMinutes: [0, 0] }, { resolver: dns });
    // Someone to remind of each group's contribution deadlines.
    await h.services.roster.put(makePerson({ name: 'Ana', email: 'ana@example.org', tz: 'Europe/Zurich', roles: [] }));
    for (const g of ['SG20', 'SG13', 'SG17']) await h.services.subscriptions.add('person:ana@example.org', { kind: 'group', group: g });
  });
  afterAll(async () => {
    await h.close();
  });

  it('plans no reminder for an unsigned mail from TSB, marks it in /deadlines, keeps it out of the calendar, and says why', async () => {
    const { doc, status } = await ingest(mail({ n: 9, sg: 20, body: letterText(9, 20, '14 April 2028'), id: 'unsigned-9-20' }), 'cl9-20.eml');
    expect(status).toBe('added');
    expect(authRecordOf(doc)).toMatchObject({ verdict: 'none', summary: 'no DKIM signature; SPF softfail from 203.0.113.5; DMARC none for itu.int → unverified (none)' });

    const plan = await scheduleDocument(h.services.reminders, doc.id);
    expect(plan).toMatchObject({ skipped: 'unverified', added: [] });

    const { reply } = await answer(h.services.registry, ctx(), '/deadlines SG20');
    const source = reply.sources.find((s) => s.reference === 'TSB Collective letter 9/20');
    expect(source).toMatchObject({ docId: doc.id, unverified: true });
    expect(renderText(reply)).toContain('TSB Collective letter 9/20 — ');
    expect(renderText(reply)).toMatch(/TSB Collective letter 9\/20[^\n]*\[unverified sender\]/);
    expect(await feedDocIds('SG20')).not.toContain(doc.id);
    expect(await feedDocIds('SG20')).toContain(h.letterId);

    const v = new Visitor(h);
    await v.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const page = (await v.get(`/console/documents/${doc.id}`)).body;
    expect(page).toContain('<strong>Unverified sender</strong> (none): no DKIM signature; SPF softfail from 203.0.113.5; DMARC none for itu.int');
    expect(page).toContain('Vouch for this document');
  });

  it('keeps a DKIM failure a failure when the DMARC lookup times out, and does not check it again', async () => {
    records['TXT _dmarc.itu.int'] = [['v=DMARC1; p=reject']];
    timingOut = /^TXT _dmarc\./;
    try {
      const signed = (await sign(mail({ n: 5, sg: 12, body: letterText(5, 12, '14 April 2028'), id: 'tampered-5-12' }))).toString('latin1');
      const { doc } = await ingest(Buffer.from(signed.replace('14 April 2028', '14 March 2028'), 'latin1'), 'cl5-12.eml');
      expect(authRecordOf(doc)?.verdict).toBe('fail');
      expect(authRecordOf(doc)?.summary).toMatch(/^DKIM fail \(itu\.int\); SPF softfail from 203\.0\.113\.5; DMARC temperror for itu\.int → unverified \(fail\)$/);
      expect(await scheduleDocument(h.services.reminders, doc.id)).toMatchObject({ skipped: 'unverified', added: [] });
      const queued = await h.services.reminders.queue({ name: PLAN_QUEUE }).getDelayed(0, -1);
      expect(queued.filter((j) => (j.data as { docId?: string }).docId === doc.id)).toEqual([]);
    } finally {
      timingOut = null;
    }
  });

  it('does not let a forged Rev.99 sent first hide the real letter: its deadline stands and its reminders are planned', async () => {
    records['TXT _dmarc.itu.int'] = [['v=DMARC1; p=reject']];
    const forgedBody = letterText(8, 13, '1 March 2028').replace('Ref: TSB Collective letter 8/13', 'Ref: TSB Collective letter 8/13 (Rev.99)');
    const forged = await ingest(mail({ n: 8, sg: 13, body: forgedBody, id: 'forged-8-13' }), 'cl8-13-rev99.eml');
    expect([forged.status, authRecordOf(forged.doc)?.verdict]).toEqual(['added', 'fail']);
    expect(forged.doc.parsed.revision).toBe('Rev.99');

    const real = await ingest(await sign(mail({ n: 8, sg: 13, body: letterText(8, 13, '14 April 2028'), id: 'real-8-13' })), 'cl8-13.eml');
    expect([real.status, authRecordOf(real.doc)?.verdict]).toEqual(['revision', 'pass']);
    expect((await h.services.store.getDocument(forged.doc.id))?.supersededBy).toBe(real.doc.id);

    const { reply } = await answer(h.services.registry, ctx(), '/deadlines SG13');
    expect((reply.data as { upcoming: Array<{ date: string }> }).upcoming.map((d) => d.date)).toEqual(['2028-04-14']);
    expect(reply.sources).toEqual([expect.objectContaining({ docId: real.doc.id })]);
    expect(reply.sources[0]?.unverified).toBeUndefined();

    const plan = await scheduleDocument(h.services.reminders, real.doc.id);
    expect(plan.skipped).toBeUndefined();
    expect(plan.added.length).toBeGreaterThan(0);
    expect(plan.deadlines).toHaveLength(1);
    expect(await feedDocIds('SG13')).toContain(real.doc.id);

    // The forged one, sent again after the real letter, is held: stored, shown, applied to nothing.
    const again = await ingest(mail({ n: 8, sg: 13, body: forgedBody.replace('1 March 2028', '2 March 2028'), id: 'forged-8-13-again' }), 'cl8-13-rev99b.eml');
    expect(again.status).toBe('held');
    expect((await h.services.store.findByReference('TSB Collective letter 8/13'))[0]?.id).toBe(real.doc.id);
  });

  it('lets the secretariat of the group vouch for the unsigned letter: verified, audited with who, reminders planned', async () => {
    const doc = (await h.services.store.findByReference('TSB Collective letter 9/20'))[0];
    if (!doc) throw new Error('letter 9/20 is not stored');

    const dan = new Visitor(h);
    await dan.signIn('dan', PASSWORD.dan);
    const refused = await dan.post(`/console/documents/${doc.id}/vouch`, { _csrf: await dan.token(`/console/documents/${doc.id}`) });
    expect(refused.statusCode).toBe(403);
    expect((await h.services.audit.latest(5, 'document.vouch.refused'))[0]).toMatchObject({ who: `web:${PEOPLE.dan.email}`, target: doc.id });
    expect(authRecordOf((await h.services.store.getDocument(doc.id)) as StoredDocument)?.verdict).toBe('none');

    const sara = new Visitor(h);
    await sara.signIn(PEOPLE.sara.email, PASSWORD.sara);
    const noToken = await sara.post(`/console/documents/${doc.id}/vouch`, { reason: 'no token' });
    expect(noToken.statusCode).toBe(403);
    const res = await sara.post(`/console/documents/${doc.id}/vouch`, { _csrf: await sara.token(`/console/documents/${doc.id}`), reason: 'confirmed with TSB by phone' });
    expect(res.statusCode).toBe(303);

    const vouched = await h.services.store.getDocument(doc.id);
    expect(authRecordOf(vouched as StoredDocument)).toMatchObject({ verdict: 'vouched', vouchedBy: `web:${PEOPLE.sara.email}`, was: { verdict: 'none' } });
    const entry = (await h.services.audit.latest(5, 'document.vouched'))[0];
    expect(entry).toMatchObject({ who: `web:${PEOPLE.sara.email}`, target: doc.id, details: { reason: 'confirmed with TSB by phone' } });
    expect(String(entry?.details?.['was'])).toContain('no DKIM signature');
    const queued = await h.services.reminders.queue({ name: PLAN_QUEUE }).getJobs(['waiting', 'delayed', 'prioritized']);
    expect(queued.some((j) => (j.data as { docId?: string }).docId === doc.id)).toBe(true);

    const plan = await scheduleDocument(h.services.reminders, doc.id);
    expect(plan.added.length).toBeGreaterThan(0);
    const { reply } = await answer(h.services.registry, ctx(), '/deadlines SG20');
    expect(reply.sources.find((s) => s.docId === doc.id)?.unverified).toBeUndefined();
    expect(await feedDocIds('SG20')).toContain(doc.id);
    expect((await sara.get(`/console/documents/${doc.id}`)).body).toContain('<strong>Vouched for</strong>: vouched for by web:sara@tsb.example.org');
  });

  it('checks a mail again after a DNS error and, once it passes, marks it verified and plans its reminders', async () => {
    records['TXT _dmarc.itu.int'] = [['v=DMARC1; p=reject']];
    timingOut = /./;
    let doc: StoredDocument;
    try {
      ({ doc } = await ingest(await sign(mail({ n: 3, sg: 17, body: letterText(3, 17, '14 April 2028'), id: 'dns-3-17' })), 'cl3-17.eml'));
      expect(authRecordOf(doc)?.verdict).toBe('temperror');
      // The first re-check is due at once and still meets the DNS error: the plan job comes back for the next one.
      const first = await scheduleDocument(h.services.reminders, doc.id);
      expect(first).toMatchObject({ skipped: 'unverified', added: [] });
      expect(authRecordOf((await h.services.store.getDocument(doc.id)) as StoredDocument)).toMatchObject({ verdict: 'temperror', tries: 1 });
      const queued = await h.services.reminders.queue({ name: PLAN_QUEUE }).getJobs(['waiting', 'delayed', 'prioritized']);
      expect(queued.some((j) => (j.data as { docId?: string }).docId === doc.id && (j.data as { replan?: number }).replan !== undefined)).toBe(true);
    } finally {
      timingOut = null;
    }
    const second = await scheduleDocument(h.services.reminders, doc.id);
    expect(second.skipped).toBeUndefined();
    expect(second.added.length).toBeGreaterThan(0);
    expect(authRecordOf((await h.services.store.getDocument(doc.id)) as StoredDocument)).toMatchObject({ verdict: 'pass', tries: 2 });
    expect((await h.services.audit.latest(5, 'sender.rechecked'))[0]).toMatchObject({ who: 'system', target: doc.id, result: 'ok' });
    const { reply } = await answer(h.services.registry, ctx(), '/deadlines SG17');
    expect(reply.sources).toEqual([expect.objectContaining({ docId: doc.id })]);
    expect(reply.sources[0]?.unverified).toBeUndefined();
  });
});
