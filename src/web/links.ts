/**
 * The pages behind the links of reminder mails (`/reminders/done|snooze|unsubscribe?token=…`), in the console's
 * style, public (the token is the proof). Opening a link (GET, as mail scanners do) only shows which deadline it is
 * about and a button; pressing the button (POST) acts, and the answer names the deadline again. A token that was
 * altered, forged or has expired is said so on opening, before any button.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSgbotError } from '../core/errors.ts';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import { escapeHtml as h } from '../mail/html.ts';
import type { Services } from '../main.ts';
import { acknowledgeReminder, snoozeReminder, unsubscribeReminders, type ActionResult } from '../reminders/index.ts';
import { readRecord, remKeys, type DeadlineRecord } from '../reminders/keys.ts';
import { verifyToken, type ActionToken } from '../reminders/tokens.ts';
import { CONSOLE_CSS } from './console/layout.ts';
import { humanTime } from './console/format.ts';

const ACTIONS = {
  done: { title: 'Mark this deadline as done', button: 'Yes, it is done', explain: 'You will get no more reminders of this deadline.', run: acknowledgeReminder },
  snooze: { title: 'Remind me again tomorrow', button: 'Snooze for a day', explain: 'Reminders of this deadline pause for a day; then one comes back.', run: snoozeReminder },
  unsubscribe: { title: 'Stop reminder mail', button: 'Stop reminder mail', explain: 'No more reminder mail will be sent to this address. Chat reminders and subscriptions stay as they are.', run: unsubscribeReminders },
} as const;
type ActionName = keyof typeof ACTIONS;

/** The stylesheet of these pages: the console's, so that they look alike. */
export const LINKS_CSS = `${CONSOLE_CSS}
main.link-page{max-width:42rem}.deadline{background:#fff;border:1px solid #d5dae1;border-left:4px solid #d08a00;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.deadline .what{font-size:1.1rem;font-weight:600;margin:0 0 .3rem}.deadline p{margin:.2rem 0}
`;

/** A page in the console's frame, without its navigation (these pages need no sign-in). */
export function linkPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)} · sgbot</title>
<link rel="stylesheet" href="/assets/links.css"></head>
<body><header><span class="brand">sgbot</span><span>reminders of the ITU-T study groups</span></header>
<main class="link-page" id="main"><h1>${h(title)}</h1>${body}</main></body></html>`;
}

/** The deadline a link is about, as a card: what, which group, when due (in the reader's zone), which document. */
export function deadlineCard(record: DeadlineRecord, zone: string, docUrl: string | null): string {
  const name = record.source.reference ?? record.source.title ?? 'the document';
  const source = docUrl ? `<a href="${h(docUrl)}">${h(name)}</a>` : h(name);
  return `<div class="deadline"><p class="what">${h(CATEGORY_LABELS[record.category])}${record.group ? ` · ${h(record.group)}` : ''}</p>
<p>${h(record.action)}</p><p><strong>Due ${h(formatDeadline(record, zone))}</strong></p><p class="muted">From ${source}</p></div>`;
}

/** Register the link pages on `app` (the server's root scope). */
export function registerLinkPages(app: FastifyInstance, services: Services): void {
  const send = (res: FastifyReply, status: number, title: string, body: string) => res.code(status).type('text/html; charset=utf-8').send(linkPage(title, body));
  const docUrl = (docId: string) => (services.config.SGBOT_DOC_URL ? services.config.SGBOT_DOC_URL.replace('{id}', encodeURIComponent(docId)) : `/doc/${encodeURIComponent(docId)}`);
  const incomplete = (res: FastifyReply) => send(res, 404, 'Not a reminder link', '<p>This link is incomplete. Open it again from the reminder mail.</p>');
  /** The recipient as they read themselves (roster name and address) and the zone their times are shown in. */
  const reader = async (recipient: string): Promise<{ who: string; zone: string }> => {
    const m = /^person:(.+)$/.exec(recipient);
    const person = m?.[1] ? await services.roster.get(m[1]).catch(() => null) : null;
    const address = recipient.replace(/^(person|mail):/, '');
    return { who: person ? `${person.name} (${address})` : address, zone: person?.tz ?? services.config.SGBOT_TZ };
  };

  app.get('/assets/links.css', (_req, res) => res.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LINKS_CSS));

  app.get<{ Params: { action: string }; Querystring: { token?: string } }>('/reminders/:action', async (req, res) => {
    const name = req.params.action as ActionName;
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    const token = req.query.token ?? '';
    if (!action || !token) return incomplete(res);
    let t: ActionToken;
    try {
      t = verifyToken(token, services.reminders.settings.secret, Date.now());
      if (t.action !== name) return send(res, 400, 'This link cannot be used', `<p>This link is for "${h(t.action)}", not "${h(name)}". Open it again from the reminder mail.</p>`);
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      return send(res, 400, 'This link cannot be used', `<p>${h(err.message)}</p>`);
    }
    const record = t.deadlineKey ? await readRecord(services.redis, remKeys(services.config.SGBOT_PREFIX), t.deadlineKey) : null;
    const { who, zone } = await reader(t.recipient);
    const about = record
      ? `<p>For <strong>${h(who)}</strong>, about this deadline:</p>${deadlineCard(record, zone, docUrl(record.docId))}`
      : name === 'unsubscribe'
        ? `<p>For <strong>${h(who)}</strong>.</p>`
        : '<p class="flash error">This deadline is no longer known (its document was replaced); the button may say there is nothing to do.</p>';
    const form = `<form method="post" action="/reminders/${h(name)}?token=${h(encodeURIComponent(token))}"><p class="actions"><button type="submit" class="primary">${h(action.button)}</button></p></form>`;
    return send(res, 200, action.title, `${about}<p>${h(action.explain)}</p>${form}<p class="muted">Nothing changes until you press the button.</p>`);
  });

  app.post<{ Params: { action: string }; Querystring: { token?: string } }>('/reminders/:action', async (req, res) => {
    const name = req.params.action as ActionName;
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = req.query.token ?? (typeof body['token'] === 'string' ? body['token'] : '');
    if (!action || !token) return incomplete(res);
    let result: ActionResult;
    try {
      result = await action.run(services.reminders, token, 'web');
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      return send(res, err.code === 'E_NOT_FOUND' ? 404 : 400, 'This link cannot be used', `<p>${h(err.message)}</p>`);
    }
    const { zone } = await reader(result.recipient);
    const card = result.record ? deadlineCard(result.record, zone, docUrl(result.record.docId)) : '';
    const back = result.until ? `<p>The reminder comes back on <strong>${h(humanTime(result.until, zone))}</strong> (${h(zone)}).</p>` : '';
    const notes = result.reply.notes.map((n) => `<p class="muted">${h(n)}</p>`).join('');
    return send(res, 200, result.reply.title, `${card}${back}${notes}`);
  });
}
