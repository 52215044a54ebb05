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
import { timeView } from '../format.ts';
import { renderReplyHtml } from '../render-reply.ts';

type Request = { action: 'draft'; group: string; text: string } | { action: 'doc'; group: string; ref: string } | { action: 'confirm' | 'status' | 'retry' | 'cancel'; id: string };

/** HTTP status of a reply that is not an answer. */
function statusOf(reply: Reply): number {
  if (reply.ok) return 200;
  return reply.code === 'E_FORBIDDEN' ? 403 : reply.code === 'E_NOT_FOUND' ? 404 : reply.code === 'E_USAGE' ? 400 : 409;
}

/** The broadcast as a list member reads it (template `broadcast-preview`): subject, who it goes to, the text with its signature line. */
export function mailPreview(b: { id: string; group: string; subject: string; text: string }, targets: readonly string[]) {
  return { subject: b.subject, targets: targets.slice(0, 3), more: Math.max(0, targets.length - 3), text: b.text, footer: footer(b) };
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

  const compose = async (csrf: string, values: { group?: string; text?: string; ref?: string } = {}) => {
    const groups = [...new Set([...Object.keys(services.config.SGBOT_BROADCAST_TARGETS), ...(await services.store.groupsWithDocuments())])].sort();
    return { csrf, groups, group: values.group ?? '', text: values.text ?? '', ref: values.ref ?? '', maxText: MAX_TEXT };
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
    if (seen.size === 0) return { table: null };
    return {
      table: {
        cls: 'broadcasts',
        columns: [{ label: 'Broadcast' }, { label: 'Group' }, { label: 'Subject', cls: 'wide' }, { label: 'Last step' }, { label: `When (${tz})`, cls: 'when' }],
        rows: [...seen.entries()].slice(0, 30).map(([id, b]) => ({ cells: [{ link: { href: `/console/broadcasts/${id}`, text: id } }, b.group, b.subject, b.action, { time: timeView(b.at, tz, deps.now()) }] })),
      },
    };
  };

  /** A broadcast reply as a page; `extra` (HTML of a template) follows it, `lead` (idem) goes under its title. */
  const showReply = (req: FastifyRequest, res: FastifyReply, title: string, reply: Reply, extra = '', lead = '') =>
    sendPage(req, res, { title, active: 'broadcasts' }, `${renderReplyHtml(deps.views, reply, { lead, dropCommandNotes: true, tz: me(req).viewer.tz })}${extra}`, statusOf(reply));

  app.get('/console/broadcasts', async (req, reply) => {
    const body = deps.views.render('broadcasts', { answer: null, notSecretariat: !me(req).viewer.secretariat, compose: await compose(reply.generateCsrf()), recent: await recent(me(req).viewer.tz) });
    return sendPage(req, reply, { title: 'Broadcasts', active: 'broadcasts' }, body);
  });

  app.post('/console/broadcasts', async (req, reply) => {
    const f = form(req);
    const group = (f['group'] ?? '').trim();
    const text = (f['text'] ?? '').trim();
    const ref = (f['ref'] ?? '').trim();
    // The form's own words for what is missing (the command's would give chat syntax).
    const missing = !group ? 'Choose the group to broadcast to.' : !text && !ref ? 'Write the announcement, or give the reference of a stored document to announce.' : null;
    if (missing) {
      const body = deps.views.render('broadcasts', { answer: null, notSecretariat: false, compose: await compose(reply.generateCsrf(), { group, text, ref }), recent: null });
      return sendPage(req, reply, { title: 'Broadcasts', active: 'broadcasts', flash: { kind: 'error', text: missing } }, body, 400);
    }
    const result = await run(req, ref && !text ? { action: 'doc', group, ref } : { action: 'draft', group, text });
    if (!result.ok) {
      const answerHtml = renderReplyHtml(deps.views, result, { tz: me(req).viewer.tz });
      const body = deps.views.render('broadcasts', { answer: answerHtml, notSecretariat: false, compose: await compose(reply.generateCsrf(), { group, text, ref }), recent: null });
      return sendPage(req, reply, { title: 'Broadcasts', active: 'broadcasts' }, body, statusOf(result));
    }
    const draft = (result.data as { broadcast?: { id?: string; group?: string; subject?: string; text?: string } } | null)?.broadcast ?? {};
    const id = draft.id ?? '';
    const buttons = deps.views.render('broadcast-actions', { csrf: reply.generateCsrf(), id, confirm: true, primary: true });
    // The message as each list receives it; the targets follow (the reply's own copy of the message is left out).
    const targets = { ...result, sections: result.sections.filter((s) => !s.heading?.startsWith('Message:')) };
    const lists = result.sections.filter((s) => !s.heading?.startsWith('Message:')).flatMap((s) => s.items.map((i) => i.text));
    const preview = deps.views.render('broadcast-preview', mailPreview({ id, group: draft.group ?? group, subject: draft.subject ?? '', text: draft.text ?? '' }, lists));
    return showReply(req, reply, `Preview of broadcast ${id}`, targets, buttons, preview);
  });

  app.get<{ Params: { id: string } }>('/console/broadcasts/:id', async (req, reply) => {
    const id = req.params.id.toLowerCase();
    const result = await run(req, { action: 'status', id });
    const data = result.data as { state?: string; counts?: { failed?: number } } | null;
    const buttons = deps.views.render('broadcast-actions', { csrf: reply.generateCsrf(), id, confirm: data?.state === 'draft', primary: false, retry: (data?.counts?.failed ?? 0) > 0, refresh: result.ok, all: true });
    return showReply(req, reply, `Broadcast ${id}`, result, buttons);
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
