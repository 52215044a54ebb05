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
import { h, qs } from '../layout.ts';

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function sourceLink(d: DeadlineFact | MeetingFact): string {
  return `<a href="/console/documents/${h(d.source.docId)}">${h(d.source.reference ?? d.source.title ?? d.source.docId.slice(0, 12))}</a>`;
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
      entries.push({ day: day.toISODate() ?? m.start, text: `${m.group ?? ''} ${clip(m.title, 50)}`.trim(), title: `${m.title}${m.place ? `, ${m.place}` : ''} (${m.start} to ${m.end})`, kind: 'meeting', href: `/console/documents/${m.source.docId}` });
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
    const picker = `<form method="get" action="/console/deadlines" class="inline"><label for="group">Group</label>
<select id="group" name="group"><option value="">All groups</option>${groups.map((g) => `<option${g === group ? ' selected' : ''}>${h(g)}</option>`).join('')}</select>
<input type="hidden" name="month" value="${first.toFormat('yyyy-MM')}"> <button type="submit">Show</button></form>`;
    const nav = `<p><a href="${h(link({ month: first.minus({ months: 1 }).toFormat('yyyy-MM') }))}" rel="prev">← ${h(first.minus({ months: 1 }).toFormat('LLLL'))}</a> · <strong>${h(first.toFormat('LLLL yyyy'))}</strong> · <a href="${h(link({ month: first.plus({ months: 1 }).toFormat('yyyy-MM') }))}" rel="next">${h(first.plus({ months: 1 }).toFormat('LLLL'))} →</a> · <a href="${h(link({ month: nowLocal.toFormat('yyyy-MM') }))}">this month</a></p>`;
    const rows = upcoming.map(
      (d) => `<tr><td>${h(formatDeadline(d, tz))}${d.derived ? ' <small>(derived from a rule)</small>' : ''}</td><td>${h(d.group ?? '—')}</td><td>${h(CATEGORY_LABELS[d.category])}</td><td>${h(d.action)}</td><td>${sourceLink(d)}</td></tr>`,
    );
    const list = rows.length
      ? `<table class="deadlines"><thead><tr><th>Due (${h(tz)})</th><th>Group</th><th>Kind</th><th>What</th><th>Source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="muted">No upcoming deadlines.</p>';
    const feed = group ? `<p class="muted">Public calendar feed: <a href="/ical/${encodeURIComponent(group)}.ics">/ical/${h(group)}.ics</a></p>` : '';
    const body = `${picker}${feed}<h2>Calendar${group ? ` of ${h(group)}` : ''}</h2>${nav}${monthGrid(first, entries, nowLocal.toISODate() ?? '')}
<h2>Upcoming deadlines${group ? ` of ${h(group)}` : ''}</h2>${list}`;
    return sendPage(req, reply, { title: group ? `Deadlines of ${group}` : 'Deadlines', active: 'deadlines' }, body);
  });
}
