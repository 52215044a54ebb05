import { generateKeyPairSync } from 'node:crypto';
import { dkimSign, sealMessage, type DKIMSignOptions } from 'mailauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSenderAuth } from '../../src/ingest/sender-auth.ts';
import { connectingHop, DEFAULT_TRUST_POLICY, type TrustPolicy } from '../../src/ingest/trust.ts';

/** A DNS that answers from a table and nowhere else: a name it does not hold does not exist. */
function localDns(records: Record<string, string[][]>, queried: string[] = [], failing: RegExp | null = null) {
  return (name: string, type: string): Promise<string[][]> => {
    queried.push(`${type} ${name}`);
    if (failing?.test(`${type} ${name.toLowerCase()}`)) return Promise.reject(Object.assign(new Error(`queryTxt ETIMEOUT ${name}`), { code: 'ETIMEOUT' }));
    const answer = records[`${type} ${name.toLowerCase()}`];
    if (answer !== undefined) return Promise.resolve(answer);
    return Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  };
}

/** The policy of these tests: itu.example is the authority. */
function policy(p: Partial<TrustPolicy> = {}): TrustPolicy {
  return { ...DEFAULT_TRUST_POLICY, authorities: ['itu.example'], ...p };
}

const MAIL = Buffer.from(
  [
    'From: "ITU-T TSB" <tsbsg20@itu.example>',
    'To: t25sg20@lists.itu.example',
    'Subject: Collective letter 3/20',
    'Date: Tue, 03 Mar 2026 10:15:00 +0100',
    'Message-ID: <cl3-20@itu.example>',
    '',
    'Dear colleagues,',
    'the fourth meeting of Study Group 20 will be held in Geneva from 4 to 13 May 2026.',
    '',
  ].join('\r\n'),
);

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), published: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

