/**
 * Which ITU list a mail came through, from its addresses: `t22sg20q1@lists.itu.int` is the list of Question 1/20
 * in the 2022-2024 study period; `tsbsg20@itu.int` is the SG20 secretariat's mailbox. Pure: no I/O.
 *
 * ITU-T list names start with `t` and the last two digits of the first year of the study period they were created
 * for. The table below is an assumption drawn from the study periods themselves (WTSA-16 opened 2017-2020, WTSA-20
 * met in March 2022 and opened 2022-2024, WTSA-24 opened 2025-2028): a prefix that is not in it gives no period
 * rather than a guessed one.
 */

import { SgbotError } from '../core/errors.ts';
import type { ListInfo } from '../core/facts.ts';
import { canonicalGroup, canonicalQuestion } from '../core/groups.ts';

/** Study periods by list prefix (`t22` → `2022-2024`). */
export const STUDY_PERIODS: Readonly<Record<string, string>> = Object.freeze({
  '05': '2005-2008',
  '09': '2009-2012',
  '13': '2013-2016',
  '17': '2017-2020',
  '22': '2022-2024',
  '25': '2025-2028',
});

export type { ListInfo } from '../core/facts.ts';

/**
 * An extra naming rule, for lists that do not follow the ITU scheme. `pattern` is a regular expression (source
 * text, matched case-insensitively against the whole lower-case address) with optional named groups `sg` (a study
 * group number such as `20`, or a group name such as `tsag`), `q` (a Question number, or `11/20`) and `period`
 * (a two-digit study period prefix). `group` names the group outright when the address does not.
 *
 * @example { pattern: '^sg(?<sg>\\d+)-q(?<q>\\d+)@lists\\.example\\.org$' }
 * @example { pattern: '^jca-iot@itu\\.int$', group: 'SG20' }
 */
export interface ListRule {
  pattern: string;
  group?: string;
  role?: 'list' | 'secretariat';
  /** Study period of every list the rule matches (`2025-2028`). */
  period?: string;
}

/** The headers that name a mail's list, as plain strings (any of them may hold display names: they are ignored). */
export interface ListHeaders {
  listId?: string | null;
  to: readonly string[];
  cc: readonly string[];
  deliveredTo?: string | readonly string[] | null;
  originalTo?: string | readonly string[] | null;
}

const NONE: ListInfo = Object.freeze({ list: null, group: null, question: null, period: null, role: null });

interface CompiledRule {
  regex: RegExp;
  group?: string;
  role: 'list' | 'secretariat';
  period?: string;
}

const BUILT_IN: readonly CompiledRule[] = [
  // t22sg20@, t22sg20q1@, t25tsag@, t22sg12rgafr@lists.itu.int; a suffix (t22sg20wp1) keeps the group only.
  {
    regex: /^t(?<period>\d{2})(?:sg(?<sg>\d{1,2}(?:rg[a-z]{2,5})?)(?:q(?<q>\d{1,2})(?=@))?|(?<name>tsag))[a-z0-9._-]*@lists\.itu\.int$/,
    role: 'list',
  },
  { regex: /^tsb(?:sg(?<sg>\d{1,2}(?:rg[a-z]{2,5})?)|(?<name>tsag))@itu\.int$/, role: 'secretariat' },
];

/**
 * Compiles extra rules, checking each pattern once.
 *
 * @throws SgbotError E_CONFIG naming the rule whose pattern is not a valid regular expression.
 */
export function compileListRules(rules: readonly ListRule[]): CompiledRule[] {
  return rules.map((rule, i) => {
    let regex: RegExp;
    try {
      regex = new RegExp(rule.pattern, 'i');
    } catch (err) {
      throw new SgbotError(
        'E_CONFIG',
        `List rule ${i + 1} (${rule.pattern}) is not a valid regular expression: ${(err as Error).message}. ` +
          'Fix the pattern; named groups sg and q give the study group and the Question.',
        { cause: err },
      );
    }
    return { regex, role: rule.role ?? 'list', group: rule.group, period: rule.period };
  });
}

/**
 * Derives the list of a mail from its headers: a plain {@link ListHeaders}, or mailparser's header map. Addresses
 * are tried in the order List-Id, X-Original-To, Delivered-To, To, Cc; a list address anywhere wins over a TSB
 * mailbox; `rules` are tried before the built-in ITU scheme.
 *
 * @throws SgbotError E_CONFIG when a rule's pattern is not a valid regular expression.
 * @example
 * deriveList({ to: ['"SG20" <t22sg20q1@lists.itu.int>'], cc: [] })
 * // { list: 't22sg20q1@lists.itu.int', group: 'SG20', question: 'Q1/20', period: '2022-2024', role: 'list' }
 * @example deriveList({ to: ['tsbtsag@itu.int'], cc: [] }).role // 'secretariat'
 */
