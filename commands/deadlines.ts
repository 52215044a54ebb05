/** `deadlines [group|Question] [--all]`: upcoming deadlines, soonest first, each with its source. */
import { CATEGORY_LABELS } from '../src/core/labels.ts';
import { defineCommand, type Reply } from '../src/core/command.ts';
import { daysUntil, formatDeadline } from '../src/core/time.ts';
import type { DeadlineFact } from '../src/store/facts.ts';
import { scopeArgs, scopeFromText, sourceLabel, sourceOf, uniqueSources, unknownGroupReply } from './scope.ts';

/** Upcoming deadlines an answer lists at most. */
const SHOWN = 50;

function item(d: DeadlineFact, tz: string, now: number) {
  const days = daysUntil(d.due, now);
  const when = days < 0 ? 'past' : days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  const source = sourceOf(d.source);
  return {
    text: `${formatDeadline(d, tz)} (${when}): ${CATEGORY_LABELS[d.category]}${d.derived ? ' (derived from a rule in the letter)' : ''}`,
    detail: `${d.action} [${sourceLabel(source)}]`,
    source,
  };
}

export default defineCommand({
  name: 'deadlines',
  aliases: ['deadline', 'dl'],
  summary: 'Upcoming deadlines of a study group or Question, soonest first (--all for past ones too).',
  usage: 'deadlines [SG20|Q4/20|TSAG] [--all]',
  examples: ['deadlines SG20', 'deadlines Q11/20', 'deadlines SG13 --all', 'deadlines'],
  args: scopeArgs,
  parseText: scopeFromText,
  intents: [
    /^(?:what are |show(?: me)? |list )?(?:the )?(?:upcoming |next |key )?deadlines?\b(?<arg>.*)$/i,
    /^when (?:is|are) (?:the )?(?:next )?(?:deadlines?|contributions? due)\b(?<arg>.*)$/i,
    /^(?<arg>.*?)\s+deadlines\??$/i,
  ],
  async run(ctx, { scope, all }): Promise<Reply> {
    if (scope.kind === 'unknown') return unknownGroupReply(ctx, scope.text);
    const target = scope.kind === 'group' ? { group: scope.group } : scope.kind === 'question' ? { question: scope.question } : {};
    const label = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? scope.question : 'all groups';
    // The soonest SHOWN: a list longer than that helps nobody in a chat (the calendar feed has them all).
    const [facts, total] = await Promise.all([ctx.store.deadlines(target, all ? '-inf' : ctx.now, all ? 200 : SHOWN), ctx.store.countDeadlines(target, ctx.now)]);
    const upcoming = facts.filter((d) => d.due >= ctx.now);
    const past = all ? facts.filter((d) => d.due < ctx.now).reverse() : [];
    const sections = [{ heading: 'Upcoming', items: upcoming.map((d) => item(d, ctx.tz, ctx.now)) }];
    if (all) sections.push({ heading: 'Past', items: past.map((d) => item(d, ctx.tz, ctx.now)) });
    const notes = [`Times are shown in ${ctx.tz}, with the document's original time beside them.`];
    const calendar = ctx.calendarUrl && scope.kind !== 'all' ? ctx.calendarUrl(label) : null;
    if (total > upcoming.length && upcoming.length > 0) {
      const last = upcoming[upcoming.length - 1] as DeadlineFact;
      notes.unshift(`${total - upcoming.length} more upcoming after ${formatDeadline(last, ctx.tz)}${scope.kind === 'question' ? '' : ': ask about one Question (deadlines Q4/20) to see fewer at a time'}.`);
    }
    if (calendar) notes.push(`Subscribe in Outlook or Google Calendar: ${calendar}`);
    if (upcoming.length === 0) {
      const later = all ? [] : await ctx.store.deadlines(target, '-inf', 500);
      notes.unshift(
        later.length > 0
          ? `No upcoming deadlines for ${label}; ${later.length} past deadline(s) are stored (add --all to see them).`
          : `No deadlines for ${label} in the stored documents.`,
      );
    }
    return {
      ok: true,
      title: `Deadlines for ${label}${all ? ' (including past)' : ''}`,
      sections,
      notes,
      sources: uniqueSources([...upcoming, ...past].map((d) => sourceOf(d.source))),
      data: { scope: label, upcoming, past, ...(calendar ? { calendarUrl: calendar } : {}) },
    };
  },
});
