/**
 * Where a group's broadcasts go: the mailing lists, Slack channels and Teams channels named in the settings
 * (`SGBOT_BROADCAST_TARGETS`), plus every channel subscribed to the group. Pure: no I/O.
 *
 * @example
 * const settings = parseBroadcastTargets('{"SG20": {"lists": ["t25sg20@lists.itu.int"], "slack": ["C0123ABCD"]}}');
 * resolveTargets('SG20', settings, ['teams:19:abc@thread.tacv2', 'person:ana@example.org']);
 * // → mail:t25sg20@lists.itu.int, slack:C0123ABCD, teams:19:abc@thread.tacv2
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { SgbotError } from '../core/errors.ts';
import { canonicalGroup } from '../core/groups.ts';

/** The kinds of place a broadcast reaches. */
export type TargetKind = 'mail' | 'slack' | 'teams';

/** One place a broadcast is delivered to. */
export interface BroadcastTarget {
  kind: TargetKind;
  /** A list address (lower case), a Slack channel id (`C0123ABCD`) or a Teams conversation id (`19:abc@thread.tacv2`). */
  id: string;
  /** `mail:t25sg20@lists.itu.int`, `slack:C0123ABCD`, `teams:19:abc@thread.tacv2`: unique per target. */
  key: string;
  /** Named in the settings, or a channel subscribed to the group. */
  via: 'settings' | 'subscription';
}

/** The configured targets of one group. */
export interface GroupTargets {
  lists: string[];
  slack: string[];
  teams: string[];
}

/** `SGBOT_BROADCAST_TARGETS`, parsed: canonical group (`SG20`) → its targets. */
export type BroadcastTargetSettings = Readonly<Record<string, GroupTargets>>;

const LIST = /^[^\s@<>,;"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
/** Public (`C…`) and private (`G…`) channel ids; a DM (`D…`) is not a broadcast target. */
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const TEAMS_CONVERSATION = /^[^\s]{3,}$/;

/** The key of a target: `mail:list@x.org`, `slack:C0123`, `teams:19:abc@thread.tacv2`. */
export function targetKey(kind: TargetKind, id: string): string {
  return `${kind}:${kind === 'mail' ? id.toLowerCase() : id}`;
}

/**
 * A short, stable hash of a target key (16 hex digits), safe in job ids.
 *
 * @example targetHash('slack:C0123ABCD') // '5f0c…' (always the same for the same key)
 */
export function targetHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/** A target from its key, or `null` for a key that is not a channel or list (`person:…`, a Slack DM `slack:D…`). */
export function parseTargetKey(key: string, via: BroadcastTarget['via'] = 'subscription'): BroadcastTarget | null {
  const m = /^(mail|slack|teams):(.+)$/.exec(key);
  if (!m) return null;
  const kind = m[1] as TargetKind;
  const id = m[2] ?? '';
  const ok = kind === 'mail' ? LIST.test(id) : kind === 'slack' ? SLACK_CHANNEL.test(id) : TEAMS_CONVERSATION.test(id);
  return ok ? { kind, id: kind === 'mail' ? id.toLowerCase() : id, key: targetKey(kind, id), via } : null;
}

const FIELDS = ['lists', 'slack', 'teams'] as const;
const EXAMPLE = '{"SG20": {"lists": ["t25sg20@lists.itu.int"], "slack": ["C0123ABCD"], "teams": ["19:abc@thread.tacv2"]}}';

/**
 * Check already-parsed JSON as broadcast target settings. Returns the settings with what is good, and one message
 * per problem (empty when all is well).
 */
export function checkBroadcastTargets(json: unknown): { settings: BroadcastTargetSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: Record<string, GroupTargets> = {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { settings, problems: [`must be a JSON object of groups, such as ${EXAMPLE}`] };
  }
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    const group = canonicalGroup(name);
    if (!group) {
      problems.push(`"${name}" is not a study group; use names such as SG20, TSAG or SG12RG-AFR`);
      continue;
    }
    if (settings[group]) {
      problems.push(`${group} is given twice ("${name}" is another spelling of it); merge the two entries`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${name}: must be an object with "lists", "slack" and/or "teams" arrays`);
      continue;
    }
    const entry: GroupTargets = { lists: [], slack: [], teams: [] };
    for (const [field, items] of Object.entries(value as Record<string, unknown>)) {
      if (!(FIELDS as readonly string[]).includes(field)) {
        problems.push(`${name}.${field}: unknown field; use "lists" (addresses), "slack" (channel ids) or "teams" (conversation ids)`);
        continue;
      }
      if (!Array.isArray(items)) {
        problems.push(`${name}.${field}: must be an array of strings`);
        continue;
      }
      items.forEach((item, i) => {
        const where = `${name}.${field}[${i}]`;
        if (typeof item !== 'string') return problems.push(`${where}: must be a string`);
        const v = item.trim();
        if (field === 'lists') {
          if (!LIST.test(v)) return problems.push(`${where}: "${item}" is not a mailing-list address such as t25sg20@lists.itu.int`);
          entry.lists.push(v.toLowerCase());
        } else if (field === 'slack') {
          if (!SLACK_CHANNEL.test(v)) return problems.push(`${where}: "${item}" is not a Slack channel id such as C0123ABCD (copy it from the channel's details; a name like #sg20 will not do)`);
          entry.slack.push(v);
        } else {
          if (!TEAMS_CONVERSATION.test(v)) return problems.push(`${where}: "${item}" is not a Teams conversation id such as 19:abc@thread.tacv2`);
          entry.teams.push(v);
        }
        return undefined;
      });
    }
    settings[group] = { lists: [...new Set(entry.lists)], slack: [...new Set(entry.slack)], teams: [...new Set(entry.teams)] };
  }
  return { settings, problems };
}

