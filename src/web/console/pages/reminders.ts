/**
 * Scheduled reminders: the delayed jobs of the reminder queue (BullMQ), soonest first — when each fires (in the
 * viewer's zone), to whom, about which deadline — and how many plans and digests wait.
 */
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { CATEGORY_LABELS } from '../../../core/labels.ts';
import { formatDeadline } from '../../../core/time.ts';
import { readRecord, remKeys } from '../../../reminders/keys.ts';
import { DIGEST_QUEUE, PLAN_QUEUE, REMINDER_QUEUE, reminderPayload } from '../../../reminders/payload.ts';
import { me, sendPage, type ConsoleDeps } from '../context.ts';
import { h } from '../layout.ts';

const SHOWN = 300;

export function registerReminders(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/reminders', async (req, reply) => {
    const { services } = deps;
    const tz = me(req).viewer.tz;
    const jobs = services.jobs();
    const queue = jobs.queue({ name: REMINDER_QUEUE });
    const [delayed, total, plans, digests] = await Promise.all([
      queue.getDelayed(0, SHOWN - 1),
      queue.getDelayedCount(),
      jobs.queue({ name: PLAN_QUEUE }).getJobCounts('wait', 'active', 'delayed', 'failed'),
      jobs.queue({ name: DIGEST_QUEUE }).getJobCounts('wait', 'delayed', 'failed'),
    ]);
    const keys = remKeys(services.config.SGBOT_PREFIX);
    const records = new Map<string, Awaited<ReturnType<typeof readRecord>>>();
    const rows: Array<{ at: number; html: string }> = [];
    for (const job of delayed) {
      const parsed = reminderPayload.safeParse(job.data);
      if (!parsed.success) continue;
      const p = parsed.data;
      if (!records.has(p.deadlineKey)) records.set(p.deadlineKey, await readRecord(services.redis, keys, p.deadlineKey));
      const rec = records.get(p.deadlineKey) ?? null;
      const at = job.timestamp + (job.delay ?? 0);
      const kind = p.type === 'reminder' ? `reminder (${p.offset} before)` : p.type === 'escalation' ? 'escalation to the chair' : 'change notice';
      const what = rec ? `${rec.group ? `${rec.group}: ` : ''}${CATEGORY_LABELS[rec.category]} — ${rec.action}` : p.deadlineKey;
      const due = rec ? formatDeadline(rec, tz) : '';
      const source = rec ? `<a href="/console/documents/${h(rec.docId)}">${h(rec.source.reference ?? rec.source.title ?? rec.docId.slice(0, 12))}</a>` : '';
      rows.push({ at, html: `<tr><td>${h(DateTime.fromMillis(at, { zone: tz }).toFormat('ccc d LLL yyyy, HH:mm'))}</td><td>${h(p.recipient)}</td><td>${h(kind)}</td><td>${h(what)}<br><small>due ${h(due)}</small></td><td>${source}</td></tr>` });
    }
    rows.sort((a, b) => a.at - b.at);
    const table = rows.length
      ? `<table class="reminders"><thead><tr><th>Sends (${h(tz)})</th><th>To</th><th>Kind</th><th>Deadline</th><th>Source</th></tr></thead><tbody>${rows.map((r) => r.html).join('')}</tbody></table>`
      : '<p class="muted">No reminder is scheduled.</p>';
    const more = total > SHOWN ? `<p class="muted">Showing ${SHOWN} of ${total}; see all in the <a href="/console/queues">queues</a>.</p>` : '';
    const counts = `<p class="muted">${total} reminder(s) scheduled · plans: ${plans['wait'] ?? 0} waiting, ${plans['active'] ?? 0} running, ${plans['failed'] ?? 0} failed · digests: ${digests['delayed'] ?? 0} scheduled, ${digests['failed'] ?? 0} failed</p>`;
    return sendPage(req, reply, { title: 'Scheduled reminders', active: 'reminders' }, `${counts}${table}${more}`);
  });
}
