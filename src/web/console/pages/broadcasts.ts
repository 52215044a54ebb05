/**
 * Broadcasts from the console, through the same command as Slack, Teams and the terminal (commands/broadcast.ts,
 * src/broadcast/actions.ts) with the signed-in person's identity: compose (text or a document) → preview listing
 * every target → confirm (one delivery job per target) → status per target, with retry of the failed ones.
 * Authorisation is the broadcast workflow's own (roster secretariat role, refusals audited).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BroadcastContext } from '../../../broadcast/actions.ts';
import { footer, MAX_TEXT } from '../../../broadcast/compose.ts';
import { isBroadcastId } from '../../../broadcast/store.ts';
import type { Reply } from '../../../core/command.ts';
import { form, me, redirectWith, sendPage, type ConsoleDeps } from '../context.ts';
import { dataTable, timeHtml } from '../format.ts';
import { csrfField, h, postButton } from '../layout.ts';
import { renderReplyHtml } from '../render-reply.ts';

type Request = { action: 'draft'; group: string; text: string } | { action: 'doc'; group: string; ref: string } | { action: 'confirm' | 'status' | 'retry' | 'cancel'; id: string };

/** HTTP status of a reply that is not an answer. */
function statusOf(reply: Reply): number {
  if (reply.ok) return 200;
  return reply.code === 'E_FORBIDDEN' ? 403 : reply.code === 'E_NOT_FOUND' ? 404 : reply.code === 'E_USAGE' ? 400 : 409;
}

/** The broadcast as a list member reads it: subject, who it goes to, the text with its signature line. */
export function mailPreview(b: { id: string; group: string; subject: string; text: string }, targets: readonly string[]): string {
  const to = targets.length ? `${h(targets.slice(0, 3).join(', '))}${targets.length > 3 ? ` and ${targets.length - 3} more` : ''} <small>(each its own copy)</small>` : '<span class="muted">no target</span>';
  return `<p>This is what each target receives:</p><article class="mail-preview" aria-label="The message as recipients see it"><dl><dt>Subject</dt><dd><strong>${h(b.subject)}</strong></dd><dt>To</dt><dd>${to}</dd></dl>
<div class="body">${h(b.text)}</div><div class="sig">-- \n${h(footer(b))}</div></article><h3>Targets</h3>`;
}

