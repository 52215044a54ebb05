import { generateKeyPairSync } from 'node:crypto';
import { dkimSign, type DKIMSignOptions } from 'mailauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSenderAuth } from '../../src/ingest/sender-auth.ts';

/** A DNS that answers from a table and nowhere else: a name it does not hold does not exist. */
function localDns(records: Record<string, string[][]>, queried: string[] = []) {
  return (name: string, type: string): Promise<string[][]> => {
    queried.push(`${type} ${name}`);
    const answer = records[`${type} ${name.toLowerCase()}`];
    if (answer !== undefined) return Promise.resolve(answer);
    return Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  };
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

describe('checkSenderAuth', () => {
  let signed: Buffer;
  let records: Record<string, string[][]>;

  beforeAll(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = { signingDomain: 'itu.example', selector: 'tsb2026', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    // mailauth 4.13 signs with `signatureData` only; its type declarations want the key fields at the top level,
    // where the signer ignores them.
    const result = await dkimSign(MAIL, { signatureData: [key] } as unknown as DKIMSignOptions);
    expect(result.errors).toEqual([]);
    signed = Buffer.concat([Buffer.from(result.signatures), MAIL]);
    const published = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    records = {
      'TXT tsb2026._domainkey.itu.example': [[`v=DKIM1; k=rsa; p=${published}`]],
      'TXT _dmarc.itu.example': [['v=DMARC1; p=reject']],
      'TXT itu.example': [['v=spf1 ip4:192.0.2.10 -all']],
    };
  });

  it('passes a mail signed by the domain of its sender, asking only the local DNS', async () => {
    const queried: string[] = [];
    const auth = await checkSenderAuth(signed, { resolver: localDns(records, queried) });
    expect(auth).toEqual({
      verdict: 'pass',
      dkim: 'pass',
      spf: 'none',
      dmarc: 'pass',
      dkimDomains: ['itu.example'],
      fromDomain: 'itu.example',
      summary: 'DKIM pass (itu.example), SPF none (no client IP), DMARC pass → pass',
    });
    expect(queried).toContain('TXT tsb2026._domainkey.itu.example');
  });

  it('fails the same mail once its body or its subject was changed', async () => {
    const body = Buffer.from(signed.toString('latin1').replace('Geneva', 'Paris'), 'latin1');
    const subject = Buffer.from(signed.toString('latin1').replace('Collective letter 3/20', 'Collective letter 4/20'), 'latin1');
    for (const tampered of [body, subject]) {
      const auth = await checkSenderAuth(tampered, { resolver: localDns(records) });
      expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['fail', 'fail', 'fail']);
      expect(auth.dkimDomains).toEqual([]);
    }
  });

  it('passes on an aligned signature when the domain publishes no DMARC policy', async () => {
    const { 'TXT _dmarc.itu.example': _dmarc, ...noDmarc } = records;
    const auth = await checkSenderAuth(signed, { resolver: localDns(noDmarc) });
    expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['pass', 'pass', 'none']);
  });

  it('says none for an unsigned mail from a domain without policies, and fail under a reject policy', async () => {
    expect((await checkSenderAuth(MAIL, { resolver: localDns({}) })).verdict).toBe('none');
    const auth = await checkSenderAuth(MAIL, { resolver: localDns(records) });
    expect([auth.verdict, auth.dkim, auth.dmarc]).toEqual(['fail', 'none', 'fail']);
  });

  it('checks SPF against the client IP when one is given', async () => {
    const { 'TXT _dmarc.itu.example': _dmarc, ...noDmarc } = records;
    const good = await checkSenderAuth(MAIL, { resolver: localDns(noDmarc), ip: '192.0.2.10', helo: 'mx.itu.example', sender: 'tsbsg20@itu.example' });
    expect(good.spf).toBe('pass');
    const bad = await checkSenderAuth(MAIL, { resolver: localDns(noDmarc), ip: '198.51.100.7', helo: 'mx.example.net', sender: 'tsbsg20@itu.example' });
    expect([bad.verdict, bad.spf]).toEqual(['fail', 'fail']);
    expect(bad.summary).toBe('DKIM none, SPF fail, DMARC none → fail');
  });

  it('says unknown, without throwing, when DNS fails or the input is not a mail', async () => {
    const broken = (): Promise<string[][]> => Promise.reject(Object.assign(new Error('queryTxt ETIMEOUT'), { code: 'ETIMEOUT' }));
    const auth = await checkSenderAuth(signed, { resolver: broken });
    expect(auth.verdict).toBe('unknown');
    expect(auth.dkim).toBe('temperror');
    // Bytes that are no mail carry no signature and name no domain: nothing says either way.
    const junk = await checkSenderAuth(Buffer.from([0, 1, 2, 3, 255]), { resolver: localDns(records) });
    expect([junk.verdict, junk.fromDomain]).toEqual(['none', null]);
    // Whatever mailauth throws becomes `unknown`, with the reason.
    const thrown = await checkSenderAuth(null as unknown as Buffer, { resolver: localDns(records) });
    expect(thrown.verdict).toBe('unknown');
    expect(thrown.summary).toMatch(/^The mail could not be checked \(.+\)\. Verdict: unknown\.$/);
  });
});
