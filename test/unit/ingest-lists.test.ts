import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { SgbotError } from '../../src/core/errors.ts';
import { deriveList, matchListAddress } from '../../src/ingest/lists.ts';

const none = { list: null, group: null, question: null, period: null, role: null };

describe('matchListAddress', () => {
  it.each([
    ['t22sg20q1@lists.itu.int', { group: 'SG20', question: 'Q1/20', period: '2022-2024', role: 'list' }],
    ['t22sg20@lists.itu.int', { group: 'SG20', question: null, period: '2022-2024', role: 'list' }],
    ['t17sg17q4@lists.itu.int', { group: 'SG17', question: 'Q4/17', period: '2017-2020', role: 'list' }],
    ['t25tsag@lists.itu.int', { group: 'TSAG', question: null, period: '2025-2028', role: 'list' }],
    ['t22sg12rgafr@lists.itu.int', { group: 'SG12RG-AFR', question: null, period: '2022-2024', role: 'list' }],
    ['T25SG13Q11@Lists.ITU.int', { group: 'SG13', question: 'Q11/13', period: '2025-2028', role: 'list' }],
    ['t22sg20wp2@lists.itu.int', { group: 'SG20', question: null, period: '2022-2024', role: 'list' }],
    ['t29sg5@lists.itu.int', { group: 'SG5', question: null, period: null, role: 'list' }],
    ['tsbsg20@itu.int', { group: 'SG20', question: null, period: null, role: 'secretariat' }],
    ['tsbtsag@itu.int', { group: 'TSAG', question: null, period: null, role: 'secretariat' }],
  ])('reads %s', (address, expected) => {
    expect(matchListAddress(address)).toEqual({ list: address.toLowerCase(), ...expected });
  });

  it.each([['t22sg99@lists.itu.int'], ['t22sg12rgxyz@lists.itu.int'], ['tsbsg20@lists.itu.int'], ['sg20@example.org'], ['not an address']])(
    'knows nothing of %s',
    (address) => {
      expect(matchListAddress(address)).toBeNull();
    },
  );
});

describe('deriveList', () => {
  it('prefers List-Id, then the delivery headers, then To and Cc; a list wins over a TSB mailbox', () => {
    expect(deriveList({ listId: 'SG20 Q1 <t22sg20q1.lists.itu.int>', to: ['t22sg20@lists.itu.int'], cc: [] }).list).toBe('t22sg20q1@lists.itu.int');
    expect(deriveList({ to: ['t22sg20@lists.itu.int'], cc: [], originalTo: 't22sg20q3@lists.itu.int' }).question).toBe('Q3/20');
    expect(deriveList({ to: ['"TSB" <tsbsg20@itu.int>'], cc: ['t25sg17@lists.itu.int'] })).toEqual({
      list: 't25sg17@lists.itu.int',
      group: 'SG17',
      question: null,
      period: '2025-2028',
      role: 'list',
    });
    expect(deriveList({ to: ['tsbtsag@itu.int', 'someone@example.org'], cc: [] }).role).toBe('secretariat');
    expect(deriveList({ to: ['someone@example.org'], cc: [] })).toEqual(none);
  });

  it('takes the address in angle brackets, not one written in the display name', () => {
    expect(deriveList({ to: ['"t22sg20@lists.itu.int" <delegate@example.org>'], cc: [] })).toEqual(none);
  });

  it("reads mailparser's header map", async () => {
    const mail = await simpleParser(
      'From: a@example.org\r\nTo: "Delegates" <delegates@example.org>\r\nCc: tsbsg5@itu.int\r\n' +
        'Delivered-To: t25sg5q2@lists.itu.int\r\nSubject: x\r\n\r\nBody\r\n',
    );
    expect(deriveList(mail.headers)).toEqual({ list: 't25sg5q2@lists.itu.int', group: 'SG5', question: 'Q2/5', period: '2025-2028', role: 'list' });
    const withListId = await simpleParser('List-Id: Focus group <t25tsag.lists.itu.int>\r\nTo: x@example.org\r\n\r\nBody\r\n');
    expect(deriveList(withListId.headers).group).toBe('TSAG');
  });

  it('applies extra rules first, with named groups sg and q, or a fixed group', () => {
    const rules = [
      { pattern: '^sg(?<sg>\\d+)-q(?<q>\\d+)@lists\\.example\\.org$', period: '2025-2028' },
      { pattern: '^jca-iot@itu\\.int$', group: 'SG20' },
      { pattern: '^secretariat-(?<sg>tsag)@example\\.org$', role: 'secretariat' as const },
    ];
    expect(deriveList({ to: ['sg13-q7@lists.example.org'], cc: [] }, rules)).toEqual({
      list: 'sg13-q7@lists.example.org',
      group: 'SG13',
      question: 'Q7/13',
      period: '2025-2028',
      role: 'list',
    });
    expect(deriveList({ to: ['jca-iot@itu.int'], cc: [] }, rules).group).toBe('SG20');
    expect(deriveList({ to: ['secretariat-tsag@example.org'], cc: [] }, rules)).toMatchObject({ group: 'TSAG', role: 'secretariat' });
    // A rule whose group is not a real one matches nothing.
    expect(deriveList({ to: ['sg99-q1@lists.example.org'], cc: [] }, rules)).toEqual(none);
  });

  it('refuses an extra rule that is not a regular expression with E_CONFIG', () => {
    let caught: unknown;
    try {
      deriveList({ to: [], cc: [] }, [{ pattern: '^sg(?<sg>\\d+' }]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SgbotError);
    expect((caught as SgbotError).code).toBe('E_CONFIG');
    expect((caught as SgbotError).message).toMatch(/^List rule 1 \(\^sg\(\?<sg>\\d\+\) is not a valid regular expression/);
  });
});
