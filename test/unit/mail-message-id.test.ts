/**
 * Message-IDs derived from idKeys: deterministic, distinct per key, well-formed; and Message-IDs taken from received
 * mail made safe for In-Reply-To.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageIdFor, normalizeMessageId } from '../../src/mail/message-id.ts';

describe('messageIdFor', () => {
  it('is <sha256-hex(idKey)@domain>', () => {
    const key = 'reminder:SG20:Q1/20:2027-03-01:7d';
    const hex = createHash('sha256').update(key).digest('hex');
    expect(messageIdFor(key, 'example.org')).toBe(`<${hex}@example.org>`);
  });

  it('gives the same id for the same key and different ids for keys that differ by one character', () => {
    expect(messageIdFor('reminder:SG20:2027-03-01', 'example.org')).toBe(messageIdFor('reminder:SG20:2027-03-01', 'example.org'));
    expect(messageIdFor('reminder:SG20:2027-03-01', 'example.org')).not.toBe(messageIdFor('reminder:SG20:2027-03-02', 'example.org'));
    expect(messageIdFor('a', 'example.org')).not.toBe(messageIdFor('a ', 'example.org'));
  });

  it('is a well-formed msg-id for any key, unicode and line breaks included', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (key) => {
        const id = messageIdFor(key, 'Lists.Example.ORG');
        expect(id).toMatch(/^<[0-9a-f]{64}@lists\.example\.org>$/);
        expect(messageIdFor(key, 'lists.example.org')).toBe(id);
      }),
    );
  });

  it('refuses an empty key and a domain that is not a host name', () => {
    expect(() => messageIdFor('', 'example.org')).toThrow(/idKey/);
    for (const bad of ['', 'exa mple.org', 'example.org>', '-bad.org', 'a@b.org']) expect(() => messageIdFor('k', bad)).toThrow(/domain/);
  });
});

describe('normalizeMessageId', () => {
  it('adds angle brackets and trims', () => {
    expect(normalizeMessageId('  abc.123@mail.itu.int ')).toBe('<abc.123@mail.itu.int>');
    expect(normalizeMessageId('<abc.123@mail.itu.int>')).toBe('<abc.123@mail.itu.int>');
  });

  it('keeps ids without a domain, which real mail has', () => {
    expect(normalizeMessageId('<20250101.1234>')).toBe('<20250101.1234>');
  });

  it('rejects what could break or inject a header line', () => {
    for (const bad of ['', '<>', 'a b@x.org', 'a@x.org>\r\nBcc: victim@x.org', '<a<b@x.org>', 'é@x.org', 'a\t@x.org']) {
      expect(normalizeMessageId(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
