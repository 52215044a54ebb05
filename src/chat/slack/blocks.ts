/**
 * A channel-neutral {@link Reply} as Slack Block Kit: a header, one section per answer line with its source as a
 * context line, notes, and (for an ephemeral answer) a "Share in channel" button. Pure: no I/O.
 *
 * Every text from documents goes through {@link escapeSlack} exactly once; dates are shown as the commands
 * formatted them (reader's zone, original beside it). Slack's limits are kept: at most `maxBlocks` blocks (50 in a
 * message, 100 in the App Home), 3000 characters per text, 150 per header; what does not fit is counted in
 * "…and N more".
 */
import type { types } from '@slack/bolt';
import type { Reply, ReplyItem, SourceRef } from '../../core/command.ts';
import { escapeSlack, escapeSlackWithin } from '../escape.ts';

type Block = types.KnownBlock;

/** `action_id` of the "Share in channel" button. */
export const SHARE_ACTION = 'sgbot_share';

/** Slack's limits. */
export const LIMITS = { messageBlocks: 50, homeBlocks: 100, text: 3000, header: 150, contextElements: 10, buttonValue: 2000 } as const;

export interface BlockOptions {
  /** Link to a stored document, `{id}` replaced by its id; without it the document id is shown. */
  docUrl?: string;
  /** Most blocks: {@link LIMITS.messageBlocks} by default. */
  maxBlocks?: number;
  /** Adds the "Share in channel" button carrying this value (the id of the stored answer). */
  shareId?: string;
  /** The Slack user id of who shared the answer in channel. */
  sharedBy?: string;
  /** Where the whole answer can be seen when it is shortened (the web console). */
  consoleUrl?: string;
}

/** A message ready for chat.postMessage, response_url or views.publish. */
export interface SlackMessage {
  /** Fallback for notifications and screen readers (escaped). */
  text: string;
  blocks: Block[];
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

/** Escaped label of a source: "reference — title", its link when `docUrl` is set, else its short id. */
export function sourceText(s: SourceRef, docUrl?: string): string {
  const label = [s.reference, s.title].filter(Boolean).join(' — ') || (s.docId ? `document ${s.docId.slice(0, 12)}` : 'source');
  const shown = `${escapeSlackWithin(label, 300)}${s.unverified ? ' :warning: _unverified sender_' : ''}`;
  if (!s.docId) return shown;
  if (docUrl) return `<${docUrl.replace('{id}', encodeURIComponent(s.docId))}|${shown}>`;
  return `${shown} · doc \`${escapeSlack(s.docId.slice(0, 12))}\``;
}

function itemBlocks(item: ReplyItem, docUrl: string | undefined): Block[] {
  const body = item.detail ? `${item.text}\n${item.detail}` : item.text;
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(escapeSlackWithin(body, LIMITS.text)) }];
  if (item.source) blocks.push({ type: 'context', elements: [mrkdwn(`:page_facing_up: ${sourceText(item.source, docUrl)}`)] });
  return blocks;
}

function contextOf(lines: string[]): Block {
  const elements = lines.slice(0, LIMITS.contextElements).map((l) => mrkdwn(l));
  return { type: 'context', elements };
}

/** "Sources: a; b; c", as many as fit in one text, then "…and N more". */
function sourcesLine(sources: SourceRef[], docUrl: string | undefined): string {
  let line = 'Sources: ';
  let n = 0;
  for (const s of sources) {
    const t = sourceText(s, docUrl);
    if (line.length + t.length + 2 > LIMITS.text - 40) break;
    line += `${n ? '; ' : ''}${t}`;
    n++;
  }
  return n < sources.length ? `${line} …and ${sources.length - n} more` : line;
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.docId ? a.docId === b.docId : !b.docId && a.reference === b.reference && a.title === b.title;
}

/**
 * Render `reply` as Block Kit.
 *
 * @example replyToBlocks(reply, { shareId: 'a1b2' }).blocks.at(-1) // the actions block with the share button
 */
export function replyToBlocks(reply: Reply, opts: BlockOptions = {}): SlackMessage {
  const max = opts.maxBlocks ?? LIMITS.messageBlocks;
  const title = `${reply.ok ? '' : '⚠️ '}${reply.title}`;
  const head: Block[] = [{ type: 'header', text: { type: 'plain_text', text: escapeSlackWithin(title, LIMITS.header), emoji: true } }];

  const groups: Block[][] = [];
  let itemCount = 0;
  for (const section of reply.sections) {
    if (section.items.length === 0) continue;
    const heading = section.heading ? [{ type: 'section', text: mrkdwn(`*${escapeSlackWithin(section.heading, LIMITS.text - 2)}*`) } as Block] : [];
    section.items.forEach((item, i) => {
      groups.push([...(i === 0 ? heading : []), ...itemBlocks(item, opts.docUrl)]);
      itemCount++;
    });
  }

  const tail: Block[] = [];
  if (reply.notes.length) tail.push(contextOf(reply.notes.map((n) => escapeSlackWithin(n, LIMITS.text))));
  const cited = reply.sections.flatMap((s) => s.items.map((i) => i.source).filter((s): s is SourceRef => Boolean(s)));
  const uncited = reply.sources.filter((s) => (s.docId || s.title) && !cited.some((c) => sameSource(c, s)));
  if (uncited.length) tail.push(contextOf([sourcesLine(uncited, opts.docUrl)]));
  if (opts.sharedBy && /^[UW][A-Z0-9]{2,}$/.test(opts.sharedBy)) tail.push(contextOf([`Shared by <@${opts.sharedBy}>`]));
  if (opts.shareId) {
    tail.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: SHARE_ACTION, text: { type: 'plain_text', text: 'Share in channel' }, value: opts.shareId.slice(0, LIMITS.buttonValue) }],
    });
  }

  const body: Block[] = [];
  // One block stays free for "…and N more".
  let room = max - head.length - tail.length - 1;
  let shown = 0;
  for (const g of groups) {
    if (g.length > room) break;
    body.push(...g);
    room -= g.length;
    shown++;
  }
  if (shown < itemCount) {
    const where = opts.consoleUrl && /^https?:\/\/[^\s<>|]+$/.test(opts.consoleUrl) ? ` See all of it in the <${opts.consoleUrl}|web console>.` : ' Ask about one group or Question to see fewer at a time.';
    body.push(contextOf([`…and ${itemCount - shown} more.${where}`]));
  }

  return { text: escapeSlackWithin(reply.title, 300), blocks: [...head, ...body, ...tail] };
}