/**
 * Parse `SGBOT_BROADCAST_TARGETS` (a JSON object; empty or unset means no configured targets).
 *
 * @throws SgbotError E_CONFIG listing every problem and how to write the setting.
 */
export function parseBroadcastTargets(value: string | undefined, name = 'SGBOT_BROADCAST_TARGETS'): BroadcastTargetSettings {
  if (!value || value.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (err) {
    throw new SgbotError('E_CONFIG', `${name} is not valid JSON (${(err as Error).message}). Write it like ${EXAMPLE}`);
  }
  const { settings, problems } = checkBroadcastTargets(json);
  if (problems.length > 0) throw new SgbotError('E_CONFIG', `${name} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n- ${problems.join('\n- ')}\nWrite it like ${EXAMPLE}`);
  return settings;
}

/**
 * For the config schema: `SGBOT_BROADCAST_TARGETS: z.string().default('{}').transform(broadcastTargetsTransform)`
 * reports each problem as an issue of that variable.
 */
export function broadcastTargetsTransform(value: string, ctx: z.RefinementCtx): BroadcastTargetSettings {
  if (value.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `must be a JSON object such as ${EXAMPLE}` });
    return {};
  }
  const { settings, problems } = checkBroadcastTargets(json);
  for (const message of problems) ctx.addIssue({ code: 'custom', message });
  return settings;
}

const ORDER: Record<TargetKind, number> = { mail: 0, slack: 1, teams: 2 };

/**
 * Every target of `group`: the configured lists and channels, then the channels and lists subscribed to it
 * (`subscribers` are subscriber keys such as `slack:C0123`; people are skipped: a broadcast goes to channels). Each
 * target once, mail first, then Slack, then Teams.
 */
export function resolveTargets(group: string, settings: BroadcastTargetSettings, subscribers: readonly string[]): BroadcastTarget[] {
  const configured = settings[group] ?? { lists: [], slack: [], teams: [] };
  const all: BroadcastTarget[] = [
    ...configured.lists.map((id) => ({ kind: 'mail' as const, id, key: targetKey('mail', id), via: 'settings' as const })),
    ...configured.slack.map((id) => ({ kind: 'slack' as const, id, key: targetKey('slack', id), via: 'settings' as const })),
    ...configured.teams.map((id) => ({ kind: 'teams' as const, id, key: targetKey('teams', id), via: 'settings' as const })),
    ...subscribers.map((s) => parseTargetKey(s)).filter((t): t is BroadcastTarget => t !== null),
  ];
  const seen = new Set<string>();
  const unique = all.filter((t) => !seen.has(t.key) && seen.add(t.key));
  return unique.map((t, i) => ({ t, i })).sort((a, b) => ORDER[a.t.kind] - ORDER[b.t.kind] || a.i - b.i).map((x) => x.t);
}
