/**
 * The secretariat's forms to add a fact the parser missed to a document: a deadline, the meeting (when it gives
 * none), a side event or briefing of its meeting, the meeting's opening time (when it gives none); and the list of
 * facts added so far, each with a button to take it back. The facts are stored as corrections
 * (src/store/corrections.ts, `addFact`), so they outlive a new ingest or parse of the document. This module gives
 * what the forms show; template `add-fact-forms` draws them.
 */
import { DEADLINE_CATEGORIES } from '../../core/types.ts';
import { CATEGORY_LABELS } from '../../core/labels.ts';
import type { StoredDocument } from '../../core/facts.ts';
import type { AddedFactRecord } from '../../store/correction-fields.ts';

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
  problem: AddProblem | null;
  zones: readonly string[];
}

/** One control of an add form, as template `add-fact-forms` shows it (`id` is `add-<kind>-<name>`). */
export interface AddControl {
  name: string;
  id: string;
  label: string;
  hint: string | null;
  span: boolean;
  required: boolean;
  type: 'text' | 'date' | 'time' | 'select';
  value: string;
  options: Array<readonly [string, string]>;
}

/** One add form, as template `add-fact-forms` shows it. */
export interface AddForm {
  kind: AddKind;
  legend: string;
  note: string | null;
  /** Why the form was refused, when it comes back. */
  problem: string | null;
  reason: string;
  controls: AddControl[];
}

function valueOf(ctx: FormCtx, kind: AddKind, name: string, fallback = ''): string {
  return ctx.problem?.kind === kind ? (ctx.problem.values[name] ?? '') : fallback;
}

function control(ctx: FormCtx, kind: AddKind, name: string, label: string, type: 'text' | 'date' | 'time', opts: { required?: boolean; span?: boolean; fallback?: string; hint?: string } = {}): AddControl {
  return { name, id: `add-${kind}-${name}`, label, hint: opts.hint ?? null, span: opts.span ?? false, required: opts.required ?? false, type, value: valueOf(ctx, kind, name, opts.fallback), options: [] };
}

function select(ctx: FormCtx, kind: AddKind, name: string, label: string, options: Array<readonly [string, string]>, fallback: string): AddControl {
  return { name, id: `add-${kind}-${name}`, label, hint: null, span: false, required: false, type: 'select', value: valueOf(ctx, kind, name, fallback), options };
}

function zoneSelect(ctx: FormCtx, kind: AddKind): AddControl {
  const docZone = documentZone(ctx.doc);
  return select(ctx, kind, 'timezone', 'Time zone', ctx.zones.map((z) => [z, z === docZone ? `${z} (the document's)` : z] as const), docZone);
}

function addForm(ctx: FormCtx, kind: AddKind, controls: AddControl[], note: string | null): AddForm {
  return { kind, legend: LEGENDS[kind], note, problem: ctx.problem?.kind === kind ? ctx.problem.message : null, reason: valueOf(ctx, kind, 'reason'), controls };
}

/**
 * The add forms that fit the document, for template `add-fact-forms`: a deadline always; a meeting when it gives
 * none; a side event and (when the meeting has none) the opening time when it gives one. A refused form comes back
 * with what was posted and why.
 */
export function addFactForms(doc: StoredDocument, opts: { groups: readonly string[]; viewerTz: string; problem: AddProblem | null }): AddForm[] {
  const zones = [...new Set([documentZone(doc), 'Europe/Zurich', 'UTC', opts.viewerTz, ...(opts.problem?.values['timezone'] ? [opts.problem.values['timezone']] : [])])];
  const ctx: FormCtx = { doc, problem: opts.problem, zones };
  const group = doc.parsed.group;
  const meeting = doc.parsed.meeting;
  const out: AddForm[] = [];
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
      ],
      group
        ? `Who is reminded: as for this document's other deadlines of that kind (${group} and its Questions; registration, visa and similar kinds only those who subscribed to them).`
        : 'This document has no study group: the deadline is listed, but nobody is reminded of it until its group is corrected.',
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
        ],
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
        ],
        `A side event or briefing of ${meeting.title}.`,
      ),
    );
    if (!meeting.startTime) {
      out.push(addForm(ctx, 'opening', [control(ctx, 'opening', 'time', 'Opens at', 'time', { required: true }), zoneSelect(ctx, 'opening')], `${meeting.title} gives no opening time.`));
    }
  }
  return out;
}
