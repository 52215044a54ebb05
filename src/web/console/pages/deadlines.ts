/**
 * Upcoming deadlines of a group (or all) as a list, and a month calendar with each deadline on its day and each
 * meeting on its days. Times are shown in the viewer's zone with the document's Geneva/UTC original beside them.
 */
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { canonicalGroup } from '../../../core/groups.ts';
import { CATEGORY_LABELS } from '../../../core/labels.ts';
import { formatDeadline } from '../../../core/time.ts';
import type { DeadlineFact, MeetingFact } from '../../../store/facts.ts';
import { monthGrid, parseMonth, type CalendarEntry } from '../calendar.ts';
import { me, query, sendPage, type ConsoleDeps } from '../context.ts';
import { qs } from '../layout.ts';

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** The calendar entries of deadlines and meetings, on their days in `tz`. */
export function calendarEntries(deadlines: readonly DeadlineFact[], meetings: readonly MeetingFact[], tz: string): CalendarEntry[] {
  const entries: CalendarEntry[] = deadlines.map((d) => {
    const local = DateTime.fromMillis(d.due, { zone: tz });
    return {
      day: local.toISODate() ?? d.date,
      text: `${d.time ? `${local.toFormat('HH:mm')} ` : ''}${d.group ? `${d.group} ` : ''}${CATEGORY_LABELS[d.category]}: ${clip(d.action, 60)}`,
      title: `${formatDeadline(d, tz)} — ${d.action} (${d.source.reference ?? d.source.title ?? 'source'})`,
      kind: 'deadline',
      href: `/console/documents/${d.source.docId}`,
    };
  });
  for (const m of meetings) {
    for (let day = DateTime.fromISO(m.start); day <= DateTime.fromISO(m.end) && day.isValid; day = day.plus({ days: 1 })) {
      entries.push({ day: day.toISODate() ?? m.start, text: `${m.question ?? m.group ?? ''} ${clip(m.title, 50)}`.trim(), title: `${m.title}${m.place ? `, ${m.place}` : ''} (${m.start} to ${m.end})`, kind: 'meeting', href: `/console/documents/${m.source.docId}` });
    }
  }
  return entries;
}

export function registerDeadlines(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/deadlines', async (req, reply) => {
    const { store } = deps.services;
    const q = query(req);
    const tz = me(req).viewer.tz;
    const group = q['group'] ? canonicalGroup(q['group']) : null;
    const now = deps.now();
    const nowLocal = DateTime.fromMillis(now, { zone: tz });
    const first = parseMonth(q['month'], tz) ?? nowLocal.startOf('month');
    const last = first.endOf('month');
    const scope = group ? { group } : {};
    const [groups, upcoming, inMonth, meetings] = await Promise.all([
      store.groupsWithDocuments(),
      store.deadlines(scope, now, 100),
      // A day of margin each side: a deadline's day in the viewer's zone may differ from its Geneva day.
      store.deadlines(scope, first.minus({ days: 1 }).toMillis(), 1000),
      store.meetings(group, first.minus({ days: 62 }).toMillis(), 200),
    ]);
    const monthDeadlines = inMonth.filter((d) => d.due <= last.plus({ days: 1 }).toMillis());
    const monthMeetings = meetings.filter((m) => m.start <= (last.toISODate() ?? '') && m.end >= (first.toISODate() ?? ''));
    const entries = calendarEntries(monthDeadlines, monthMeetings, tz);
    const link = (params: Record<string, string | null>) => `/console/deadlines${qs({ group, month: first.toFormat('yyyy-MM'), ...(q['tz'] ? { tz: q['tz'] } : {}), ...params })}`;
    const month = (m: DateTime) => ({ href: link({ month: m.toFormat('yyyy-MM') }), label: m.toFormat('LLLL') });
    const body = deps.views.render('deadlines', {
      groups,
      group,
      month: first.toFormat('yyyy-MM'),
      prev: month(first.minus({ months: 1 })),
      next: month(first.plus({ months: 1 })),
      monthLabel: first.toFormat('LLLL yyyy'),
      thisMonth: link({ month: nowLocal.toFormat('yyyy-MM') }),
      calendar: monthGrid(first, entries, nowLocal.toISODate() ?? ''),
      tz,
      upcoming: upcoming.map((d) => ({
        due: formatDeadline(d, tz),
        derived: d.derived,
        group: d.group,
        kind: CATEGORY_LABELS[d.category],
        action: d.action,
        docId: d.source.docId,
        source: d.source.reference ?? d.source.title ?? d.source.docId.slice(0, 12),
      })),
    });
    // A group that names none sgbot knows is said so, rather than silently showing every group's.
    const unknown = q['group'] && !group ? { kind: 'error' as const, text: `"${q['group']}" is not a study group sgbot knows (write it as SG20, TSAG or SG12RG-AFR); showing every group. Groups with documents: ${groups.join(', ') || 'none yet'}.` } : null;
    return sendPage(req, reply, { title: group ? `Deadlines of ${group}` : 'Deadlines', active: 'deadlines', ...(unknown ? { flash: unknown } : {}) }, body);
  });
}
