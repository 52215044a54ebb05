/**
 * Where a group's broadcasts go: the mailing lists and the channels of each chat platform named in the settings
 * (`SGBOT_BROADCAST_TARGETS`: `lists` and one array per platform id), plus every channel subscribed to the group.
 * Channels are checked against each platform's rule (`ChannelRules`). Pure: no I/O.
 *
 * @example
 * const settings = parseBroadcastTargets('{"SG20": {"lists": ["t25sg20@lists.itu.int"], "slack": ["C0123ABCD"]}}', CHANNEL_RULES);
 * resolveTargets('SG20', settings, ['teams:19:abc@thread.tacv2', 'person:ana@example.org'], CHANNEL_RULES);
 * // → mail:t25sg20@lists.itu.int, slack:C0123ABCD, teams:19:abc@thread.tacv2
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { SgbotError } from '../core/errors.ts';
import { canonicalGroup } from '../core/groups.ts';
import type { ChannelRules } from '../core/platform.ts';

/** The kinds of place a broadcast reaches: `mail`, or a chat platform's id (`slack`, `teams`, `webhook`). */
export type TargetKind = string;

/** One place a broadcast is delivered to. */
export interface BroadcastTarget {
  kind: TargetKind;
  /** A list address (lower case), or a channel on the platform (`C0123ABCD`, `19:abc@thread.tacv2`, `#sg20`). */
  id: string;
  /** `mail:t25sg20@lists.itu.int`, `slack:C0123ABCD`, `teams:19:abc@thread.tacv2`: unique per target. */
  key: string;
  /** Named in the settings, or a channel subscribed to the group. */
  via: 'settings' | 'subscription';
  /** For a channel: its platform's name and what it calls a channel (`Teams`, `conversation`), for previews. */
  place?: { label: string; noun: string };
}

/** The configured targets of one group: `lists`, and the channels of each platform by platform id. */
export type GroupTargets = { lists: string[] } & Record<string, string[]>;

/** `SGBOT_BROADCAST_TARGETS`, parsed: canonical group (`SG20`) → its targets. */
export type BroadcastTargetSettings = Readonly<Record<string, GroupTargets>>;

/**
 * How each chat platform writes a channel, by platform id (`CHANNEL_RULES` of src/chat/platforms.ts, from each
 * platform's identity): what a configured target or a subscribed channel is checked against.
 */
export type { ChannelRules };

const LIST = /^[^\s@<>,;"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

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

/**
 * A target from its key, or `null` for a key that is not a list or a channel of a platform of `rules` (`person:…`,
 * a Slack DM `slack:D…`).
 */
export function parseTargetKey(key: string, rules: ChannelRules, via: BroadcastTarget['via'] = 'subscription'): BroadcastTarget | null {
  const i = key.indexOf(':');
  if (i <= 0) return null;
  const kind = key.slice(0, i);
  const id = key.slice(i + 1);
  const rule = rules[kind];
  const ok = kind === 'mail' ? LIST.test(id) : (rule?.pattern.test(id) ?? false);
  return ok ? { kind, id: kind === 'mail' ? id.toLowerCase() : id, key: targetKey(kind, id), via, ...(rule ? { place: { label: rule.label, noun: rule.noun } } : {}) } : null;
}

function example(rules: ChannelRules): string {
  const channels = Object.entries(rules)
    .slice(0, 2)
    .map(([id, r]) => `, "${id}": ["${r.example}"]`)
    .join('');
  return `{"SG20": {"lists": ["t25sg20@lists.itu.int"]${channels}}}`;
}

/**
 * Check already-parsed JSON as broadcast target settings. Returns the settings with what is good, and one message
 * per problem (empty when all is well).
 */
export function checkBroadcastTargets(json: unknown, rules: ChannelRules): { settings: BroadcastTargetSettings; problems: string[] } {
  const problems: string[] = [];
  const EXAMPLE = example(rules);
  const fields = ['lists', ...Object.keys(rules)];
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
      problems.push(`${name}: must be an object with arrays named ${fields.map((f) => `"${f}"`).join(', ')}`);
      continue;
    }
    const entry: GroupTargets = { lists: [], ...Object.fromEntries(Object.keys(rules).map((k) => [k, [] as string[]])) };
    for (const [field, items] of Object.entries(value as Record<string, unknown>)) {
      if (!fields.includes(field)) {
        problems.push(`${name}.${field}: unknown field; use "lists" (addresses)${Object.entries(rules).map(([id, r]) => `, "${id}" (${r.label} ${r.noun} ids)`).join('')}`);
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
        } else {
          const rule = rules[field];
          if (rule && !rule.pattern.test(v)) return problems.push(`${where}: "${item}" is not a ${rule.label} ${rule.noun} id such as ${rule.example}${rule.hint ? ` (${rule.hint})` : ''}`);
          entry[field]?.push(v);
        }
        return undefined;
      });
    }
    settings[group] = Object.fromEntries(Object.entries(entry).map(([k, list]) => [k, [...new Set(list)]])) as GroupTargets;
  }
  return { settings, problems };
}

