/**
 * Scheduled reminders: the delayed jobs of the reminder queue (BullMQ), soonest first — when each goes out (in the
 * viewer's zone, with how far off it is), to whom (the roster name), about which deadline — and how many plans and
 * digests wait. A reminder its recipient has marked as done is left out (the worker would skip it), and the page says
 * how many. The secretariat sees everyone's; anyone else sees only their own (a reminder names its recipient's
 * address). For the secretariat, "Send a test reminder now" queues a copy of the next reminder to go out at once (the
 * scheduled one still goes at its time): the demo shows a reminder mail in the outbox without touching Bull Board.
 * Audited (`reminder.test`).
 */
import type { FastifyInstance } from 'fastify';
import { identityKey } from '../../../core/identity.ts';
import { CATEGORY_LABELS } from '../../../core/labels.ts';
import { formatDeadline } from '../../../core/time.ts';
import { DIGEST_QUEUE, PLAN_QUEUE } from '../../../reminders/payload.ts';
import { pendingReminders, reminderKindText, sendTestReminder, testable } from '../../../reminders/pending.ts';
import { me, redirectWith, sendPage, type ConsoleDeps } from '../context.ts';
import { People, timeView } from '../format.ts';

const SHOWN = 300;

export function registerReminders(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;

  app.get('/console/reminders', async (req, reply) => {
    const s = me(req);
    const tz = s.viewer.tz;
    const now = deps.now();
    const jobs = services.jobs();
    // Anyone but the secretariat sees only what is sent to them.
    const own = s.viewer.secretariat ? {} : { recipient: `person:${s.person?.id ?? s.who.id}` };
    const [{ pending, total, acknowledged }, plans, digests] = await Promise.all([
      pendingReminders(services.reminders, { limit: SHOWN, ...own }),
      jobs.queue({ name: PLAN_QUEUE }).getJobCounts('wait', 'active', 'delayed', 'failed'),
      jobs.queue({ name: DIGEST_QUEUE }).getJobCounts('wait', 'delayed', 'failed'),
    ]);
    const people = new People(services.roster);
    const rows = await Promise.all(
      pending.map(async ({ at, payload: p, record: rec }) => ({
        cells: [
          { time: timeView(at, tz, now) },
          { person: await people.name(p.recipient) },
          reminderKindText(p),
          rec ? { lines: [`${rec.group ? `${rec.group}: ` : ''}${CATEGORY_LABELS[rec.category]}`, rec.action], small: `due ${formatDeadline(rec, tz)}` } : { muted: 'a deadline no longer known' },
          rec ? { link: { href: `/console/documents/${rec.docId}`, text: rec.source.reference ?? rec.source.title ?? rec.docId.slice(0, 12) } } : '',
        ],
      })),
    );
    const table = rows.length ? { cls: 'reminders', columns: [{ label: `Goes out (${tz})`, cls: 'when' }, { label: 'To' }, { label: 'Kind' }, { label: 'Deadline', cls: 'wide' }, { label: 'Source' }], rows } : null;
    const left = acknowledged ? ` · ${acknowledged} left out: their recipient marked the deadline as done` : '';
    const counts = `${pending.length} reminder${pending.length === 1 ? '' : 's'} to go out${left} · plans: ${plans['wait'] ?? 0} waiting, ${plans['active'] ?? 0} running, ${plans['failed'] ?? 0} failed · digests: ${digests['delayed'] ?? 0} scheduled, ${digests['failed'] ?? 0} failed`;
    const test = s.viewer.secretariat && pending.some((p) => p.payload.type === 'reminder') ? { action: '/console/reminders/test', label: 'Send a test reminder now', csrf: reply.generateCsrf(), cls: 'primary' } : null;
    const body = deps.views.render('reminders', { counts, test, table, more: s.viewer.secretariat && total > SHOWN ? { shown: SHOWN, total } : null, own: !s.viewer.secretariat });
    return sendPage(req, reply, { title: s.viewer.secretariat ? 'Scheduled reminders' : 'Your scheduled reminders', active: 'reminders' }, body);
  });

  app.post('/console/reminders/test', async (req, reply) => {
    const s = me(req);
    if (!s.viewer.secretariat) {
      await services.audit.record({ who: identityKey(s.who), action: 'reminder.test', target: 'reminders', result: 'refused', details: { reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can send a test reminder', active: 'reminders' }, deps.views.render('message', { text: 'This attempt has been recorded in the audit log.' }), 403);
    }
    const { pending } = await pendingReminders(services.reminders, { limit: 50 });
    const next = pending.find(testable);
    const payload = next ? await sendTestReminder(services.reminders, next) : null;
    if (!next?.record || !payload) {
      return redirectWith(req, reply, '/console/reminders', { kind: 'error', text: 'No reminder is scheduled, so there is none to send as a test.' });
    }
    const people = new People(services.roster);
    const to = await people.name(payload.recipient);
    await services.audit.record({ who: identityKey(s.who), action: 'reminder.test', target: payload.recipient, result: 'queued', details: { deadlineKey: payload.deadlineKey, docId: next.record.docId } });
    return redirectWith(req, reply, '/console/reminders', {
      kind: 'ok',
      text: `Test reminder queued: ${to.name} is reminded now of "${next.record.action}" (${CATEGORY_LABELS[next.record.category]}, due ${formatDeadline(next.record, s.viewer.tz)}). Open the outbox in a few seconds to see the mail.`,
    });
  });
}
