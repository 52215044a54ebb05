/**
 * Messages built once per zone and kind of message, with each recipient's tokens swapped in: every copy is exactly
 * what composing the message for that recipient's links gives.
 */
import { describe, expect, it } from 'vitest';
import { composeMessage, MessageTemplates, type ComposedMessage, type MessageTokens } from '../../src/reminders/compose.ts';
import type { ReminderPayload } from '../../src/reminders/payload.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { makeRecord } from '../support/reminder-builders.ts';

const SECRET = 'test-secret-0123456789';
const BASE = 'https://sgbot.example.org';
const SOURCE = `${BASE}/doc/aaaa`;
const url = (action: keyof MessageTokens, token: string) => `${BASE}/reminders/${action}?token=${token}`;

function tokensOf(recipient: string, deadlineKey: string, kinds: ReadonlyArray<keyof MessageTokens>): MessageTokens {
  const out: MessageTokens = {};
  for (const action of kinds) out[action] = signToken({ action, deadlineKey: action === 'unsubscribe' ? '' : deadlineKey, recipient, expires: 2091000000 }, SECRET);
  return out;
}

function direct(record: ReturnType<typeof makeRecord>, p: ReminderPayload, zone: string, tokens: MessageTokens) {
  const links: Parameters<typeof composeMessage>[3] = { source: SOURCE };
  for (const [action, token] of Object.entries(tokens) as Array<[keyof MessageTokens, string]>) links[action] = url(action, token);
  return composeMessage(record, p, zone, links);
}

/** A copy without its encoded MIME parts (which composing on its own does not give; see mail-encoded-part.test.ts). */
function withoutMime(m: ComposedMessage): ComposedMessage {
  expect(m.mime?.text).toContain('Content-Transfer-Encoding: quoted-printable');
  expect(m.mime?.html).toContain('Content-Type: text/html; charset=utf-8');
  const { mime: _mime, ...rest } = m;
  return rest;
}

describe('message templates', () => {
  const record = makeRecord();
  const at = Date.parse('2036-04-08T00:00:00Z');
  const people = ['person:ana@example.org', 'person:ben@example.org', 'slack:C0SG20', 'person:<script>@example.org'];

  it('gives each recipient the message composed for their own links, in each zone and kind', () => {
    const templates = new MessageTemplates();
    for (const zone of ['Asia/Tokyo', 'Europe/Zurich']) {
      for (const recipient of people) {
        const reminder: ReminderPayload = { type: 'reminder', deadlineKey: record.key, base: record.base, recipient, offset: '7d', at, due: record.due };
        const escalation: ReminderPayload = { ...reminder, type: 'escalation', offset: 'esc2d' };
        const change: ReminderPayload = { type: 'change', deadlineKey: record.key, base: record.base, recipient, oldDue: record.due - 7 * 86_400_000, newDue: record.due };
        for (const [p, kinds] of [
          [reminder, ['done', 'snooze', 'unsubscribe']],
          [escalation, ['done', 'unsubscribe']],
          [change, ['unsubscribe']],
        ] as const) {
          const tokens = tokensOf(recipient, record.key, kinds);
          expect(withoutMime(templates.compose(record, p, zone, SOURCE, url, tokens))).toEqual(direct(record, p, zone, tokens));
        }
      }
    }
  });

  it('tells apart what differs between recipients of one deadline: the day, the offset, a changed record', () => {
    const templates = new MessageTemplates(2);
    const recipient = 'person:ana@example.org';
    const tokens = tokensOf(recipient, record.key, ['done', 'snooze', 'unsubscribe']);
    const p: ReminderPayload = { type: 'reminder', deadlineKey: record.key, base: record.base, recipient, offset: '7d', at, due: record.due };
    const later: ReminderPayload = { ...p, offset: '1d', at: at + 6 * 86_400_000 };
    const test: ReminderPayload = { ...p, offset: 'test' };
    const moved = { ...record, action: 'Submit contributions (revised)' };
    for (const [r, q] of [[record, p], [record, later], [record, test], [moved, p], [record, p]] as const) {
      expect(withoutMime(templates.compose(r, q, 'Europe/Zurich', SOURCE, url, tokens))).toEqual(direct(r, q, 'Europe/Zurich', tokens));
    }
  });
});