export function registerBroadcasts(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;

  /** Run a broadcast request exactly as the `broadcast` command does (its schema, then its handler). */
  const run = async (req: FastifyRequest, raw: Request): Promise<Reply> => {
    const spec = services.registry.get('broadcast');
    if (!spec) throw new Error('the broadcast command is not registered');
    const parsed = spec.args.safeParse(raw);
    if (!parsed.success) return { ok: false, code: 'E_USAGE', title: `${parsed.error.issues.map((i) => i.message).join('; ')}.`, sections: [], notes: [], sources: [], data: null };
    const s = me(req);
    const ctx: BroadcastContext = services.context(deps.now(), s.viewer.tz, s.who);
    return spec.run(ctx, parsed.data);
  };

  const composeForm = async (csrf: string, values: { group?: string; text?: string; ref?: string } = {}) => {
    const groups = [...new Set([...Object.keys(services.config.SGBOT_BROADCAST_TARGETS), ...(await services.store.groupsWithDocuments())])].sort();
    return `<form method="post" action="/console/broadcasts" class="compose">${csrfField(csrf)}
<label for="group">Group</label><input type="text" id="group" name="group" list="groups" value="${h(values.group ?? '')}" placeholder="SG20" required>
<datalist id="groups">${groups.map((g) => `<option value="${h(g)}">`).join('')}</datalist>
<label for="text">Announcement</label><textarea id="text" name="text" maxlength="${MAX_TEXT}" placeholder="What to announce (the first sentence becomes the subject)">${h(values.text ?? '')}</textarea>
<label for="ref">…or a stored document (reference or id)</label><input type="text" id="ref" name="ref" value="${h(values.ref ?? '')}" placeholder="TSB Collective letter 5/20">
<p><button type="submit">Preview</button> <span class="muted">Nothing is sent before you confirm the preview.</span></p></form>`;
  };

  const recent = async (tz: string) => {
    const entries = await services.audit.latest(200, 'broadcast.');
    const seen = new Map<string, { at: string; group: string; subject: string; action: string }>();
    for (const e of entries) {
      if (!isBroadcastId(e.target)) continue;
      const prev = seen.get(e.target);
      const d = e.details ?? {};
      if (!prev) seen.set(e.target, { at: e.at, group: typeof d['group'] === 'string' ? d['group'] : '', subject: typeof d['subject'] === 'string' ? d['subject'] : '', action: e.action.replace('broadcast.', '') });
      else if (!prev.subject && typeof d['subject'] === 'string') prev.subject = d['subject'];
    }
    if (seen.size === 0) return '<p class="muted">No broadcasts yet.</p>';
    return dataTable(
      'broadcasts',
      [{ label: 'Broadcast' }, { label: 'Group' }, { label: 'Subject', cls: 'wide' }, { label: 'Last step' }, { label: `When (${tz})`, cls: 'when' }],
      [...seen.entries()].slice(0, 30).map(([id, b]) => [`<a href="/console/broadcasts/${h(id)}">${h(id)}</a>`, h(b.group), h(b.subject), h(b.action), timeHtml(b.at, tz, deps.now())]),
    );
  };

  const showReply = (req: FastifyRequest, res: FastifyReply, title: string, reply: Reply, extra = '', lead = '') =>
    sendPage(req, res, { title, active: 'broadcasts' }, `${renderReplyHtml(deps.views, reply, { lead, dropCommandNotes: true, tz: me(req).viewer.tz })}${extra}`, statusOf(reply));

  app.get('/console/broadcasts', async (req, reply) => {
    const note = me(req).viewer.secretariat ? '' : '<p class="muted">Only the secretariat may send broadcasts; an attempt by anyone else is refused and recorded.</p>';
    return sendPage(req, reply, { title: 'Broadcasts', active: 'broadcasts' }, `${note}<h2>Compose</h2>${await composeForm(reply.generateCsrf())}<h2>Recent</h2>${await recent(me(req).viewer.tz)}`);
  });

  app.post('/console/broadcasts', async (req, reply) => {
    const f = form(req);
    const group = (f['group'] ?? '').trim();
    const text = (f['text'] ?? '').trim();
    const ref = (f['ref'] ?? '').trim();
    const result = await run(req, ref && !text ? { action: 'doc', group, ref } : { action: 'draft', group, text });
    if (!result.ok) {
      return sendPage(req, reply, { title: 'Broadcasts', active: 'broadcasts' }, `${renderReplyHtml(deps.views, result, { tz: me(req).viewer.tz })}<h2>Compose</h2>${await composeForm(reply.generateCsrf(), { group, text, ref })}`, statusOf(result));
    }
    const draft = (result.data as { broadcast?: { id?: string; group?: string; subject?: string; text?: string } } | null)?.broadcast ?? {};
    const id = draft.id ?? '';
    const csrf = reply.generateCsrf();
    const buttons = `<p class="actions">${postButton(`/console/broadcasts/${id}/confirm`, 'Confirm and send', csrf, '', 'primary')} ${postButton(`/console/broadcasts/${id}/cancel`, 'Cancel', csrf)}</p>`;
    // The message as each list receives it; the targets follow (the reply's own copy of the message is left out).
    const targets = { ...result, sections: result.sections.filter((s) => !s.heading?.startsWith('Message:')) };
    const lists = result.sections.filter((s) => !s.heading?.startsWith('Message:')).flatMap((s) => s.items.map((i) => i.text));
    return showReply(req, reply, `Preview of broadcast ${id}`, targets, buttons, mailPreview({ id, group: draft.group ?? group, subject: draft.subject ?? '', text: draft.text ?? '' }, lists));
  });

  app.get<{ Params: { id: string } }>('/console/broadcasts/:id', async (req, reply) => {
    const id = req.params.id.toLowerCase();
    const result = await run(req, { action: 'status', id });
    const data = result.data as { state?: string; counts?: { failed?: number } } | null;
    const csrf = reply.generateCsrf();
    const buttons = [
      data?.state === 'draft' ? `${postButton(`/console/broadcasts/${id}/confirm`, 'Confirm and send', csrf)} ${postButton(`/console/broadcasts/${id}/cancel`, 'Cancel', csrf)}` : '',
      (data?.counts?.failed ?? 0) > 0 ? postButton(`/console/broadcasts/${id}/retry`, 'Retry the failed targets', csrf) : '',
      result.ok ? `<a href="/console/broadcasts/${h(id)}">Refresh</a>` : '',
    ].filter(Boolean);
    return showReply(req, reply, `Broadcast ${id}`, result, `<p class="actions">${buttons.join(' ')}</p><p><a href="/console/broadcasts">All broadcasts</a></p>`);
  });

  for (const action of ['confirm', 'cancel', 'retry'] as const) {
    app.post<{ Params: { id: string } }>(`/console/broadcasts/:id/${action}`, async (req, reply) => {
      const id = req.params.id.toLowerCase();
      const result = await run(req, { action, id });
      if (!result.ok) return showReply(req, reply, `Broadcast ${id}`, result);
      return redirectWith(req, reply, `/console/broadcasts/${id}`, { kind: 'ok', text: result.title });
    });
  }
}
