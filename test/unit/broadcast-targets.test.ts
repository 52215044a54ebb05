/** Broadcast targets: the settings (parsed, every problem named), who a group's broadcast reaches, job ids. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deliveryJobId, deliveryPayload } from '../../src/broadcast/deliver.ts';
import { broadcastTargetsTransform as transformFor, parseBroadcastTargets as parseWith, resolveTargets as resolveWith, targetHash, type BroadcastTargetSettings } from '../../src/broadcast/targets.ts';
import { CHANNEL_RULES } from '../../src/chat/platforms.ts';
import { SgbotError } from '../../src/core/errors.ts';

// The rules of the registered platforms (Slack, Teams, the webhook), as src/config.ts uses them.
const parseBroadcastTargets = (value: string | undefined) => parseWith(value, CHANNEL_RULES);
const resolveTargets = (group: string, settings: BroadcastTargetSettings, subscribers: readonly string[]) => resolveWith(group, settings, subscribers, CHANNEL_RULES);
const broadcastTargetsTransform = transformFor(CHANNEL_RULES);

describe('SGBOT_BROADCAST_TARGETS', () => {
  it('reads groups in any spelling, lower-cases list addresses and drops repeats', () => {
    const s = parseBroadcastTargets(
      JSON.stringify({ sg20: { lists: ['T25SG20@Lists.ITU.int', 't25sg20@lists.itu.int'], slack: ['C0123ABCD'], teams: ['19:abc@thread.tacv2'] }, 'Study Group 13': { slack: ['G0PRIVATE1'] } }),
    );
    expect(s).toEqual({ SG20: { lists: ['t25sg20@lists.itu.int'], slack: ['C0123ABCD'], teams: ['19:abc@thread.tacv2'], webhook: [] }, SG13: { lists: [], slack: ['G0PRIVATE1'], teams: [], webhook: [] } });
    expect(parseBroadcastTargets(undefined)).toEqual({});
    expect(parseBroadcastTargets('  ')).toEqual({});
  });

  it('names every problem and shows how to write the setting', () => {
    const bad = JSON.stringify({
      SG20: { lists: ['not an address'], slack: ['#sg20'], teams: ['has space'], channels: [] },
      sg20: { lists: [] },
      SG99: { lists: [] },
      SG13: { lists: 't25sg13@lists.itu.int' },
    });
    let err: unknown;
    try {
      parseBroadcastTargets(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SgbotError);
    const e = err as SgbotError;
    expect(e.code).toBe('E_CONFIG');
    expect(e.message).toContain('SGBOT_BROADCAST_TARGETS has 7 problems');
    for (const part of [
      'SG20.lists[0]: "not an address" is not a mailing-list address',
      'SG20.slack[0]: "#sg20" is not a Slack channel id such as C0123ABCD',
      'SG20.teams[0]: "has space" is not a Teams conversation id',
      'SG20.channels: unknown field',
      'SG20 is given twice ("sg20" is another spelling of it)',
      '"SG99" is not a study group',
      'SG13.lists: must be an array of strings',
      'Write it like {"SG20": {"lists"',
    ])
      expect(e.message).toContain(part);
    expect(() => parseBroadcastTargets('{"SG20": [')).toThrow(/SGBOT_BROADCAST_TARGETS is not valid JSON/);
    expect(() => parseBroadcastTargets('["SG20"]')).toThrow(/must be a JSON object of groups/);
  });

  it('reports each problem as an issue of the variable in the config schema', () => {
    const schema = z.object({ SGBOT_BROADCAST_TARGETS: z.string().default('{}').transform(broadcastTargetsTransform) });
    expect(schema.parse({}).SGBOT_BROADCAST_TARGETS).toEqual({});
    const r = schema.safeParse({ SGBOT_BROADCAST_TARGETS: '{"SG20": {"slack": ["general"], "lists": ["x@"]}}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message.slice(0, 24)])).toEqual([
      ['SGBOT_BROADCAST_TARGETS', 'SG20.slack[0]: "general"'],
      ['SGBOT_BROADCAST_TARGETS', 'SG20.lists[0]: "x@" is n'],
    ]);
  });
});

describe('resolveTargets', () => {
  const settings = parseBroadcastTargets(JSON.stringify({ SG20: { lists: ['a@lists.example.org', 'b@lists.example.org'], slack: ['C0AAA'], teams: ['19:t1@thread.tacv2'] } }));

  it('adds subscribed channels and lists after the configured ones, each once, mail then Slack then Teams', () => {
    const subscribers = ['teams:19:t2@thread.tacv2', 'slack:C0BBB', 'slack:C0AAA', 'person:ana@example.org', 'slack:D0DIRECT', 'mail:C@Lists.Example.org', 'mail:nonsense', 'web:x'];
    const targets = resolveTargets('SG20', settings, subscribers);
    expect(targets.map((t) => [t.key, t.via])).toEqual([
      ['mail:a@lists.example.org', 'settings'],
      ['mail:b@lists.example.org', 'settings'],
      ['mail:c@lists.example.org', 'subscription'],
      ['slack:C0AAA', 'settings'],
      ['slack:C0BBB', 'subscription'],
      ['teams:19:t1@thread.tacv2', 'settings'],
      ['teams:19:t2@thread.tacv2', 'subscription'],
    ]);
    expect(targets.find((t) => t.kind === 'teams')?.id).toBe('19:t1@thread.tacv2');
  });

  it('gives a group with no settings only its subscribed channels, and none to a group with neither', () => {
    expect(resolveTargets('SG13', settings, ['slack:C0SG13']).map((t) => t.key)).toEqual(['slack:C0SG13']);
    expect(resolveTargets('SG13', settings, [])).toEqual([]);
  });
});

describe('delivery job ids', () => {
  it('are the same for the same delivery, differ per target and per retry round, and fit BullMQ (no ":")', () => {
    const p = { broadcastId: 'k3x9m2pq', target: 'teams:19:abc@thread.tacv2', attempt: 0 };
    expect(deliveryJobId(p)).toBe(deliveryJobId({ ...p }));
    expect(deliveryJobId(p)).toBe(`bc-k3x9m2pq-${targetHash(p.target)}`);
    expect(deliveryJobId(p)).not.toContain(':');
    expect(deliveryJobId({ ...p, target: 'teams:19:abd@thread.tacv2' })).not.toBe(deliveryJobId(p));
    expect(deliveryJobId({ ...p, attempt: 2 })).toBe(`${deliveryJobId(p)}-r2`);
    expect(targetHash('slack:C0AAA')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('come from payloads that are checked', () => {
    expect(deliveryPayload.safeParse({ broadcastId: 'k3x9m2pq', target: 'slack:C0AAA', attempt: 0 }).success).toBe(true);
    expect(deliveryPayload.safeParse({ broadcastId: 'K3X9', target: 'slack:C0AAA', attempt: 0 }).success).toBe(false);
    expect(deliveryPayload.safeParse({ broadcastId: 'k3x9m2pq', target: 'person:ana', attempt: 0 }).success).toBe(false);
    expect(deliveryPayload.safeParse({ broadcastId: 'k3x9m2pq', target: 'slack:C0AAA', attempt: -1 }).success).toBe(false);
  });
});
