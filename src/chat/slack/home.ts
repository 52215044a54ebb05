/**
 * The App Home tab: the user's upcoming deadlines for the groups they follow, through the same `/deadlines`
 * command as everywhere else. Until subscriptions exist, a user who follows nothing sees the next deadlines of all
 * groups and a hint.
 */
import { Roster } from '../../people/roster.ts';
import { Subscriptions } from '../../people/subscriptions.ts';
import type { Redis } from 'ioredis';
import type { CommandContext, Registry, Reply, ReplyItem, SourceRef } from '../../core/command.ts';
import { byGroup, canonicalGroup, canonicalQuestion } from '../../core/groups.ts';
import { answer } from '../router.ts';

/** The groups (or Questions) a chat user follows. */
export interface FollowedGroups {
  get(userId: string): Promise<string[]>;
}

/** Followed groups kept in the Redis set `${prefix}:follow:slack:${userId}` (written by the future subscribe command). */
export function redisFollowedGroups(redis: Redis, prefix: string): FollowedGroups {
  const roster = new Roster(redis, prefix);
  const subscriptions = new Subscriptions(redis, prefix);
  return {
    // The groups of what the user subscribed to (`subscribe SG20`, `subscribe Q4/20`, `subscribe registration SG13`).
    get: async (userId) => {
      const person = await roster.byIdentity({ channel: 'slack', id: userId });
      if (!person) return [];
      const groups = (await subscriptions.of(`person:${person.id}`)).map((t) => (/^Q\d+\/(\d+)$/.exec(t) ? `SG${t.split('/')[1]}` : t.split('/')[0] ?? t));
      return [...new Set(groups)];
    },
  };
}

/** Deadlines shown per followed group, and in total when the user follows nothing. */
const PER_GROUP = 5;
const ALL_GROUPS = 12;
const MAX_GROUPS = 12;

/**
 * The Home tab's content as a {@link Reply}: one section per followed group (its next deadlines), or the next
 * deadlines of all groups with a hint when `followed` is empty.
 */
export async function homeReply(registry: Registry, ctx: CommandContext, followed: string[]): Promise<Reply> {
  const scopes = [...new Set(followed.map((f) => canonicalGroup(f) ?? canonicalQuestion(f)).filter((s): s is string => s !== null))].sort(byGroup);
  const sections: Reply['sections'] = [];
  const sources: SourceRef[] = [];
  const notes: string[] = [];
  const upcoming = async (scope: string, limit: number): Promise<ReplyItem[]> => {
    const { reply } = await answer(registry, ctx, `/deadlines ${scope}`.trim());
    if (notes.length === 0) notes.push(...reply.notes.filter((n) => n.startsWith('Times are shown')));
    const items = (reply.sections[0]?.items ?? []).slice(0, limit);
    sources.push(...items.flatMap((i) => (i.source ? [i.source] : [])));
    return items;
  };

  if (scopes.length === 0) {
    sections.push({ heading: 'Next deadlines of all groups', items: await upcoming('', ALL_GROUPS) });
    notes.unshift('You do not follow any group yet, so these are the next deadlines of all groups. Ask `/deadlines SG20` for one group.');
  } else {
    for (const scope of scopes.slice(0, MAX_GROUPS)) {
      const items = await upcoming(scope, PER_GROUP);
      sections.push({ heading: scope, items: items.length ? items : [{ text: 'No upcoming deadlines in the stored documents.' }] });
    }
    if (scopes.length > MAX_GROUPS) notes.push(`You follow ${scopes.length} groups; the first ${MAX_GROUPS} are shown.`);
  }
  const seen = new Set<string>();
  return {
    ok: true,
    title: 'Your upcoming deadlines',
    sections,
    notes,
    sources: sources.filter((s) => {
      const k = s.docId ?? `${s.reference}|${s.title}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }),
    data: { followed: scopes },
  };
}
