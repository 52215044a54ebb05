/**
 * Scheduled reminders: the delayed jobs of the reminder queue (BullMQ), soonest first — when each goes out (in the
 * viewer's zone, with how far off it is), to whom (the roster name), about which deadline — and how many plans and
 * digests wait. A reminder its recipient has marked as done, or whose recipient stopped reminder mail, is left out
 * (the worker would skip it), and the page says how many. For the secretariat, "Send a test reminder now" queues a
 * copy of the next reminder to go out at once (the scheduled one still goes at its time): the demo shows a reminder
 * mail in the outbox without touching Bull Board. Audited (`reminder.test`).
 */
import type { FastifyInstance } from 'fastify';
import { identityKey } from '../../../core/identity.ts';
import { CATEGORY_LABELS } from '../../../core/labels.ts';
import { formatDeadline } from '../../../core/time.ts';
import { readRecord, remKeys, type DeadlineRecord } from '../../../reminders/keys.ts';
import { DIGEST_QUEUE, PLAN_QUEUE, REMINDER_QUEUE, reminderPayload, type ReminderPayload } from '../../../reminders/payload.ts';
import { addReminderJobs } from '../../../reminders/schedule.ts';
import { me, redirectWith, sendPage, type ConsoleDeps } from '../context.ts';
import { People, timeView } from '../format.ts';

const SHOWN = 300;

/** A scheduled reminder job that will be sent. */
interface Pending {
  at: number;
  payload: ReminderPayload;
  record: DeadlineRecord | null;
}

/** The reminder jobs still wanted, soonest first, and how many were left out (done, or mail stopped). */
async function pendingReminders(deps: ConsoleDeps, limit = SHOWN): Promise<{ pending: Pending[]; total: number; acknowledged: number }> {
  const { services } = deps;
  const queue = services.jobs().queue({ name: REMINDER_QUEUE });
  const [delayed, total] = await Promise.all([queue.getDelayed(0, limit - 1), queue.getDelayedCount()]);
  const keys = remKeys(services.config.SGBOT_PREFIX);
  const records = new Map<string, Promise<DeadlineRecord | null>>();
  const recordOf = (dk: string) => {
    let r = records.get(dk);
    if (!r) records.set(dk, (r = readRecord(services.redis, keys, dk)));
    return r;
  };
  const pending: Pending[] = [];
  let acknowledged = 0;
  for (const job of delayed) {
    const parsed = reminderPayload.safeParse(job.data);
    if (!parsed.success) continue;
    const p = parsed.data;
    // Marked as done by its recipient: the worker skips it when it fires, so it is not listed.
    if (p.type === 'reminder' && (await services.redis.hexists(keys.acks(p.deadlineKey), p.recipient)) === 1) {
      acknowledged++;
      continue;
    }
    pending.push({ at: job.timestamp + (job.delay ?? 0), payload: p, record: await recordOf(p.deadlineKey) });
  }
  pending.sort((a, b) => a.at - b.at);
  return { pending, total, acknowledged };
}

function kindText(p: ReminderPayload): string {
  if (p.type === 'change') return 'change notice';
  if (p.type === 'escalation') return 'escalation to the chair';
  if (p.offset === 'snz') return 'snoozed reminder';
  const days = /^(\d+)d$/.exec(p.offset)?.[1];
  return days === undefined ? `reminder (${p.offset})` : days === '0' ? 'reminder on the day' : `reminder ${days} day${days === '1' ? '' : 's'} before`;
}

export function registerReminders(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;

  app.get('/console/reminders', async (req, reply) => {
    const s = me(req);
    const tz = s.viewer.tz;
    const now = deps.now();
    const jobs = services.jobs();
    const [{ pending, total, acknowledged }, plans, digests] = await Promise.all([
      pendingReminders(deps),
      jobs.queue({ name: PLAN_QUEUE }).getJobCounts('wait', 'active', 'delayed', 'failed'),
      jobs.queue({ name: DIGEST_QUEUE }).getJobCounts('wait', 'delayed', 'failed'),
    ]);
    const people = new People(services.roster);
    const rows = await Promise.all(
      pending.map(async ({ at, payload: p, record: rec }) => ({
        cells: [
          { time: timeView(at, tz, now) },
          { person: await people.name(p.recipient) },
          kindText(p),
          rec ? { lines: [`${rec.group ? `${rec.group}: ` : ''}${CATEGORY_LABELS[rec.category]}`, rec.action], small: `due ${formatDeadline(rec, tz)}` } : { muted: 'a deadline no longer known' },
          rec ? { link: { href: `/console/documents/${rec.docId}`, text: rec.source.reference ?? rec.source.title ?? rec.docId.slice(0, 12) } } : '',
        ],
      })),
    );
    const table = rows.length ? { cls: 'reminders', columns: [{ label: `Goes out (${tz})`, cls: 'when' }, { label: 'To' }, { label: 'Kind' }, { label: 'Deadline', cls: 'wide' }, { label: 'Source' }], rows } : null;
    const left = acknowledged ? ` · ${acknowledged} left out: their recipient marked the deadline as done` : '';
    const counts = `${pending.length} reminder${pending.length === 1 ? '' : 's'} to go out${left} · plans: ${plans['wait'] ?? 0} waiting, ${plans['active'] ?? 0} running, ${plans['failed'] ?? 0} failed · digests: ${digests['delayed'] ?? 0} scheduled, ${digests['failed'] ?? 0} failed`;
    const test = s.viewer.secretariat && pending.some((p) => p.payload.type === 'reminder') ? { action: '/console/reminders/test', label: 'Send a test reminder now', csrf: reply.generateCsrf(), cls: 'primary' } : null;
    const body = deps.views.render('reminders', { counts, test, table, more: total > SHOWN ? { shown: SHOWN, total } : null });
    return sendPage(req, reply, { title: 'Scheduled reminders', active: 'reminders' }, body);
  });

  app.post('/console/reminders/test', async (req, reply) => {
    const s = me(req);
    if (!s.viewer.secretariat) {
      await services.audit.record({ who: identityKey(s.who), action: 'reminder.test', target: 'reminders', result: 'refused', details: { reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can send a test reminder', active: 'reminders' }, deps.views.render('message', { text: 'This attempt has been recorded in the audit log.' }), 403);
    }
    const { pending } = await pendingReminders(deps, 50);
    const next = pending.find((p) => p.payload.type === 'reminder' && p.record && p.record.withdrawn === undefined);
    if (!next || next.payload.type !== 'reminder' || !next.record) {
      return redirectWith(req, reply, '/console/reminders', { kind: 'error', text: 'No reminder is scheduled, so there is none to send as a test.' });
    }
    const at = Date.now();
    const payload: ReminderPayload = { ...next.payload, offset: 'test', at };
    await addReminderJobs(services.reminders, [{ payload, at }]);
    const people = new People(services.roster);
    const to = await people.name(payload.recipient);
    await services.audit.record({ who: identityKey(s.who), action: 'reminder.test', target: payload.recipient, result: 'queued', details: { deadlineKey: payload.deadlineKey, docId: next.record.docId } });
    return redirectWith(req, reply, '/console/reminders', {
      kind: 'ok',
      text: `Test reminder queued: ${to.name} is reminded now of "${next.record.action}" (${CATEGORY_LABELS[next.record.category]}, due ${formatDeadline(next.record, s.viewer.tz)}). Open the outbox in a few seconds to see the mail.`,
    });
  });
}