/**
 * Parse `SGBOT_BROADCAST_TARGETS` (a JSON object; empty or unset means no configured targets).
 *
 * @throws SgbotError E_CONFIG listing every problem and how to write the setting.
 */
export function parseBroadcastTargets(value: string | undefined, rules: ChannelRules, name = 'SGBOT_BROADCAST_TARGETS'): BroadcastTargetSettings {
  if (!value || value.trim() === '') return {};
  const EXAMPLE = example(rules);
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (err) {
    throw new SgbotError('E_CONFIG', `${name} is not valid JSON (${(err as Error).message}). Write it like ${EXAMPLE}`);
  }
  const { settings, problems } = checkBroadcastTargets(json, rules);
  if (problems.length > 0) throw new SgbotError('E_CONFIG', `${name} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n- ${problems.join('\n- ')}\nWrite it like ${EXAMPLE}`);
  return settings;
}

/**
 * For the config schema: `SGBOT_BROADCAST_TARGETS: z.string().default('{}').transform(broadcastTargetsTransform(rules))`
 * reports each problem as an issue of that variable.
 */
export function broadcastTargetsTransform(rules: ChannelRules): (value: string, ctx: z.RefinementCtx) => BroadcastTargetSettings {
  return (value, ctx) => {
    if (value.trim() === '') return {};
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a JSON object such as ${example(rules)}` });
      return {};
    }
    const { settings, problems } = checkBroadcastTargets(json, rules);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
    return settings;
  };
}

/**
 * Every target of `group`: the configured lists and channels, then the channels and lists subscribed to it
 * (`subscribers` are subscriber keys such as `slack:C0123`; people are skipped: a broadcast goes to channels). Each
 * target once, mail first, then each platform's in the order of `rules` (the platform list).
 */
export function resolveTargets(group: string, settings: BroadcastTargetSettings, subscribers: readonly string[], rules: ChannelRules): BroadcastTarget[] {
  const configured = settings[group] ?? { lists: [] };
  const kinds = ['mail', ...Object.keys(rules)];
  const fromSettings = Object.entries(configured).flatMap(([field, ids]) => (ids ?? []).map((id) => ({ kind: field === 'lists' ? 'mail' : field, id, via: 'settings' as const })));
  const all: BroadcastTarget[] = [
    ...fromSettings.map((t) => {
      const rule = rules[t.kind];
      return { ...t, key: targetKey(t.kind, t.id), ...(rule ? { place: { label: rule.label, noun: rule.noun } } : {}) };
    }),
    ...subscribers.map((s) => parseTargetKey(s, rules)).filter((t): t is BroadcastTarget => t !== null),
  ];
  const seen = new Set<string>();
  const unique = all.filter((t) => !seen.has(t.key) && seen.add(t.key));
  const order = (k: string) => (kinds.indexOf(k) === -1 ? kinds.length : kinds.indexOf(k));
  return unique.map((t, i) => ({ t, i })).sort((a, b) => order(a.t.kind) - order(b.t.kind) || a.i - b.i).map((x) => x.t);
}