export function deriveList(headers: ListHeaders | ReadonlyMap<string, unknown>, rules: readonly ListRule[] = []): ListInfo {
  const plain = headers instanceof Map ? fromHeaderMap(headers as ReadonlyMap<string, unknown>) : (headers as ListHeaders);
  const candidates = unique([
    ...listIdAddresses(plain.listId),
    ...addressesIn(plain.originalTo),
    ...addressesIn(plain.deliveredTo),
    ...addressesIn(plain.to),
    ...addressesIn(plain.cc),
  ]);
  const compiled = [...compileListRules(rules), ...BUILT_IN];
  for (const role of ['list', 'secretariat'] as const) {
    for (const address of candidates) {
      for (const rule of compiled) {
        if (rule.role !== role) continue;
        const info = applyRule(rule, address);
        if (info !== null) return info;
      }
    }
  }
  return { ...NONE };
}

/**
 * What one address says, or `null` when no rule names a known group for it.
 *
 * @example matchListAddress('t25tsag@lists.itu.int')?.group // 'TSAG'
 */
export function matchListAddress(address: string, rules: readonly ListRule[] = []): ListInfo | null {
  const [clean] = addressesIn(address);
  if (clean === undefined) return null;
  for (const rule of [...compileListRules(rules), ...BUILT_IN]) {
    const info = applyRule(rule, clean);
    if (info !== null) return info;
  }
  return null;
}

function applyRule(rule: CompiledRule, address: string): ListInfo | null {
  const m = rule.regex.exec(address);
  if (m === null) return null;
  const named = m.groups ?? {};
  const sg = named.sg ?? named.name;
  const group = rule.group !== undefined ? canonicalGroup(rule.group) : sg !== undefined ? groupFrom(sg) : null;
  if (group === null) return null;
  const sgNumber = /^SG(\d+)/.exec(group)?.[1];
  let question: string | null = null;
  if (named.q !== undefined) {
    question = canonicalQuestion(named.q.includes('/') || sgNumber === undefined ? named.q : `${named.q}/${sgNumber}`);
  }
  const period = rule.period ?? (named.period !== undefined ? (STUDY_PERIODS[named.period] ?? null) : null);
  return { list: address, group, question, period, role: rule.role };
}

/** `20` → SG20, `12rgafr` → SG12RG-AFR, `tsag` → TSAG, `sg5` → SG5. */
function groupFrom(token: string): string | null {
  return canonicalGroup(/^\d/.test(token) ? `SG${token}` : token);
}

/** `<t22sg20.lists.itu.int>` (Mailman writes the list name, a dot, then its domain) → `t22sg20@lists.itu.int`. */
function listIdAddresses(listId: string | null | undefined): string[] {
  if (listId === undefined || listId === null) return [];
  const id = (/<([^<>]+)>/.exec(listId)?.[1] ?? listId).trim().toLowerCase();
  if (id.includes('@')) return addressesIn(id);
  const dot = id.indexOf('.');
  return dot > 0 ? [`${id.slice(0, dot)}@${id.slice(dot + 1)}`] : [];
}

const ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Every address in strings, arrays or mailparser address objects, lower case, display names ignored. */
function addressesIn(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    // Display names may hold addresses too ("t22sg20@lists.itu.int" <someone@example.org>): the bracketed one wins.
    const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1] ?? '');
    const source = bracketed.length > 0 ? bracketed.join(' ') : value;
    return (source.match(ADDRESS) ?? []).map((a) => a.toLowerCase());
  }
  if (Array.isArray(value)) return value.flatMap((v) => addressesIn(v));
  if (typeof value === 'object') {
    const o = value as { value?: unknown; address?: unknown; group?: unknown };
    if (o.value !== undefined) return addressesIn(o.value);
    return [...addressesIn(o.address), ...addressesIn(o.group)];
  }
  return [];
}

/** mailparser's header map → {@link ListHeaders}: `list` holds List-* headers, address headers are objects. */
function fromHeaderMap(map: ReadonlyMap<string, unknown>): ListHeaders {
  const list = map.get('list') as { id?: { id?: string; mail?: string } } | undefined;
  const listId = list?.id?.id ?? list?.id?.mail ?? null;
  return {
    listId,
    to: addressesIn(map.get('to')),
    cc: addressesIn(map.get('cc')),
    deliveredTo: addressesIn(map.get('delivered-to')),
    originalTo: addressesIn(map.get('x-original-to')),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
