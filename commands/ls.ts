/** `ls [group]`: recent liaison statements; those awaiting action, with reply deadlines, first. */
import { groupOfQuestion } from '../src/core/groups.ts';
import { z } from 'zod';
import { defineCommand, type Reply, type ReplyItem } from '../src/core/command.ts';
import { dueAt, formatDeadline } from '../src/core/time.ts';
import type { LiaisonFact } from '../src/store/facts.ts';
import { parseScope, sourceLabel, sourceOf, uniqueSources, unknownGroupReply, type Scope } from './scope.ts';

function line(l: LiaisonFact, tz: string): ReplyItem {
  const li = l.liaison;
  const source = sourceOf(l.source);
  const deadline = li.deadline ? ` — reply by ${formatDeadline({ date: li.deadline, time: null, timezone: 'Europe/Zurich' }, tz)}` : '';
  return {
    text: `${l.source.title ?? l.source.reference ?? 'Liaison statement'}${deadline}`,
    detail: `from ${li.from ?? 'unknown'} to ${li.to.join(', ') || 'unknown'}${li.cc.length ? ` (cc ${li.cc.join(', ')})` : ''}; for ${li.purpose ?? 'unstated purpose'}${li.questions.length ? `; ${li.questions.join(', ')}` : ''} [${sourceLabel(source)}]`,
    source,
  };
}

export default defineCommand({
  name: 'ls',
  aliases: ['liaisons', 'liaison'],
  summary: 'Recent liaison statements of a group; those needing action and their reply deadlines first.',
  usage: 'ls [SG17|TSAG]',
  examples: ['ls SG17', 'ls TSAG', 'ls'],
  args: z.object({ scope: z.custom<Scope>() }),
  parseText: (rest) => ({ scope: parseScope(rest) }),
  intents: [/^(?:show |list |recent |new )*(?:liaison statements?|liaisons?|LSs?)\b(?<arg>.*)$/i],
  async run(ctx, { scope }): Promise<Reply> {
    if (scope.kind === 'unknown') return unknownGroupReply(ctx, scope.text);
    const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
    const all = await ctx.store.liaisons(group, 100);
    const open = (l: LiaisonFact) => l.liaison.purpose === 'action' && l.liaison.deadline !== null && dueAt({ date: l.liaison.deadline, time: null, timezone: 'Europe/Zurich' }) >= ctx.now;
    const action = all.filter(open).sort((a, b) => (a.liaison.deadline ?? '').localeCompare(b.liaison.deadline ?? ''));
    const rest = all.filter((l) => !open(l)).slice(0, 20);
    const sections = [
      { heading: 'Awaiting action (reply deadline ahead)', items: action.map((l) => line(l, ctx.tz)) },
      { heading: 'Recent', items: rest.map((l) => line(l, ctx.tz)) },
    ].filter((s) => s.items.length > 0);
    return {
      ok: true,
      title: `Liaison statements${group ? ` of ${group}` : ''}`,
      sections,
      notes: all.length === 0 ? [`No liaison statements${group ? ` from, to or copied to ${group}` : ''} are stored.`] : [],
      sources: uniqueSources([...action, ...rest].map((l) => sourceOf(l.source))),
      data: { group, awaitingAction: action, recent: rest },
    };
  },
});
