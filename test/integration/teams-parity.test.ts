/**
 * One answer, three surfaces: for the same Reply from the seeded store, the Teams card, the Slack blocks and the
 * terminal text show the same lines (each line's text and detail, in order), once each surface's escaping is undone
 * as its reader sees it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.ts';
import { answer } from '../../src/chat/router.ts';
import { escapeSlack } from '../../src/chat/escape.ts';
import { replyToBlocks } from '../../src/chat/slack/blocks.ts';
import { replyToCard } from '../../src/chat/teams/cards.ts';
import type { Reply } from '../../src/core/command.ts';
import { resolveNow } from '../../src/core/time.ts';
import type { Services } from '../../src/main.ts';
import { captureLog, seededServices, unescapeMarkdown, uniquePrefix } from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('teams-parity');
const TZ = 'Asia/Tokyo';
const NOW = resolveNow('2026-01-01', TZ);

let services: Services;

type Line = { text: string; detail: string | null };

function terminalLines(reply: Reply): Line[] {
  const out: Line[] = [];
  for (const l of renderText(reply).split('\n')) {
    if (l.startsWith('  • ')) out.push({ text: l.slice(4), detail: null });
    else if (l.startsWith('      ') && out.length) (out.at(-1) as Line).detail = l.slice(6);
  }
  return out;
}

function slackLines(reply: Reply): Line[] {
  const unescape = (s: string) => s.replace(/\u2060/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const headings = new Set(reply.sections.map((s) => `*${escapeSlack(s.heading ?? '')}*`));
  return (replyToBlocks(reply, { maxBlocks: 100 }).blocks as Array<{ type: string; text?: { text: string } }>)
    .filter((b) => b.type === 'section' && b.text && !headings.has(b.text.text))
    .map((b) => {
      const [text = '', ...detail] = (b.text?.text ?? '').split('\n');
      return { text: unescape(text), detail: detail.length ? unescape(detail.join('\n')) : null };
    });
}

function teamsLines(reply: Reply): Line[] {
  const body = replyToCard(reply).card.body as Array<{ type: string; items?: Array<{ text: string; size?: string }> }>;
  return body
    .filter((b) => b.type === 'Container')
    .map((c) => {
      const [text, detail] = (c.items ?? []).filter((i) => i.size !== 'Small');
      return { text: unescapeMarkdown(text?.text ?? ''), detail: detail ? unescapeMarkdown(detail.text) : null };
    });
}

beforeAll(async () => {
  services = await seededServices(redisUrl, prefix, captureLog().log);
});

afterAll(async () => {
  await services?.close();
});

describe('the same facts in Teams, Slack and the terminal', () => {
  it.each(['/deadlines SG20', 'who leads IoT identification', '/ls SG11', '/meeting SG13', 'doc SG11-LS58'])('%s', async (question) => {
    const { reply } = await answer(services.registry, services.context(NOW, TZ), question);
    expect(reply.ok).toBe(true);
    const expected = reply.sections.flatMap((s) => s.items.map((i) => ({ text: i.text, detail: i.detail ?? null })));
    expect(expected.length).toBeGreaterThan(0);
    expect(teamsLines(reply)).toEqual(expected);
    expect(slackLines(reply)).toEqual(expected);
    expect(terminalLines(reply)).toEqual(expected);
  });

  it('dates in the /deadlines SG20 answer are the reader-zone dates with the original beside them, everywhere', async () => {
    const { reply } = await answer(services.registry, services.context(NOW, TZ), '/deadlines SG20');
    const dates = teamsLines(reply).map((l) => /^\w{3} \d{1,2} \w{3} \d{4}/.exec(l.text)?.[0]);
    expect(dates.every(Boolean)).toBe(true);
    expect(dates).toEqual(terminalLines(reply).map((l) => /^\w{3} \d{1,2} \w{3} \d{4}/.exec(l.text)?.[0]));
  });
});
