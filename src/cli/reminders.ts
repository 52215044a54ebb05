/**
 * `sgbot reminders`: the reminders still to go out, soonest first, each time in the reader's zone with UTC beside
 * it; `--as PERSON` shows one person's, in their roster zone; `--send-now ID` sends a test copy of one at once (the
 * scheduled one still goes at its time), so a demo shows a reminder mail without waiting for its day or opening
 * Bull Board. Test sends are audited as `reminder.test` by `cli:operator`.
 */
import { Command } from 'commander';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { SgbotError } from '../core/errors.ts';
import { formatDeadline, resolveZone } from '../core/time.ts';
import type { Services } from '../main.ts';
import { formatSendTime, pendingReminders, reminderKindText, sendTestReminder, testable, type PendingReminder } from '../reminders/pending.ts';
import { REMINDER_QUEUE } from '../reminders/payload.ts';
import type { CliIO } from './io.ts';

type WithServices = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

interface Options {
  as?: string;
  tz?: string;
  limit: string;
  sendNow?: string;
  json?: boolean;
}

/** "person:ana@example.org" → "Ana Silva <ana@example.org>"; channels and lists as they are. */
async function recipientName(s: Services, key: string): Promise<string> {
  const m = /^person:(.+)$/.exec(key);
  if (!m?.[1]) return key.replace(/^mail:/, '');
  const person = await s.roster.get(m[1]).catch(() => null);
  return person ? `${person.name} <${m[1]}>` : m[1];
}

function deadlineText(r: PendingReminder, zone: string): string {
  const rec = r.record;
  if (!rec) return 'a deadline no longer known';
  const what = `${rec.group ? `${rec.group}: ` : ''}${CATEGORY_LABELS[rec.category]} — ${rec.action}`;
  const source = rec.source.reference ?? rec.source.title ?? rec.docId.slice(0, 12);
  return `${what}\n  due ${formatDeadline(rec, zone)}\n  source ${source}${rec.withdrawn !== undefined ? ' (withdrawn)' : ''}`;
}

/** The `reminders` command. */
export function remindersCommand(io: CliIO, withServices: WithServices): Command {
  return new Command('reminders')
    .description('The reminders still to go out, soonest first; --send-now ID sends a test copy of one at once.')
    .option('--as <person>', "only this roster person's reminders (their email), times in their zone")
    .option('--tz <zone>', 'show times in this zone, an IANA name or a city (default: the person\'s zone with --as, else SGBOT_TZ)')
    .option('--limit <n>', 'list at most this many', '20')
    .option('--send-now <id>', 'send a test copy of this reminder now (an id from the list, or "next")')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      [
        '',
        'A worker (`sgbot worker`, or `sgbot start`) sends what is due; with no SMTP_URL the mail lands in the outbox',
        '(console → outbox). Reminders marked as done by their recipient are left out.',
        'Examples:',
        '  sgbot reminders',
        '  sgbot reminders --as ana@example.org',
        '  sgbot reminders --send-now next',
      ].join('\n'),
    )
    .action((opts: Options) =>
      withServices(async (s) => {
        const person = opts.as ? await s.roster.get(opts.as.trim().toLowerCase()) : null;
        if (opts.as && !person) throw new SgbotError('E_NOT_FOUND', `No one in the roster has the id "${opts.as}". See: sgbot roster list`);
        const asked = opts.tz ? resolveZone(opts.tz) : null;
        if (opts.tz && !asked) throw new SgbotError('E_USAGE', `"${opts.tz}" is not a time zone: use an IANA name such as Europe/Zurich or Asia/Tokyo.`);
        const zone = asked ?? person?.tz ?? s.config.SGBOT_TZ;
        const limit = Math.max(1, Math.min(1000, Number(opts.limit) || 20));
        const deps = s.reminders;

        if (opts.sendNow !== undefined) {
          const wanted = opts.sendNow.trim();
          const { pending } = await pendingReminders(deps, { limit: wanted === 'next' ? 50 : 100_000, ...(person ? { recipient: `person:${person.id}` } : {}) });
          const chosen = wanted === 'next' ? pending.find(testable) : pending.find((r) => r.id === wanted);
          if (!chosen) {
            throw new SgbotError(
              'E_NOT_FOUND',
              wanted === 'next' ? 'No reminder is scheduled, so there is none to send as a test.' : `No scheduled reminder has the id "${wanted}". List them with: sgbot reminders`,
            );
          }
          const sent = await sendTestReminder(deps, chosen);
          if (!sent) throw new SgbotError('E_USAGE', `Reminder ${chosen.id} cannot be sent as a test: it is ${chosen.payload.type === 'reminder' ? 'about a withdrawn or unknown deadline' : `a ${reminderKindText(chosen.payload)}`}. Pick a reminder from: sgbot reminders`);
          const to = await recipientName(s, chosen.payload.recipient);
          await s.audit.record({ who: 'cli:operator', action: 'reminder.test', target: chosen.payload.recipient, result: 'queued', details: { deadlineKey: chosen.payload.deadlineKey, docId: chosen.record?.docId ?? null, job: chosen.id } });
          const workers = await s.jobs().queue({ name: REMINDER_QUEUE }).getWorkersCount().catch(() => 0);
          const where = s.config.SMTP_URL ? 'by mail' : 'to the outbox (no SMTP_URL is set: see it in the console → outbox)';
          if (opts.json) return io.out(JSON.stringify({ queued: true, recipient: chosen.payload.recipient, deadlineKey: chosen.payload.deadlineKey, workers }, null, 2));
          io.out(
            `Test reminder queued: ${to} is reminded now of "${chosen.record?.action ?? ''}". It goes ${where}` +
              (workers > 0 ? ' within seconds.' : '\nNo worker is running: start one with `sgbot worker` (or `sgbot start`) and it goes out then.'),
          );
          return;
        }

        const list = await pendingReminders(deps, { limit, ...(person ? { recipient: `person:${person.id}` } : {}) });
        if (opts.json) {
          return io.out(
            JSON.stringify(
              list.pending.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), recipient: r.payload.recipient, kind: reminderKindText(r.payload), deadline: r.record })),
              null,
              2,
            ),
          );
        }
        if (list.pending.length === 0) {
          const left = list.acknowledged ? ` (${list.acknowledged} left out: marked as done)` : '';
          return io.out(`${person ? `No reminder is scheduled for ${person.name}` : 'No reminder is scheduled'}${left}. Reminders are planned when a document with a deadline is ingested (sgbot ingest FILE).`);
        }
        const lines: string[] = [];
        for (const r of list.pending) {
          lines.push(`${formatSendTime(r.at, zone)}\n  to ${await recipientName(s, r.payload.recipient)} · ${reminderKindText(r.payload)}\n  about ${deadlineText(r, zone)}\n  id ${r.id}`);
        }
        const shown = list.pending.length;
        const more = person ? '' : list.total - list.acknowledged > shown ? `\nShowing ${shown} of ${list.total - list.acknowledged}: --limit N shows more.` : '';
        const left = list.acknowledged ? `\n${list.acknowledged} left out: their recipient marked the deadline as done.` : '';
        io.out(`Reminders to go out, times in ${zone}:\n\n${lines.join('\n\n')}\n${more}${left}\nSend one now as a test: sgbot reminders --send-now ID (or next)`);
      }),
    );
}
