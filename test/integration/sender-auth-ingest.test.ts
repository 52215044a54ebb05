/**
 * Sender authenticity travels with the facts: a letter whose DKIM signature no longer matches (altered on the way, or
 * forged) is stored and answered from, but every answer marks it "unverified sender"; a correctly signed one is not.
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign, type DKIMSignOptions } from 'mailauth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answer } from '../../src/chat/router.ts';
import { renderText } from '../../src/chat/render-text.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestRaw } from '../../src/ingest/ingest-raw.ts';
import { configureTrust, DEFAULT_TRUST_POLICY } from '../../src/ingest/trust.ts';
import { createServices, type Services } from '../../src/main.ts';
import { letterText } from '../support/letters.ts';

const redisUrl = inject('redisUrl');

function mail(sg: number, n: number): Buffer {
  return Buffer.from(
    [
      'From: "TSB" <tsbsg@itu.example>',
      `To: t25sg${sg}@lists.itu.int`,
      `Subject: Collective letter ${n}/${sg}`,
      'Date: Mon, 01 Feb 2027 09:00:00 +0100',
      `Message-ID: <auth-${n}-${sg}@itu.example>`,
      '',
      letterText(n, sg).replace(/\n/g, '\r\n'),
      '',
    ].join('\r\n'),
  );
}

describe('sender authenticity on stored facts', () => {
  let s: Services;
  const prefix = `it-auth-${process.pid}`;
  let dns: (name: string, type: string) => Promise<string[][]>;
  let sign: (raw: Buffer) => Promise<Buffer>;

  beforeAll(async () => {
    s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = { signingDomain: 'itu.example', selector: 'k1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const records: Record<string, string[][]> = {
      'TXT k1._domainkey.itu.example': [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]],
      'TXT _dmarc.itu.example': [['v=DMARC1; p=reject']],
    };
    dns = (name, type) => {
      const hit = records[`${type} ${name.toLowerCase()}`];
      return hit ? Promise.resolve(hit) : Promise.reject(Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
    };
    // The letters come from itu.example: the authority of this test.
    configureTrust({ ...DEFAULT_TRUST_POLICY, authorities: ['itu.example'] });
    // mailauth 4.13 writes t= from the clock twice (before and after signing) unless given signTime: a second that
    // turns between the two breaks the signature about once in 250 signs.
    sign = async (raw) => Buffer.concat([Buffer.from((await dkimSign(raw, { signTime: new Date(), signatureData: [key] } as unknown as DKIMSignOptions)).signatures), raw]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('marks answers from a tampered letter as from an unverified sender, and not those from a signed one', async () => {
    const deps = { ...s, authResolver: dns };
    const good = await s.raw.put(await sign(mail(11, 4)), { type: 'file', path: 'good.eml' }, { maxBytes: 1e7 });
    const signedBad = await sign(mail(12, 5));
    const tampered = Buffer.from(signedBad.toString('utf8').replace('14 April 2027', '14 March 2027'));
    const bad = await s.raw.put(tampered, { type: 'file', path: 'bad.eml' }, { maxBytes: 1e7 });
    await ingestRaw(deps, good.meta.id);
    await ingestRaw(deps, bad.meta.id);

    const ctx = s.context(Date.parse('2027-02-15T00:00:00Z'), 'Europe/Zurich');
    const forged = await answer(s.registry, ctx, '/deadlines SG12');
    expect(forged.reply.sources).toEqual([expect.objectContaining({ reference: 'TSB Collective letter 5/12', unverified: true })]);
    expect(renderText(forged.reply)).toContain('[unverified sender]');
    const genuine = await answer(s.registry, ctx, '/deadlines SG11');
    expect(genuine.reply.sources).toEqual([expect.objectContaining({ reference: 'TSB Collective letter 4/11' })]);
    expect(genuine.reply.sources[0]?.unverified).toBeUndefined();
    expect(renderText(genuine.reply)).not.toContain('unverified');

    const doc = (await s.store.findByReference('TSB Collective letter 5/12'))[0];
    expect(doc?.source.auth?.verdict).toBe('fail');
    expect(doc?.source.list).toMatchObject({ list: 't25sg12@lists.itu.int', group: 'SG12' });
  });

  it('holds a revision from an unverified sender instead of letting it move a verified deadline', async () => {
    const deps = { ...s, authResolver: dns };
    const original = await s.raw.put(await sign(mail(13, 8)), { type: 'file', path: 'cl8-13.eml' }, { maxBytes: 1e7 });
    await ingestRaw(deps, original.meta.id);
    // A "revised" letter that moves the deadline, whose signature no longer matches: forged or altered on the way.
    const revised = (await sign(mail(13, 8))).toString('utf8').replace('Ref: TSB Collective letter 8/13', 'Ref: TSB Collective letter 8/13 (Rev.1)').replace('14 April 2027', '1 March 2027');
    const forged = await s.raw.put(Buffer.from(revised), { type: 'file', path: 'cl8-13-rev1.eml' }, { maxBytes: 1e7 });
    const out = await ingestRaw(deps, forged.meta.id);
    expect(out.documents.map((d) => d.status)).toEqual(['held']);

    const ctx = s.context(Date.parse('2027-02-15T00:00:00Z'), 'Europe/Zurich');
    const { reply } = await answer(s.registry, ctx, '/deadlines SG13');
    expect((reply.data as { upcoming: Array<{ date: string }> }).upcoming.map((d) => d.date)).toEqual(['2027-04-14']);
  });
});
