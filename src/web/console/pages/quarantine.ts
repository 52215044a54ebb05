/**
 * The quarantine (as `sgbot quarantine list|show|retry`): what could not be read and why, and, for the secretariat,
 * a retry that queues it to be read again by a worker from its kept raw bytes (a mail) or its path (a file). Retries
 * are audited.
 */
import type { FastifyInstance } from 'fastify';
import { identityKey } from '../../../core/identity.ts';
import type { QuarantineEntry } from '../../../store/quarantine.ts';
import { me, redirectWith, sendPage, type ConsoleDeps } from '../context.ts';
import { humanTime, timeView } from '../format.ts';

export function registerQuarantine(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;

  app.get('/console/quarantine', async (req, reply) => {
    const entries = await services.quarantine.list(200);
    const tz = me(req).viewer.tz;
    const rows = entries.map((e) => {
      const first = e.problems[0];
      return {
        cells: [
          { link: { href: `/console/quarantine/${encodeURIComponent(e.id)}`, text: e.id.slice(0, 12) } },
          { time: timeView(e.at, tz, deps.now()) },
          e.partial ? 'partly stored' : 'rejected',
          e.name,
          first ? `${first.code}: ${first.message.slice(0, 200)}` : '',
        ],
      };
    });
    const table = rows.length ? { cls: 'quarantine', columns: [{ label: 'Id' }, { label: `When (${tz})`, cls: 'when' }, { label: 'Status' }, { label: 'Input' }, { label: 'First problem', cls: 'wide' }], rows } : null;
    return sendPage(req, reply, { title: 'Quarantine', active: 'quarantine' }, deps.views.render('quarantine', { table }));
  });

  app.get<{ Params: { id: string } }>('/console/quarantine/:id', async (req, reply) => {
    const e = await services.quarantine.get(req.params.id);
    if (!e) return sendPage(req, reply, { title: 'Not in the quarantine', active: 'quarantine' }, deps.views.render('message', { text: 'Nothing in the quarantine has this id (it may have been retried successfully).' }), 404);
    const raw = e.rawId ? await services.raw.meta(e.rawId) : null;
    const facts = [
      ['Id', e.id],
      ['When', `${humanTime(e.at, me(req).viewer.tz)} (${me(req).viewer.tz})`],
      ['Status', e.partial ? 'partly stored' : 'nothing stored'],
      ...(raw ? [['Raw message', `${raw.size} bytes${raw.kept ? ', kept' : ', not kept (over the size limit)'}, ${raw.attempts} attempt(s), from ${JSON.stringify(raw.origin)}`]] : []),
      ...(e.path ? [['File', e.path]] : []),
    ];
    const retry = me(req).viewer.secretariat && (e.rawId || e.path) ? { action: `/console/quarantine/${encodeURIComponent(e.id)}/retry`, label: 'Retry', csrf: reply.generateCsrf() } : null;
    const body = deps.views.render('quarantine-entry', { facts, problems: e.problems, retry });
    return sendPage(req, reply, { title: e.name, active: 'quarantine' }, body);
  });

  app.post<{ Params: { id: string } }>('/console/quarantine/:id/retry', async (req, reply) => {
    const s = me(req);
    const e: QuarantineEntry | null = await services.quarantine.get(req.params.id);
    if (!e) return sendPage(req, reply, { title: 'Not in the quarantine', active: 'quarantine' }, deps.views.render('message', { text: 'Nothing in the quarantine has this id.' }), 404);
    if (!s.viewer.secretariat) {
      await services.audit.record({ who: identityKey(s.who), action: 'quarantine.retry.refused', target: e.id, result: 'refused', details: { reason: 'not-secretariat' } });
      return sendPage(req, reply, { title: 'Only the secretariat can retry', active: 'quarantine' }, deps.views.render('message', { text: 'This attempt has been recorded in the audit log.' }), 403);
    }
    if (!e.rawId && !e.path) {
      return sendPage(req, reply, { title: 'Nothing to retry from', active: 'quarantine' }, deps.views.render('message', { text: 'Neither the raw message nor a file path was kept for this entry.' }), 409);
    }
    // Read again by a worker, through the queue like any mail: never in this process, which serves the console.
    const retry = Date.now();
    const jobId = await services.queueIngest(e.rawId ? { rawId: e.rawId, retry } : { path: e.path ?? '', retry });
    await services.audit.record({ who: identityKey(s.who), action: 'quarantine.retried', target: e.id, result: 'queued', details: { job: jobId } });
    return redirectWith(req, reply, `/console/quarantine/${encodeURIComponent(e.id)}`, {
      kind: 'ok',
      text: `${e.name}: queued to be read again by a worker. It leaves the quarantine if it is read in full; reload this page to see.`,
    });
  });
}
