/** One Teams question: the one command path, with the Teams identity and zone; the rate limit before anything else. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/index.ts';
import { askTeams, type TeamsContext } from '../../src/chat/teams/ask.ts';
import type { TeamsIdentity } from '../../src/chat/teams/incoming.ts';
import { defineCommand, type CommandContext, type CommandSpec } from '../../src/core/command.ts';
import type { RateCount } from '../../src/chat/rate-limit.ts';

const who: TeamsIdentity = { channel: 'teams', userId: 'aad-1', aadObjectId: 'aad-1', teamsUserId: '29:1', tenantId: 'tenant-1', name: 'Ada', conversationId: 'a:1', shared: false, verified: true };

/** A registry with one command that reports what it was given. */
function recorder() {
  const seen: Array<{ who: unknown; identity: unknown; tz: string; now: number; group: string }> = [];
  const spec = defineCommand({
    name: 'deadlines',
    summary: 'test',
    usage: 'deadlines SG',
    examples: ['deadlines SG20'],
    args: z.object({ group: z.string() }),
    parseText: (rest: string) => ({ group: rest }),
    run: (ctx: CommandContext, args: { group: string }) => {
      seen.push({ who: ctx.who, identity: (ctx as TeamsContext).identity, tz: ctx.tz, now: ctx.now, group: args.group });
      return Promise.resolve({ ok: true, title: `Deadlines for ${args.group}`, sections: [], notes: [], sources: [], data: null });
    },
  });
  return { registry: createRegistry([spec as unknown as CommandSpec<never>]), seen };
}

function deps(registry: ReturnType<typeof recorder>['registry'], count: RateCount) {
  const counted: string[] = [];
  return {
    counted,
    deps: {
      registry,
      context: (now: number, tz: string) => ({ now, tz }) as unknown as CommandContext,
      state: { countCommand: (userId: string) => (counted.push(userId), Promise.resolve(count)) },
      now: () => 1_780_000_000_000,
      rateLimitPerMinute: 20,
    },
  };
}

describe('askTeams', () => {
  it('routes through the command registry with the Teams identity, the reader zone and the fixed clock', async () => {
    const { registry, seen } = recorder();
    const d = deps(registry, { allowed: true, count: 1, firstRefusal: false, retryAfterS: 60 });
    const res = await askTeams(d.deps, who, '/deadlines SG20', 'Asia/Tokyo');
    expect(res).toMatchObject({ kind: 'answer', command: 'deadlines', reply: { title: 'Deadlines for SG20' } });
    expect(seen).toEqual([{ who: { channel: 'teams', id: 'aad-1', verified: true, conversation: 'teams:a:1', shared: false }, identity: who, tz: 'Asia/Tokyo', now: 1_780_000_000_000, group: 'SG20' }]);
    expect(d.counted).toEqual(['aad-1']);
  });

  it('refuses politely over the limit without running the command, and says so once per window', async () => {
    const { registry, seen } = recorder();
    const first = await askTeams(deps(registry, { allowed: false, count: 21, firstRefusal: true, retryAfterS: 42 }).deps, who, '/deadlines SG20', 'UTC');
    expect(first).toMatchObject({ kind: 'limited', notify: true, reply: { ok: false, title: "You're asking faster than I answer: at most 20 questions a minute. Please try again in 42 s." } });
    const later = await askTeams(deps(registry, { allowed: false, count: 22, firstRefusal: false, retryAfterS: 41 }).deps, who, '/deadlines SG20', 'UTC');
    expect(later).toMatchObject({ kind: 'limited', notify: false });
    expect(seen).toEqual([]);
  });
});
