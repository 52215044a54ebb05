/**
 * The platforms' message limits in one place, and the one budget every Slack message passes before it is sent:
 * at most 50 blocks (100 in the App Home), at most 3,000 characters in a block's text, 150 in a header; a Teams card
 * at most {@link TEAMS_LIMITS.cardBytes} bytes of JSON (Teams refuses about 28 KB; the budget is under 40 KB in
 * any case). What does not fit is shortened to "… and N more", with a link to the web console where the whole of it
 * can be seen; buttons (actions blocks) always survive. Pure: no I/O.
 */
import type { types } from '@slack/bolt';

type Block = types.KnownBlock | types.Block;

export const SLACK_LIMITS = { messageBlocks: 50, homeBlocks: 100, text: 3000, header: 150, contextElements: 10 } as const;
export const TEAMS_LIMITS = { cardBytes: 26_000, maxCardBytes: 40_000, text: 2000 } as const;

/** `text` cut to `max` characters without leaving half an escape (`&amp;`) or half a link (`<url|label>`). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/&[a-z#0-9]{0,8}$/i, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}

type TextObject = { type: string; text: string };
const isText = (t: unknown): t is TextObject => typeof t === 'object' && t !== null && typeof (t as TextObject).text === 'string';

/** A copy of `block` with every text within Slack's limits. */
function fitBlockTexts(block: Block): Block {
  const b = { ...(block as unknown as Record<string, unknown>) };
  const max = b['type'] === 'header' ? SLACK_LIMITS.header : SLACK_LIMITS.text;
  if (isText(b['text'])) b['text'] = { ...b['text'], text: cutText(b['text'].text, max) };
  if (Array.isArray(b['fields'])) b['fields'] = (b['fields'] as unknown[]).slice(0, 10).map((f) => (isText(f) ? { ...f, text: cutText(f.text, 2000) } : f));
  if (b['type'] === 'context' && Array.isArray(b['elements'])) {
    b['elements'] = (b['elements'] as unknown[]).slice(0, SLACK_LIMITS.contextElements).map((e) => (isText(e) ? { ...e, text: cutText(e.text, SLACK_LIMITS.text) } : e));
  }
  return b as unknown as Block;
}

/** The "… and N more" line, with the console link when there is one. */
export function moreLine(n: number, consoleUrl?: string): string {
  return `… and ${n} more.${consoleUrl ? ` See all of it in the <${consoleUrl}|web console>.` : ''}`;
}

export interface FitOptions {
  /** Most blocks: {@link SLACK_LIMITS.messageBlocks} by default ({@link SLACK_LIMITS.homeBlocks} for the App Home). */
  maxBlocks?: number;
  /** Where the whole message can be seen (the console page of a broadcast, or the console). */
  consoleUrl?: string;
}

/**
 * `message` within Slack's limits: texts cut, then, when there are too many blocks, the last blocks that are not
 * the header or buttons left out and counted in "… and N more" (placed before the buttons).
 *
 * @example fitSlackMessage({ text, blocks: [header, ...sixtySections, confirmButtons] }).blocks.length // 50, buttons last
 */
export function fitSlackMessage<T extends { blocks?: Block[] | undefined; text?: string | undefined }>(message: T, opts: FitOptions = {}): T {
  const out = { ...message };
  if (typeof out.text === 'string') out.text = cutText(out.text, 3000);
  if (!out.blocks) return out;
  const max = opts.maxBlocks ?? SLACK_LIMITS.messageBlocks;
  const blocks = out.blocks.map(fitBlockTexts);
  if (blocks.length <= max) return { ...out, blocks };
  const kept = (b: Block) => b.type === 'header' || b.type === 'actions';
  const always = blocks.filter(kept).length;
  let room = Math.max(0, max - always - 1);
  const result: Block[] = [];
  let dropped = 0;
  let droppedSections = 0;
  for (const b of blocks) {
    if (kept(b)) result.push(b);
    else if (room > 0) {
      result.push(b);
      room--;
    } else {
      dropped++;
      if (b.type === 'section') droppedSections++;
    }
  }
  const more = { type: 'context', elements: [{ type: 'mrkdwn', text: moreLine(droppedSections || dropped, opts.consoleUrl) }] } as Block;
  // Before the trailing buttons, so that they stay last.
  let at = result.length;
  while (at > 0 && result[at - 1]?.type === 'actions') at--;
  result.splice(at, 0, more);
  return { ...out, blocks: result.slice(0, Math.max(max, always)) };
}

/** Bytes of `value` as JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
