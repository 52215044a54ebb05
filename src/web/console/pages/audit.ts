/** The audit log, newest first, optionally only the actions starting with a prefix (`broadcast.`, `fact.`…). */
import type { FastifyInstance } from 'fastify';
import { query, sendPage, type ConsoleDeps } from '../context.ts';
import { h } from '../layout.ts';

export function registerAudit(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/audit', async (req, reply) => {
    const action = (query(req)['action'] ?? '').trim().slice(0, 60);
    const entries = await deps.services.audit.latest(300, action || undefined);
    const filter = `<form method="get" action="/console/audit"><label for="action">Actions starting with</label><input type="text" id="action" name="action" value="${h(action)}" placeholder="broadcast. / fact. / reminder. / web."> <button type="submit">Filter</button></form>`;
    const rows = entries.map(
      (e) =>
        `<tr><td>${h(e.at)}</td><td>${h(e.who)}</td><td>${h(e.action)}</td><td>${h(e.target)}</td><td>${h(e.result)}</td><td><small>${h(JSON.stringify(e.details ?? {}).slice(0, 400))}</small></td></tr>`,
    );
    const table = rows.length ? `<table class="audit"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Target</th><th>Result</th><th>Details</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p class="muted">Nothing recorded.</p>';
    return sendPage(req, reply, { title: 'Audit log', active: 'audit' }, `${filter}${table}`);
  });
}