describe('checkSenderAuth', () => {
  let signed: Buffer;
  let records: Record<string, string[][]>;
  let listKey: { privateKey: string; published: string };

  beforeAll(async () => {
    const tsb = keyPair();
    listKey = keyPair();
    // mailauth 4.13 signs with `signatureData` only; its type declarations want the key fields at the top level,
    // where the signer ignores them.
    // mailauth 4.13 writes t= from the clock twice (before and after signing) unless given signTime: a second that
    // turns between the two breaks the signature about once in 250 signs.
    const result = await dkimSign(MAIL, { signTime: new Date(), signatureData: [{ signingDomain: 'itu.example', selector: 'tsb2026', privateKey: tsb.privateKey }] } as unknown as DKIMSignOptions);
    expect(result.errors).toEqual([]);
    signed = Buffer.concat([Buffer.from(result.signatures), MAIL]);
    records = {
      'TXT tsb2026._domainkey.itu.example': [[`v=DKIM1; k=rsa; p=${tsb.published}`]],
      'TXT arc1._domainkey.lists.example': [[`v=DKIM1; k=rsa; p=${listKey.published}`]],
      'TXT _dmarc.itu.example': [['v=DMARC1; p=reject']],
      'TXT itu.example': [['v=spf1 ip4:192.0.2.10 ~all']],
    };
  });

  it('verifies a mail signed by its sender\'s domain under DMARC, asking only the local DNS', async () => {
    const queried: string[] = [];
    const auth = await checkSenderAuth(signed, { resolver: localDns(records, queried), policy: policy() });
    expect(auth).toMatchObject({ verdict: 'pass', dkim: 'pass', spf: 'none', dmarc: 'pass', via: 'dmarc', dkimDomains: ['itu.example'], fromDomain: 'itu.example', ip: null });
    expect(auth.summary).toBe('DKIM pass (itu.example); SPF not checked (no client IP in a trusted Received: header); DMARC pass for itu.example → verified');
    expect(queried).toContain('TXT tsb2026._domainkey.itu.example');
  });

  it('does not verify an authenticated sender whose domain is not an authority', async () => {
    const auth = await checkSenderAuth(signed, { resolver: localDns(records), policy: policy({ authorities: ['itu.int'] }) });
    expect([auth.verdict, auth.dmarc]).toEqual(['untrusted', 'pass']);
    expect(auth.summary).toContain('itu.example is not an authority (SGBOT_TRUST_AUTHORITIES)');
    expect((await checkSenderAuth(signed, { resolver: localDns(records), policy: policy({ authorities: ['*'] }) })).verdict).toBe('pass');
  });

  it('fails the same mail once its body or its subject was changed', async () => {
    const body = Buffer.from(signed.toString('latin1').replace('Geneva', 'Paris'), 'latin1');
    const subject = Buffer.from(signed.toString('latin1').replace('Collective letter 3/20', 'Collective letter 4/20'), 'latin1');
    for (const tampered of [body, subject]) {
      const auth = await checkSenderAuth(tampered, { resolver: localDns(records), policy: policy() });
      expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['fail', 'fail', 'fail']);
      expect(auth.dkimDomains).toEqual([]);
    }
  });

  it('never lets a DMARC temperror turn a DKIM failure into anything but fail', async () => {
    const tampered = Buffer.from(signed.toString('latin1').replace('Geneva', 'Paris'), 'latin1');
    const auth = await checkSenderAuth(tampered, { resolver: localDns(records, [], /^TXT _dmarc\./), policy: policy() });
    expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['fail', 'fail', 'temperror']);
    expect(auth.summary).toMatch(/→ unverified \(fail\)$/);
  });

  it('leaves an aligned signature without a DMARC policy unverified, unless its signing domain is believed', async () => {
    const { 'TXT _dmarc.itu.example': _dmarc, ...noDmarc } = records;
    const auth = await checkSenderAuth(signed, { resolver: localDns(noDmarc), policy: policy() });
    expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['none', 'pass', 'none']);
    const believed = await checkSenderAuth(signed, { resolver: localDns(noDmarc), policy: policy({ dkimDomains: ['itu.example'] }) });
    expect([believed.verdict, believed.via]).toEqual(['pass', 'dkim']);
  });

  it('says none for an unsigned mail from a domain without policies, and fail under a reject policy', async () => {
    const none = await checkSenderAuth(MAIL, { resolver: localDns({}), policy: policy() });
    expect(none.verdict).toBe('none');
    expect(none.summary).toBe('no DKIM signature; SPF not checked (no client IP in a trusted Received: header); DMARC none for itu.example → unverified (none)');
    const auth = await checkSenderAuth(MAIL, { resolver: localDns(records), policy: policy() });
    expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['fail', 'none', 'fail']);
  });

  it('checks SPF for the client of the topmost trusted Received: header, past internal hops, never a forged lower one', async () => {
    const { 'TXT _dmarc.itu.example': _dmarc, ...noDmarc } = records;
    const received = (lines: string[]) => Buffer.concat([Buffer.from(lines.map((l) => `Received: ${l}\r\n`).join('')), MAIL]);
    const viaLmtp = received([
      'from mx.sgbot.example ([127.0.0.1]) by store.sgbot.example with LMTP id x1; Tue, 03 Mar 2026 10:16:00 +0100',
      'from mail.evil.example (mail.evil.example [203.0.113.5]) by mx.sgbot.example with ESMTP id x0; Tue, 03 Mar 2026 10:15:59 +0100',
      'from trusted.itu.example ([192.0.2.10]) by mail.evil.example; Tue, 03 Mar 2026 10:15:58 +0100',
    ]);
    expect(connectingHop(viaLmtp, { receivers: [] })).toEqual({ ip: '203.0.113.5', helo: 'mail.evil.example', by: 'mx.sgbot.example' });
    const soft = await checkSenderAuth(viaLmtp, { resolver: localDns(noDmarc), sender: 'tsbsg20@itu.example', policy: policy() });
    expect([soft.verdict, soft.spf, soft.ip]).toEqual(['none', 'softfail', '203.0.113.5']);
    expect(soft.summary).toBe('no DKIM signature; SPF softfail from 203.0.113.5; DMARC none for itu.example → unverified (none)');
    // Our receivers named: a header not written by one of them is not believed, wherever it is.
    expect(connectingHop(viaLmtp, { receivers: ['sgbot.example'] })?.ip).toBe('203.0.113.5');
    expect(connectingHop(viaLmtp, { receivers: ['other.example'] })).toBeNull();
    const good = await checkSenderAuth(MAIL, { resolver: localDns(noDmarc), ip: '192.0.2.10', helo: 'mx.itu.example', sender: 'tsbsg20@itu.example', policy: policy() });
    expect(good.spf).toBe('pass');
  });

  it('believes a configured list server\'s ARC seal that recorded a DMARC pass, and nobody else\'s', async () => {
    // The list adds a tag to the subject (breaking the TSB signature), then seals what it checked on arrival.
    const changed = Buffer.from(signed.toString('latin1').replace('Subject: Collective letter 3/20', 'Subject: [SG20] Collective letter 3/20'), 'latin1');
    const seal = { signTime: new Date(), signingDomain: 'lists.example', selector: 'arc1', privateKey: listKey.privateKey, authResults: 'lists.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example', cv: 'none' };
    const sealed = Buffer.concat([await sealMessage(changed, seal), changed]);
    const believed = await checkSenderAuth(sealed, { resolver: localDns(records), policy: policy({ arcSealers: ['lists.example'] }) });
    expect([believed.verdict, believed.via, believed.arc, believed.dmarc]).toEqual(['pass', 'arc', 'pass', 'fail']);
    expect(believed.summary).toContain('ARC pass sealed by lists.example (believed)');
    const stranger = await checkSenderAuth(sealed, { resolver: localDns(records), policy: policy() });
    expect([stranger.verdict, stranger.arc]).toEqual(['fail', 'pass']);
  });

  it('says temperror when DNS fails, unknown when the mail cannot be checked, without throwing', async () => {
    const broken = (): Promise<string[][]> => Promise.reject(Object.assign(new Error('queryTxt ETIMEOUT'), { code: 'ETIMEOUT' }));
    const auth = await checkSenderAuth(signed, { resolver: broken, policy: policy() });
    expect([auth.verdict, auth.dkim]).toEqual(['temperror', 'temperror']);
    expect(auth.summary).toContain('a DNS lookup failed: checked again later');
    // Bytes that are no mail carry no signature and name no domain: nothing says either way.
    const junk = await checkSenderAuth(Buffer.from([0, 1, 2, 3, 255]), { resolver: localDns(records), policy: policy() });
    expect([junk.verdict, junk.fromDomain]).toEqual(['none', null]);
    // Whatever mailauth throws becomes `unknown`, with the reason.
    const thrown = await checkSenderAuth(null as unknown as Buffer, { resolver: localDns(records), policy: policy() });
    expect(thrown.verdict).toBe('unknown');
    expect(thrown.summary).toMatch(/^the mail could not be checked \(.+\) → unverified \(unknown\)$/);
  });

  it('asks no DNS in demo mode and says so', async () => {
    const queried: string[] = [];
    const auth = await checkSenderAuth(MAIL, { resolver: localDns({}, queried), policy: policy({ mode: 'demo' }) });
    expect([auth.verdict, auth.via, queried]).toEqual(['pass', 'demo', []]);
    expect(auth.summary).toBe('demo mode (SGBOT_TRUST_MODE=demo): the sender was not checked → verified');
  });
});
