/**
 * A channel-neutral {@link Reply} as an Adaptive Card (v1.5, as Teams renders it): a title, one container per answer
 * line (text, detail, and its source with the document reference), notes, and the sources not cited by a line.
 * Pure: no I/O.
 *
 * Every text from documents goes through {@link escapeTeams} exactly once; dates are shown as the commands formatted
 * them (reader's zone, original beside it). A Teams message holds about 28 KB: lines that do not fit are counted in
 * "…and N more".
 */
import type { Reply, ReplyItem, SourceRef } from '../../core/command.ts';
import type { ChatAction } from '../sender.ts';
import { escapeTeams, escapeTeamsWithin } from './escape.ts';

/** Sizes, in bytes of card JSON and characters of text. */
export const CARD_LIMITS = {
  /** Teams refuses messages over ~28 KB; the activity around the card needs some room too. */
  cardBytes: 26_000,
  /** Longest text of one TextBlock (escaped). */
  text: 2_000,
  /** Longest title. */
  title: 300,
  /** Longest "Sources: …" line. */
  sources: 2_000,
} as const;

/** MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface CardOptions {
  /** Link to a stored document, `{id}` replaced by its id; without it the document id is shown. */
  docUrl?: string;
  /** Most bytes of card JSON: {@link CARD_LIMITS.cardBytes} by default. */
  maxBytes?: number;
  /** Buttons (a reminder's Done and Snooze): each submits `{ sgbotAction: id, token: value }` back to the bot. */
  actions?: ChatAction[];
}

/** The data an sgbot card button submits (arrives as the `value` of a message activity). */
export interface CardActionData {
  sgbotAction: string;
  token: string;
}

/** A card button. */
export interface CardAction {
  type: 'Action.Submit';
  title: string;
  data: CardActionData;
}

/** One Adaptive Card element (the subset sgbot builds). */
export interface CardElement {
  type: 'TextBlock' | 'Container';
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams: { width: 'Full' };
}

/** A card and the plain text for notifications and screen readers. */
export interface TeamsMessage {
  card: AdaptiveCard;
  /** The reply title without markup (shown in notifications and as the message preview). */
  summary: string;
}

const text = (t: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
const small = (t: string, extra: Record<string, unknown> = {}) => text(t, { isSubtle: true, size: 'Small', spacing: 'None', ...extra });
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/** A document link: its id percent-encoded, and the parentheses that would end a markdown link too. */
function docLink(docUrl: string, docId: string): string {
  return docUrl.replace('{id}', encodeURIComponent(docId)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Escaped label of a source: "reference — title", as a link when `docUrl` is set, else with its short id. */
export function sourceText(s: SourceRef, docUrl?: string): string {
  const label = [s.reference, s.title].filter(Boolean).join(' — ') || (s.docId ? `document ${s.docId.slice(0, 12)}` : 'source');
  const shown = escapeTeamsWithin(label, 300);
  const warning = s.unverified ? ' ⚠️ _unverified sender_' : '';
  if (!s.docId) return `${shown}${warning}`;
  if (docUrl) return `[${shown}](${docLink(docUrl, s.docId)})${warning}`;
  return `${shown}${warning} · doc ${escapeTeams(s.docId.slice(0, 12))}`;
}

function itemContainer(item: ReplyItem, docUrl: string | undefined, first: boolean): CardElement {
  const items: CardElement[] = [text(escapeTeamsWithin(item.text, CARD_LIMITS.text))];
  if (item.detail) items.push(text(escapeTeamsWithin(item.detail, CARD_LIMITS.text), { isSubtle: true, spacing: 'None' }));
  if (item.source) items.push(small(`📄 ${sourceText(item.source, docUrl)}`));
  return { type: 'Container', spacing: first ? 'Small' : 'Medium', items };
}

/** "Sources: a; b; c", as many as fit, then "…and N more". */
function sourcesLine(sources: SourceRef[], docUrl: string | undefined): string {
  let line = 'Sources: ';
  let n = 0;
  for (const s of sources) {
    const t = sourceText(s, docUrl);
    if (line.length + t.length + 2 > CARD_LIMITS.sources - 40) break;
    line += `${n ? '; ' : ''}${t}`;
    n++;
  }
  return n < sources.length ? `${line} …and ${sources.length - n} more` : line;
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.docId ? a.docId === b.docId : !b.docId && a.reference === b.reference && a.title === b.title;
}

/** Text of the "…and N more" line. */
export function moreText(n: number): string {
  return `…and ${n} more. Ask about one group or Question to see fewer at a time.`;
}

/**
 * Render `reply` as an Adaptive Card.
 *
 * @example replyToCard(reply).card.body[0] // { type: 'TextBlock', text: 'Deadlines for SG20', weight: 'Bolder', … }
 */
export function replyToCard(reply: Reply, opts: CardOptions = {}): TeamsMessage {
  const maxBytes = opts.maxBytes ?? CARD_LIMITS.cardBytes;
  const title = `${reply.ok ? '' : '⚠️ '}${escapeTeamsWithin(reply.title, CARD_LIMITS.title)}`;
  const head: CardElement[] = [text(title, { size: 'Medium', weight: 'Bolder', style: 'heading' })];

  const groups: CardElement[][] = [];
  for (const section of reply.sections) {
    section.items.forEach((item, i) => {
      const heading = i === 0 && section.heading ? [text(escapeTeamsWithin(section.heading, CARD_LIMITS.text), { weight: 'Bolder', spacing: 'Medium' })] : [];
      groups.push([...heading, itemContainer(item, opts.docUrl, i === 0)]);
    });
  }

  const tail: CardElement[] = reply.notes.map((n, i) => small(escapeTeamsWithin(n, CARD_LIMITS.text), { spacing: i === 0 ? 'Medium' : 'None' }));
  const cited = reply.sections.flatMap((s) => s.items.map((i) => i.source).filter((s): s is SourceRef => Boolean(s)));
  const uncited = reply.sources.filter((s) => (s.docId || s.title) && !cited.some((c) => sameSource(c, s)));
  if (uncited.length) tail.push(small(sourcesLine(uncited, opts.docUrl), { spacing: 'Medium' }));

  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [], msteams: { width: 'Full' } };
  if (opts.actions?.length) card.actions = opts.actions.map((a) => ({ type: 'Action.Submit', title: a.label, data: { sgbotAction: a.id, token: a.value } }));
  const more = (n: number) => small(moreText(n), { spacing: 'Medium' });
  // Room for the card without lines, the "…and N more" line (its count at most the number of lines), then each line.
  let room = maxBytes - bytes({ ...card, body: [...head, ...tail] }) - bytes(more(groups.length)) - 2;
  const body: CardElement[] = [];
  let shown = 0;
  for (const g of groups) {
    const size = g.reduce((sum, el) => sum + bytes(el) + 1, 0);
    if (size > room) break;
    body.push(...g);
    room -= size;
    shown++;
  }
  if (shown < groups.length) body.push(more(groups.length - shown));
  card.body = [...head, ...body, ...tail];
  return { card, summary: reply.title.slice(0, 200) };
}
