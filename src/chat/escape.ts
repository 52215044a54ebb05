/**
 * Text taken from documents, made inert for chat surfaces. A liaison titled `<!channel> urgent` must not ping a
 * channel, `<@U123>` must not mention anyone and `<https://evil|click>` must not become a disguised link.
 */

/** U+2060 WORD JOINER: invisible, and it breaks Slack's recognition of `@channel`, `@here`, `@everyone`. */
const JOINER = '\u2060';

/**
 * Bare broadcast words (`@channel`, `@here`, `@everyone`, any case) with an invisible joiner after the `@`, so
 * Slack's automatic parsing cannot turn them into a broadcast. Other text is unchanged.
 *
 * @example neutraliseBroadcasts('read this @here') === 'read this @\u2060here'
 */
export function neutraliseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)(?![\p{L}\p{N}_])/giu, `@${JOINER}$1`);
}

/**
 * Escape text for Slack (mrkdwn and plain_text alike): `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` — the only
 * three control characters Slack defines — so special sequences (`<!channel>`, `<@U123>`, `<#C1>`,
 * `<!subteam^S1>`, `<url|label>`) show as typed; then bare broadcast words are neutralised. Apply it exactly once,
 * to text from documents or users, never to markup the bot builds itself.
 *
 * @example escapeSlack('LS <!channel> & <@U123ABC>') === 'LS &lt;!channel&gt; &amp; &lt;@U123ABC&gt;'
 */
export function escapeSlack(text: string): string {
  return neutraliseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * {@link escapeSlack} of `text`, shortened (with `…`) so that the escaped result has at most `max` characters; an
 * entity or a surrogate pair is never cut in half.
 *
 * @example escapeSlackWithin('a & b & c', 9) === 'a &amp;…'
 */
export function escapeSlackWithin(text: string, max: number): string {
  const full = escapeSlack(text);
  if (full.length <= max) return full;
  let cut = full.slice(0, Math.max(0, max - 1));
  // Every `&` in escaped text starts an entity: drop a trailing one that lost its `;`.
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.includes(';', amp)) cut = cut.slice(0, amp);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
