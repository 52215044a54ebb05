/**
 * The secretariat's forms to add a fact the parser missed to a document: a deadline, the meeting (when it gives
 * none), a side event or briefing of its meeting, the meeting's opening time (when it gives none); and the list of
 * facts added so far, each with a button to take it back. The facts are stored as corrections
 * (src/store/corrections.ts, `addFact`), so they outlive a new ingest or parse of the document.
 */
import { DEADLINE_CATEGORIES } from '../../core/types.ts';
import { CATEGORY_LABELS } from '../../core/labels.ts';
import type { StoredDocument } from '../../core/facts.ts';
import type { AddedFactRecord } from '../../store/correction-fields.ts';
import { csrfField, h } from './layout.ts';

/** The kinds of fact a form adds, in the order the forms are shown. */
export const ADD_KINDS = ['deadline', 'meeting', 'event', 'opening'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

/** A form shown again after it was refused: what was posted, and why it was refused. */
export interface AddProblem {
  kind: AddKind;
  values: Record<string, string>;
  message: string;
}

/** The zone the document's times are in: its deadlines', its meeting's, or Geneva's. */
export function documentZone(doc: StoredDocument): string {
  return doc.parsed.deadlines[0]?.timezone ?? doc.parsed.meeting?.timezone ?? 'Europe/Zurich';
}

const LEGENDS: Record<AddKind, string> = { deadline: 'Add a deadline', meeting: 'Add a meeting', event: 'Add a side event or briefing', opening: 'Add the opening time' };

/** What an added fact is, in words, for the list of added facts. */
export const ADDED_KIND_LABELS: Record<AddedFactRecord['kind'], string> = { deadline: 'Deadline', meeting: 'Meeting', event: 'Side event', opening: 'Opening time' };

interface FormCtx {
  doc: StoredDocument;
  csrf: string;
  problem: AddProblem | null;
  groups: readonly string[];
  zones: readonly string[];
}

function valueOf(ctx: FormCtx, kind: AddKind, name: string, fallback = ''): string {
  return ctx.problem?.kind === kind ? (ctx.problem.values[name] ?? '') : fallback;
}

/** One labelled control of an add form (`id` is `add-<kind>-<name>`). */
function control(ctx: FormCtx, kind: AddKind, name: string, label: string, type: 'text' | 'date' | 'time', opts: { required?: boolean; span?: boolean; fallback?: string; hint?: string } = {}): string {
  const id = `add-${kind}-${name}`;
  const hint = opts.hint ? ` <span class="now">(${h(opts.hint)})</span>` : '';
  return `<div${opts.span ? ' class="span"' : ''}><label for="${id}">${h(label)}${hint}</label><input type="${type}" id="${id}" name="${name}" value="${h(valueOf(ctx, kind, name, opts.fallback))}"${opts.required ? ' required' : ''}${type === 'text' ? ' maxlength="500"' : ''}></div>`;
}

function select(ctx: FormCtx, kind: AddKind, name: string, label: string, options: ReadonlyArray<readonly [string, string]>, fallback: string): string {
  const id = `add-${kind}-${name}`;
  const v = valueOf(ctx, kind, name, fallback);
  return `<div><label for="${id}">${h(label)}</label><select id="${id}" name="${name}">${options.map(([value, text]) => `<option value="${h(value)}"${value === v ? ' selected' : ''}>${h(text)}</option>`).join('')}</select></div>`;
}

function zoneSelect(ctx: FormCtx, kind: AddKind): string {
  const docZone = documentZone(ctx.doc);
  return select(ctx, kind, 'timezone', 'Time zone', ctx.zones.map((z) => [z, z === docZone ? `${z} (the document's)` : z] as const), docZone);
}

function addForm(ctx: FormCtx, kind: AddKind, inner: string, note: string): string {
  const problem = ctx.problem?.kind === kind ? `<p class="flash error" role="alert" id="add-${kind}-problem">${h(ctx.problem.message)} Nothing was added.</p>` : '';
  return `<form method="post" action="/console/documents/${h(ctx.doc.id)}/add" class="fact-group add-fact" data-add="${kind}" id="add-${kind}">${csrfField(ctx.csrf)}<input type="hidden" name="kind" value="${kind}"><fieldset><legend>${h(LEGENDS[kind])}</legend>${problem}${note ? `<p class="muted">${note}</p>` : ''}<div class="grid">${inner}
<div class="span"><label for="add-${kind}-reason">Why <span class="now">(optional, kept in the audit log)</span></label><input type="text" id="add-${kind}-reason" name="reason" maxlength="500" value="${h(valueOf(ctx, kind, 'reason'))}" placeholder="for example: announced at the opening plenary"></div></div>
<p class="actions"><button type="submit" class="primary">${h(LEGENDS[kind])}</button></p></fieldset></form>`;
}

/**
 * The add forms that fit the document: a deadline always; a meeting when it gives none; a side event and (when the
 * meeting has none) the opening time when it gives one. A refused form comes back with what was posted and why.
 */
export function addFactForms(doc: StoredDocument, opts: { csrf: string; groups: readonly string[]; viewerTz: string; problem: AddProblem | null }): string {
  const zones = [...new Set([documentZone(doc), 'Europe/Zurich', 'UTC', opts.viewerTz, ...(opts.problem?.values['timezone'] ? [opts.problem.values['timezone']] : [])])];
  const ctx: FormCtx = { doc, csrf: opts.csrf, problem: opts.problem, groups: opts.groups, zones };
  const group = doc.parsed.group;
  const meeting = doc.parsed.meeting;
  const out: string[] = [];
  const categories = DEADLINE_CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]] as const);
  out.push(
    addForm(
      ctx,
      'deadline',
      [
        control(ctx, 'deadline', 'date', 'Date', 'date', { required: true }),
        control(ctx, 'deadline', 'time', 'Time', 'time', { hint: 'empty: end of the day' }),
        zoneSelect(ctx, 'deadline'),
        select(ctx, 'deadline', 'category', 'Kind', categories, 'contributions'),
        control(ctx, 'deadline', 'action', 'What is due', 'text', { required: true, span: true }),
      ].join(''),
      h(
        group
          ? `Who is reminded: as for this document's other deadlines of that kind (${group} and its Questions; registration, visa and similar kinds only those who subscribed to them).`
          : 'This document has no study group: the deadline is listed, but nobody is reminded of it until its group is corrected.',
      ),
    ),
  );
  if (!meeting) {
    const groups = [...new Set([...(group ? [group] : []), ...opts.groups])];
    out.push(
      addForm(
        ctx,
        'meeting',
        [
          select(ctx, 'meeting', 'group', 'Study group', groups.map((g) => [g, g] as const), group ?? groups[0] ?? ''),
          control(ctx, 'meeting', 'title', 'Title', 'text', { hint: 'empty: "<group> meeting"' }),
          control(ctx, 'meeting', 'start', 'First day', 'date', { required: true }),
          control(ctx, 'meeting', 'end', 'Last day', 'date', { required: true }),
          control(ctx, 'meeting', 'startTime', 'Opening time', 'time', { hint: 'optional' }),
          zoneSelect(ctx, 'meeting'),
          select(ctx, 'meeting', 'format', 'Format', [['in-person', 'In person'], ['hybrid', 'Hybrid (remote participation offered)'], ['virtual', 'Virtual only']], 'in-person'),
          control(ctx, 'meeting', 'place', 'Place', 'text', { span: true }),
        ].join(''),
        'This document gives no meeting. A meeting added here is listed in /meetings and the calendar.',
      ),
    );
  } else {
    out.push(
      addForm(
        ctx,
        'event',
        [
          control(ctx, 'event', 'title', 'What it is', 'text', { required: true, span: true }),
          control(ctx, 'event', 'start', 'Day', 'date', { required: true, fallback: meeting.start }),
          control(ctx, 'event', 'end', 'Last day', 'date', { hint: 'empty: the same day' }),
          control(ctx, 'event', 'startTime', 'Starts', 'time'),
          control(ctx, 'event', 'endTime', 'Ends', 'time'),
          zoneSelect(ctx, 'event'),
          control(ctx, 'event', 'place', 'Place', 'text'),
        ].join(''),
        h(`A side event or briefing of ${meeting.title}.`),
      ),
    );
    if (!meeting.startTime) {
      out.push(addForm(ctx, 'opening', [control(ctx, 'opening', 'time', 'Opens at', 'time', { required: true }), zoneSelect(ctx, 'opening')].join(''), h(`${meeting.title} gives no opening time.`)));
    }
  }
  return out.join('');
}
