/**
 * Who hears of which deadline (pure rules), and how they are reached.
 */
import { describe, expect, it } from 'vitest';
import { audienceOf, deliveriesOf, escalationGroups, holdsAudienceRole, isEscalationContact } from '../../src/reminders/recipients.ts';
import { makePerson } from '../support/reminder-builders.ts';

const ana = makePerson('ana@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }], { slackId: 'U0ANA0001', tz: 'America/Sao_Paulo' });
const ben = makePerson('ben@example.org', [{ kind: 'associate-rapporteur', scope: 'Q7/20' }]);
const cho = makePerson('cho@example.org', [{ kind: 'rapporteur', scope: 'Q4/13' }]);
const dia = makePerson('dia@example.org', [{ kind: 'delegate', scope: null }]);
const wp = makePerson('wp@example.org', [{ kind: 'wp-chair', scope: 'WP1/20' }]);
const wp13 = makePerson('wp13@example.org', [{ kind: 'wp-chair', scope: 'WP2/13' }]);
const tsb = makePerson('tsb@example.org', [{ kind: 'secretariat', scope: 'SG20' }]);
const tsbAll = makePerson('tsball@example.org', [{ kind: 'secretariat', scope: null }]);

describe('audience', () => {
  it('reminds rapporteurs and associates of every Question of the group of contribution deadlines, and their subscribers', () => {
    const a = audienceOf({ category: 'contributions', group: 'SG20', questions: [] });
    expect(a.topics).toEqual(['SG20', 'SG20/contributions']);
    expect([ana, ben, cho, dia, wp].filter((p) => holdsAudienceRole(p, a)).map((p) => p.id)).toEqual(['ana@example.org', 'ben@example.org']);
    const t = audienceOf({ category: 'translated-contributions', group: 'SG20', questions: ['Q4/20'] });
    expect(t.topics).toEqual(['SG20', 'Q4/20', 'SG20/contributions', 'SG20/translated-contributions']);
  });

  it('reminds only the rapporteurs of the Questions a liaison names, and subscribers of those Questions', () => {
    const a = audienceOf({ category: 'liaison-reply', group: 'SG20', questions: ['Q4/20'] });
    expect(a.topics).toEqual(['Q4/20', 'SG20/liaison-reply']);
    expect([ana, ben, cho].filter((p) => holdsAudienceRole(p, a)).map((p) => p.id)).toEqual(['ana@example.org']);
    expect(holdsAudienceRole(ana, audienceOf({ category: 'liaison-reply', group: 'SG20', questions: [] }))).toBe(false);
  });

  it('reminds only those who asked of registration, visa, fellowship, captioning and interpretation', () => {
    for (const category of ['registration', 'visa', 'fellowship', 'captioning', 'interpretation'] as const) {
      const a = audienceOf({ category, group: 'SG13', questions: [] });
      expect(a).toEqual({ roleKinds: [], roleGroups: [], roleQuestions: [], topics: [`SG13/${category}`] });
    }
    expect(audienceOf({ category: 'consultation-reply', group: 'SG13', questions: [] }).topics).toEqual(['SG13']);
    expect(audienceOf({ category: 'other', group: null, questions: [] }).topics).toEqual([]);
  });

  it('escalates to the working-party chairs and the secretariat of the group', () => {
    const groups = escalationGroups({ category: 'liaison-reply', group: 'SG20RG-AFR', questions: ['Q4/20', 'Q2/13'] });
    expect(groups.sort()).toEqual(['SG13', 'SG20']);
    expect([wp, wp13, tsb, tsbAll, ana].filter((p) => isEscalationContact(p, ['SG20'])).map((p) => p.id)).toEqual(['wp@example.org', 'tsb@example.org', 'tsball@example.org']);
  });
});

describe('deliveriesOf', () => {
  it('reaches a person by mail and by Slack DM when Slack is configured, a channel by a post, a list by mail', () => {
    expect(deliveriesOf({ key: 'person:ana@example.org', tz: ana.tz, person: ana }, ['slack'])).toEqual([
      { kind: 'mail', channel: 'mail', to: 'ana@example.org' },
      { kind: 'chat', channel: 'slack', target: { channel: 'slack', id: 'U0ANA0001' } },
    ]);
    expect(deliveriesOf({ key: 'person:ana@example.org', tz: ana.tz, person: ana }, [])).toEqual([{ kind: 'mail', channel: 'mail', to: 'ana@example.org' }]);
    expect(deliveriesOf({ key: 'slack:C0SG20', tz: 'Europe/Zurich', person: null }, ['slack'])).toEqual([{ kind: 'chat', channel: 'slack', target: { channel: 'slack', id: 'C0SG20' } }]);
    expect(deliveriesOf({ key: 'teams:19:abc@thread', tz: 'Europe/Zurich', person: null }, ['slack'])).toEqual([]);
    expect(deliveriesOf({ key: 'mail:sg20@lists.example.org', tz: 'Europe/Zurich', person: null }, [])).toEqual([{ kind: 'mail', channel: 'mail', to: 'sg20@lists.example.org' }]);
  });
});
