/**
 * Compare a parser result with a fixture's `NAME.expected.json` (a partial description written by hand: see
 * test/fixtures/docs/README.md). Returns the list of mismatches, empty when the result satisfies the expectation.
 */
import type { ParsedDocument } from '../../src/core/types.ts';

type Expected = Record<string, unknown>;

function eq(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function mismatches(got: ParsedDocument, exp: Expected): string[] {
  const out: string[] = [];
  for (const key of ['kind', 'group', 'date', 'reference', 'revision', 'title'] as const) {
    if (key in exp && !eq(got[key], exp[key])) out.push(`${key}: expected ${JSON.stringify(exp[key])}, got ${JSON.stringify(got[key])}`);
  }
  if ('meeting' in exp) {
    const em = exp['meeting'] as Record<string, string> | null;
    if (em === null) {
      if (got.meeting !== null) out.push(`meeting: expected null, got ${JSON.stringify(got.meeting)}`);
    } else if (!got.meeting) out.push('meeting: expected one, got null');
    else {
      for (const k of ['group', 'start', 'end'] as const) if (k in em && got.meeting[k] !== em[k]) out.push(`meeting.${k}: expected ${em[k]}, got ${got.meeting[k]}`);
      if (em['place'] && !(got.meeting.place ?? '').toLowerCase().includes(em['place'].toLowerCase())) out.push(`meeting.place: expected ~${em['place']}, got ${got.meeting.place}`);
    }
  }
  if ('deadlines' in exp) {
    const want = (exp['deadlines'] as Array<Record<string, string | boolean | null>>).map((d) => `${String(d['date'])}|${String(d['category'])}|${String(d['time'] ?? null)}|${String(d['timezone'] ?? '')}|${String(d['derived'] ?? false)}`).sort();
    const have = got.deadlines.map((d) => `${d.date}|${d.category}|${d.time}|${d.timezone}|${d.derived}`).sort();
    const missing = want.filter((w) => !have.some((h) => h === w || (w.includes('||') && h.startsWith(w.split('||')[0] ?? ''))));
    const extra = have.filter((h) => !want.includes(h));
    if (missing.length) out.push(`deadlines missing: ${missing.join(', ')}`);
    if (extra.length) out.push(`deadlines extra: ${extra.join(', ')}`);
  }
  if ('events' in exp) {
    for (const e of exp['events'] as Array<Record<string, string>>) {
      const hit = got.events.find((g) => g.start === e['start'] && g.end === e['end'] && g.title.toLowerCase().includes((e['title_contains'] ?? '').toLowerCase()));
      if (!hit) out.push(`event missing: ${JSON.stringify(e)} (got ${got.events.map((g) => `${g.start}:${g.title}`).join(' | ')})`);
    }
  }
  // Further meetings the document names (another group's, a Question's own): each given must be there, as given.
  for (const e of (exp['more_meetings'] as Array<Record<string, string | null>> | undefined) ?? []) {
    const hit = (got.moreMeetings ?? []).find((g) => Object.entries(e).every(([k, v]) => (g as unknown as Record<string, unknown>)[k] === v));
    if (!hit) out.push(`further meeting missing: ${JSON.stringify(e)} (got ${JSON.stringify(got.moreMeetings ?? [])})`);
  }
  if ('liaison' in exp) {
    const el = exp['liaison'] as Record<string, unknown> | null;
    if (el === null) {
      if (got.liaison) out.push('liaison: expected null');
    } else if (!got.liaison) out.push('liaison: expected, got null');
    else {
      for (const k of ['from', 'to', 'cc', 'purpose', 'deadline', 'questions'] as const) {
        if (k in el && !eq(k === 'to' || k === 'cc' || k === 'questions' ? [...(got.liaison[k])].sort() : got.liaison[k], k === 'to' || k === 'cc' || k === 'questions' ? [...(el[k] as string[])].sort() : el[k]))
          out.push(`liaison.${k}: expected ${JSON.stringify(el[k])}, got ${JSON.stringify(got.liaison[k])}`);
      }

    }
  }
  const emails = (exp['contacts_emails'] ?? (exp['liaison'] as Record<string, unknown> | null)?.['contacts_emails']) as string[] | undefined;
  for (const e of emails ?? []) if (!(got.liaison?.contacts ?? []).some((c) => c.email === e)) out.push(`liaison contact missing: ${e}`);
  if ('roles' in exp) {
    for (const r of exp['roles'] as Array<Record<string, string>>) {
      if (!got.roles.some((g) => g.group === r['group'] && g.topic.toLowerCase().includes((r['topic_contains'] ?? '').toLowerCase())))
        out.push(`role missing: ${JSON.stringify(r)} (got ${JSON.stringify(got.roles)})`);
    }
  }
  for (const r of (exp['recommendations_include'] as Array<string | { id: string; ex: string }> | undefined) ?? []) {
    const id = typeof r === 'string' ? r : r.id;
    const hit = got.recommendations.find((g) => g.id === id);
    if (!hit) out.push(`recommendation missing: ${id}`);
    else if (typeof r !== 'string' && hit.ex !== r.ex) out.push(`recommendation ${id}: ex expected ${r.ex}, got ${hit.ex}`);
  }
  for (const q of (exp['questions_include'] as string[] | undefined) ?? []) {
    if (!got.questions.some((g) => g.id === q) && !(got.liaison?.questions ?? []).includes(q)) out.push(`question missing: ${q}`);
  }
  const json = JSON.stringify(got);
  for (const s of (exp['must_not_contain'] as string[] | undefined) ?? []) if (json.includes(s)) out.push(`must not contain: ${s}`);
  return out;
}
