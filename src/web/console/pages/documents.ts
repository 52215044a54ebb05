/**
 * Documents: search (the same index as the `search` command) or the latest stored; one document with every fact
 * the parser extracted, the corrections made to them, and, for the secretariat, a form per fact to correct it.
 * A correction wins over re-parsing, is audited (src/store/corrections.ts) and re-plans the document's reminders.
 * The sender check says why a document is or is not verified; the group's secretariat can vouch for an unverified
 * one (audited with who vouched; its reminders are then planned).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSgbotError } from '../../../core/errors.ts';
import { canonicalGroup } from '../../../core/groups.ts';
import { identityKey } from '../../../core/identity.ts';
import { DEADLINE_CATEGORIES, type DeadlineCategory } from '../../../core/types.ts';
import { CATEGORY_LABELS, KIND_LABELS, eventLabel } from '../../../core/labels.ts';
import { formatDeadline, formatRange } from '../../../core/time.ts';
import { isSecretariat } from '../../../people/roster.ts';
import { FIRST_ADDED_SLOT } from '../../../store/correction-fields.ts';
import type { StoredDocument } from '../../../store/facts.ts';
import { authRecordOf, senderVerified, vouchDocument } from '../../../store/trust.ts';
import { queuePlan } from '../../../reminders/index.ts';
import { form, me, query, redirectWith, sendPage, type ConsoleDeps, type Corrections } from '../context.ts';
import { humanDate, humanTime, People, timeView } from '../format.ts';
import { qs } from '../layout.ts';
import { ADD_KINDS, ADDED_KIND_LABELS, addFactForms, type AddKind, type AddProblem } from '../add-facts.ts';

const DOC_ID = /^[0-9a-f]{8,64}$/;
const MAX_TEXT_SHOWN = 60_000;

function docLabel(d: Pick<StoredDocument, 'id'> & { parsed: { reference: string | null; title: string | null } }): string {
  return d.parsed.reference ?? d.parsed.title ?? `Document ${d.id.slice(0, 12)}`;
}

/** The number of the `n`-th deadline shown, as in the correction forms (from 1), or `null` for one the secretariat added. */
function deadlineNumber(doc: StoredDocument, n: number): number | null {
  const position = doc.corrected?.positions[n] ?? n;
  return position >= FIRST_ADDED_SLOT ? null : position + 1;
}

/** The facts of a document, for template `document-facts`. */
function factsModel(doc: StoredDocument, tz: string) {
  const when = (iso: string | null | undefined) => (iso ? `${humanTime(iso, tz)} (${tz})` : null);
  const p = doc.parsed;
  const row = (label: string, value: string | null | undefined) => ({ label, value: value ?? null });
  const rows = [
    row('Kind', KIND_LABELS[p.kind]),
    row('Group', p.group),
    row('Reference', p.reference),
    row('Title', p.title),
    row('Date', p.date ? humanDate(p.date) : null),
    row('Meeting', p.meeting ? `${p.meeting.title}: ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}` : null),
    ...(p.moreMeetings ?? []).map((m) => row('Meeting', `${m.title}: ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}`)),
    ...(p.bodyMeetings ?? []).map((m) => row(`Meeting of ${m.body ?? 'another body'}`, `${m.title}: ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}`)),
    ...p.events.map((e) => row(eventLabel(e.title), `${e.title}: ${formatRange(e.start, e.end)}${e.place ? `, ${e.place}` : ''}`)),
    ...(p.liaison
      ? [row('Liaison', `from ${p.liaison.from ?? '?'} to ${p.liaison.to.join(', ') || '?'}${p.liaison.cc.length ? `, cc ${p.liaison.cc.join(', ')}` : ''}; for ${p.liaison.purpose ?? '?'}${p.liaison.deadline ? `; reply by ${p.liaison.deadline}` : ''}${p.liaison.questions.length ? `; ${p.liaison.questions.join(', ')}` : ''}`)]
      : []),
    ...p.roles.map((r) => row('Lead study group', `${r.group} on ${r.topic}`)),
    row('Source', [doc.source.name, doc.source.from ? `from ${doc.source.from}` : null, doc.source.sentAt ? `sent ${when(doc.source.sentAt)}` : null].filter(Boolean).join(', ')),
    row('Stored', when(doc.ingestedAt)),
  ];
  const deadlines = p.deadlines.map((d, n) => ({ number: deadlineNumber(doc, n), due: formatDeadline(d, tz), derived: d.derived, kind: CATEGORY_LABELS[d.category], action: d.action }));
  return { rows, supersededBy: doc.supersededBy, tz, deadlines };
}

type Field = ReturnType<Corrections['correctableFields']>[number];

/** The `f:<field>` inputs of a fact group's form; for a field sent twice (a check box over its hidden "false"), the last. */
export function formFields(body: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (!k.startsWith('f:')) continue;
    const value: unknown = Array.isArray(v) ? (v as unknown[])[v.length - 1] : v;
    if (typeof value === 'string') out.set(k.slice(2), value.trim());
  }
  return out;
}

/**
 * The fields whose posted value differs from the current one, in an order that can be applied one by one: a meeting
 * moved later gets its end first, so that it never ends before it starts on the way.
 */
export function changedFields(fields: readonly Field[], posted: ReadonlyMap<string, string>): Array<{ field: string; value: string }> {
  const changed = fields.flatMap((f) => {
    const v = posted.get(f.field);
    if (v === undefined) return [];
    const now = f.field.endsWith('.removed') ? (f.value ?? 'false') : (f.value ?? '');
    return v === now ? [] : [{ field: f.field, value: v }];
  });
  const start = changed.find((c) => c.field === 'meeting.start');
  const oldEnd = fields.find((f) => f.field === 'meeting.end')?.value ?? '';
  if (start && start.value > oldEnd) changed.sort((a, b) => (a.field === 'meeting.end' ? -1 : b.field === 'meeting.end' ? 1 : 0));
  return changed;
}

/** A correction field's label as people read it: "Deadline 2: date", "Meeting start", "Title". */
export function fieldLabel(field: string): string {
  const added = /^added\.(\w+)$/.exec(field);
  if (added) return `Added ${(ADDED_KIND_LABELS[added[1] as AddKind] ?? added[1] ?? '').toLowerCase()}`;
  const m = /^deadline\.(\d+)\.(\w+)$/.exec(field);
  if (m) return `Deadline ${Number(m[1]) + 1}: ${DEADLINE_FIELD_LABELS[m[2] ?? ''] ?? m[2]}`;
  return FIELD_LABELS[field] ?? field;
}

const FIELD_LABELS: Record<string, string> = { group: 'Study group', reference: 'Reference', title: 'Title', date: 'Date of the document', 'meeting.start': 'Meeting start', 'meeting.end': 'Meeting end', 'meeting.place': 'Meeting place', 'meeting.startTime': 'Meeting opening time' };
const DEADLINE_FIELD_LABELS: Record<string, string> = { date: 'date', time: 'time', category: 'kind', action: 'what to do', removed: 'not a deadline' };

/** A correction value as people read it (a date with its weekday, "yes"/"no" for a removal). */
function valueText(field: string, value: string | null): string {
  if (value === null || value === '') return '(none)';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return humanDate(value);
  if (field.endsWith('.removed')) return value === 'true' ? 'removed' : 'kept';
  if (field.endsWith('.category')) return CATEGORY_LABELS[value as DeadlineCategory] ?? value;
  return value;
}

/** One input of a fact group, labelled, with the value it has now, for template `correction-input`. */
function input(f: Field, kind: 'text' | 'date' | 'time' | 'group' | 'category' | 'removed', groups: readonly string[], label: string, span = false) {
  const v = f.value ?? '';
  const options: Array<readonly [string, string]> =
    kind === 'group' ? [...new Set([...groups, ...(v ? [v] : [])])].sort().map((g) => [g, g] as const) : kind === 'category' ? DEADLINE_CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]] as const) : [];
  return { field: f.field, id: `fix-${f.field.replace(/[^a-z0-9]+/gi, '-')}`, kind, label, span, value: v, options };
}

/**
 * The correction forms, for template `correction-forms`: one per group of facts (the document, its meeting, each
 * deadline), each with the input that fits the fact (date and time pickers, a select of groups or kinds, a check
 * box to remove a deadline that is not one) and one Save button. Deadlines are numbered from 1, as in the deadlines
 * table.
 */
function correctionGroups(fields: readonly Field[], groups: readonly string[]) {
  const by = new Map(fields.map((f) => [f.field, f]));
  const get = (name: string): Field | undefined => by.get(name as Field['field']);
  const out: Array<{ key: string; legend: string; removed: boolean; inputs: Array<ReturnType<typeof input>> }> = [];
  const top = [
    get('group') && input(get('group') as Field, 'group', groups, 'Study group'),
    get('reference') && input(get('reference') as Field, 'text', groups, 'Reference'),
    get('date') && input(get('date') as Field, 'date', groups, 'Date of the document'),
    get('title') && input(get('title') as Field, 'text', groups, 'Title', true),
  ].filter((x) => x !== undefined);
  out.push({ key: 'document', legend: 'Document', removed: false, inputs: top });
  if (get('meeting.start')) {
    out.push({
      key: 'meeting',
      legend: 'Meeting',
      removed: false,
      inputs: [
        input(get('meeting.start') as Field, 'date', groups, 'Starts'),
        input(get('meeting.end') as Field, 'date', groups, 'Ends'),
        input(get('meeting.startTime') as Field, 'time', groups, 'Opens at (empty: not given)'),
        input(get('meeting.place') as Field, 'text', groups, 'Place', true),
      ],
    });
  }
  for (let n = 0; get(`deadline.${n}.date`); n++) {
    const f = (name: string) => get(`deadline.${n}.${name}`) as Field;
    out.push({
      key: `deadline-${n}`,
      legend: `Deadline ${n + 1}`,
      removed: f('removed').value === 'true',
      inputs: [input(f('date'), 'date', groups, 'Date'), input(f('time'), 'time', groups, 'Time (empty: end of the day)'), input(f('category'), 'category', groups, 'Kind'), input(f('action'), 'text', groups, 'What to do', true), input(f('removed'), 'removed', groups, 'Not a deadline: remove it (reminders stop)')],
    });
  }
  return out;
}

/**
 * The sender check of a document, and why it is or is not verified, for template `document-sender`; for the group's
 * secretariat, a form to vouch for an unverified one.
 */
function senderModel(doc: StoredDocument, canVouch: boolean, csrf: string, tz: string) {
  const auth = authRecordOf(doc);
  const verified = senderVerified(doc.source);
  return {
    docId: doc.id,
    csrf,
    canVouch,
    verified,
    label: auth?.verdict === 'vouched' ? 'Vouched for' : 'Verified',
    auth: auth ? { verdict: auth.verdict, summary: auth.summary, tries: auth.tries ?? 0, checkedAt: auth.checkedAt ? humanTime(auth.checkedAt, tz) : null } : null,
  };
}

export function registerDocuments(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;
  const noDocument = deps.views.render('message', { text: 'This document is not stored (or the link is wrong).' });
  const refusedPage = (name: string, text: string) => deps.views.render('refused', { name, text });

  app.get('/console/documents', async (req, reply) => {
    const q = (query(req)['q'] ?? '').trim().slice(0, 200);
    let rows: Array<{ id: string; label: string; group: string | null; kind: string; extra: string }>;
    if (q) {
      const index = await services.search();
      await index.catchUp();
      rows = (await index.search(q, 50)).map((hit) => ({ id: hit.id, label: hit.reference ?? hit.title ?? hit.id.slice(0, 12), group: hit.group, kind: hit.kind, extra: hit.title ?? '' }));
    } else {
      const ids = await services.redis.zrevrange(services.store.key('docs'), 0, 49);
      const docs = (await Promise.all(ids.map((id) => services.store.getDocument(id)))).filter((d): d is StoredDocument => d !== null);
      rows = docs.map((d) => ({ id: d.id, label: docLabel(d), group: d.parsed.group, kind: d.parsed.kind, extra: `${d.parsed.title ?? ''}${d.supersededBy ? ' (superseded)' : ''}` }));
    }
    const shown = rows.map((r) => ({ ...r, kind: KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.kind }));
    return sendPage(req, reply, { title: 'Documents', active: 'documents' }, deps.views.render('documents', { q, rows: shown }));
  });

  /** The document page; `problem` is a refused add form, shown again with what was posted (status 400). */
  const showDocument = async (req: FastifyRequest, reply: FastifyReply, doc: StoredDocument, problem: AddProblem | null = null) => {
    const s = me(req);
    const csrf = reply.generateCsrf();
    const tz = s.viewer.tz;
    let fixes: object | null = null;
    try {
      const corrections = await deps.corrections();
      const history = await corrections.correctionsOf(services.store, doc.id);
      const people = new People(services.roster);
      const canFix = doc.parsed.group ? isSecretariat(s.person, doc.parsed.group) : s.viewer.secretariat;
      const groups = canFix ? [...new Set([...(await services.store.groupsWithDocuments()), ...Object.keys(services.config.SGBOT_BROADCAST_TARGETS)])] : [];
      const added = await corrections.addedFactsOf(services.store, doc.id);
      fixes = {
        history: history.length
          ? {
              cls: 'correction-history',
              columns: [{ label: `When (${tz})`, cls: 'when' }, { label: 'Who' }, { label: 'Fact' }, { label: 'Change', cls: 'wide' }, { label: 'Why' }],
              rows: await Promise.all(
                history.map(async (c) => ({
                  cells: [{ time: timeView(c.at, tz, deps.now()) }, { person: await people.name(c.who) }, fieldLabel(c.field), { del: valueText(c.field, c.previous), ins: valueText(c.field, c.value) }, c.reason ?? ''],
                })),
              ),
            }
          : null,
        added: added.length
          ? {
              cls: 'added-facts',
              columns: [{ label: 'Added fact' }, { label: 'What', cls: 'wide' }, { label: 'Who' }, { label: `When (${tz})`, cls: 'when' }, ...(canFix ? [{ label: 'Take back' }] : [])],
              rows: await Promise.all(
                added.map(async (a) => ({
                  attrs: { 'data-added': a.fact.id },
                  cells: [
                    ADDED_KIND_LABELS[a.fact.kind],
                    corrections.describeAdded(a.fact),
                    { person: await people.name(a.who) },
                    { time: timeView(a.at, tz, deps.now()) },
                    ...(canFix ? [{ html: deps.views.render('post-button', { action: `/console/documents/${doc.id}/added/${a.fact.id}/remove`, label: 'Remove', csrf, cls: 'danger' }) }] : []),
                  ],
                })),
              ),
            }
          : null,
        canFix,
        corrections: { docId: doc.id, csrf, groups: canFix ? correctionGroups(corrections.correctableFields(doc), groups) : [] },
        additions: { docId: doc.id, csrf, forms: canFix ? addFactForms(doc, { groups, viewerTz: tz, problem }) : [] },
      };
    } catch (err) {
      services.log.warn({ err: (err as Error).message }, 'corrections are not available');
    }
    const text = (await services.store.getText(doc.id)) ?? '';
    const canVouch = doc.parsed.group ? isSecretariat(s.person, doc.parsed.group) : s.viewer.secretariat;
    const body = deps.views.render('document', {
      facts: factsModel(doc, tz),
      sender: senderModel(doc, canVouch, csrf, tz),
      fixes,
      text: text.slice(0, MAX_TEXT_SHOWN),
      more: text.length > MAX_TEXT_SHOWN,
      otherQs: qs({ q: doc.parsed.reference ?? '' }),
    });
    return sendPage(req, reply, { title: docLabel(doc), active: 'documents', ...(problem ? { flash: { kind: 'error' as const, text: `Not added: ${problem.message}` } } : {}) }, body, problem ? 400 : 200);
  };

  app.get<{ Params: { id: string } }>('/console/documents/:id', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, noDocument, 404);
    return showDocument(req, reply, doc);
  });

  /**
   * Whether the signed-in person may add facts to (or take them back from) `doc`: the secretariat of its group, and
   * for a meeting of another group, of that group too. A refusal is audited and answered with a 403 page, and
   * `true` returned (never the reply itself: a FastifyReply is a thenable, awaiting it would wait for the send).
   */
  const refuseAdd = async (req: FastifyRequest, reply: FastifyReply, doc: StoredDocument, action: 'fact.add.refused' | 'fact.added.removed.refused', details: Record<string, unknown>, otherGroup?: string | null) => {
    const s = me(req);
    const group = doc.parsed.group;
    const allowed = group ? isSecretariat(s.person, group) : s.viewer.secretariat;
    const allowedOther = !otherGroup || otherGroup === group || isSecretariat(s.person, otherGroup);
    if (allowed && allowedOther) return false;
    const reason = !allowed ? (s.person ? 'not-secretariat' : 'not-in-roster') : 'no-rights-on-meeting-group';
    await services.audit.record({ who: identityKey(s.who), action, target: doc.id, result: 'refused', details: { ...details, group, ...(allowed ? { meetingGroup: otherGroup } : {}), reason } });
    const text = !allowed ? `only the ${group ?? ''} secretariat may add facts to this document or take them back` : `you hold no secretariat role for ${otherGroup ?? ''}, so you cannot add its meeting`;
    sendPage(req, reply, { title: 'Only the secretariat can add facts', active: 'documents' }, refusedPage(s.viewer.name, text), 403);
    return true;
  };

  app.post<{ Params: { id: string } }>('/console/documents/:id/add', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, noDocument, 404);
    const f = form(req);
    const kind = (ADD_KINDS as readonly string[]).includes(f['kind'] ?? '') ? (f['kind'] as AddKind) : null;
    const refused = await refuseAdd(req, reply, doc, 'fact.add.refused', { kind: f['kind'] ?? '' }, kind === 'meeting' ? canonicalGroup(f['group'] ?? '') : null);
    if (refused) return reply;
    if (!kind) return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'error', text: 'Say which fact to add: use one of the forms under "Add a missing fact".' });
    const corrections = await deps.corrections();
    // The route's schema: the same zod schema the store checks with; a refused form comes back with what was posted.
    const checked = corrections.checkAddedFact(f);
    const values = Object.fromEntries(Object.entries(f).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, v.slice(0, 500)]));
    if (checked.error !== undefined) return showDocument(req, reply, doc, { kind, values, message: checked.error });
    const reason = (f['reason'] ?? '').trim().slice(0, 500);
    try {
      // services.corrections re-plans the document's reminders after the fact is added, as after a correction.
      const { added } = await corrections.addFact(services.corrections, { docId: doc.id, fact: checked.input, who: identityKey(me(req).who), ...(reason ? { reason } : {}) });
      return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Added ${ADDED_KIND_LABELS[added.kind].toLowerCase()}: ${corrections.describeAdded(added)}.` });
    } catch (err) {
      if (!isSgbotError(err) || err.code !== 'E_USAGE') throw err;
      return showDocument(req, reply, doc, { kind, values, message: err.message });
    }
  });

  app.post<{ Params: { id: string; fact: string } }>('/console/documents/:id/added/:fact/remove', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, noDocument, 404);
    const refused = await refuseAdd(req, reply, doc, 'fact.added.removed.refused', { id: req.params.fact });
    if (refused) return reply;
    const corrections = await deps.corrections();
    const { removed } = await corrections.removeAddedFact(services.corrections, { docId: doc.id, id: req.params.fact, who: identityKey(me(req).who) });
    return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Removed the added ${ADDED_KIND_LABELS[removed.kind].toLowerCase()}: ${corrections.describeAdded(removed)}.` });
  });

  app.post<{ Params: { id: string } }>('/console/documents/:id/correct', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, noDocument, 404);
    const s = me(req);
    const f = form(req);
    const field = (f['field'] ?? '').trim();
    const group = doc.parsed.group;
    const allowed = group ? isSecretariat(s.person, group) : s.viewer.secretariat;
    if (!allowed) {
      await services.audit.record({ who: identityKey(s.who), action: 'fact.correction.refused', target: doc.id, result: 'refused', details: { field, group, reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can correct facts', active: 'documents' }, refusedPage(s.viewer.name, `only the ${group ?? ''} secretariat may correct the facts of this document`), 403);
    }
    const corrections = await deps.corrections();
    const reason = (f['reason'] ?? '').trim().slice(0, 500);
    const who = identityKey(s.who);
    // services.corrections re-plans the document's reminders after each correction (a fresh plan job).
    const apply = (name: string, value: string) =>
      corrections.correctFact(services.corrections, { docId: doc.id, field: name, value: value === '' ? null : value, who, ...(reason ? { reason } : {}) });
    if (field) {
      const { correction } = await apply(field, (f['value'] ?? '').trim());
      return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Corrected ${correction.field}: was ${correction.previous ?? '(none)'}, now ${correction.value ?? '(none)'}.` });
    }
    // A fact group's form: every field it carries, of which only the changed ones are corrected.
    const changes = changedFields(corrections.correctableFields(doc), formFields(req.body));
    if (changes.length === 0) return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: 'Nothing was changed, so nothing was corrected.' });
    const done: string[] = [];
    for (const c of changes) {
      try {
        const { correction } = await apply(c.field, c.value);
        done.push(`${fieldLabel(correction.field)}: was ${valueText(correction.field, correction.previous)}, now ${valueText(correction.field, correction.value)}.`);
      } catch (err) {
        if (!isSgbotError(err) || done.length === 0) throw err;
        return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'error', text: `Corrected ${done.join(' ')} But not ${fieldLabel(c.field)}: ${err.message}` });
      }
    }
    return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Corrected ${done.join(' ')}` });
  });

  app.post<{ Params: { id: string } }>('/console/documents/:id/vouch', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, noDocument, 404);
    const s = me(req);
    const group = doc.parsed.group;
    const allowed = group ? isSecretariat(s.person, group) : s.viewer.secretariat;
    if (!allowed) {
      await services.audit.record({ who: identityKey(s.who), action: 'document.vouch.refused', target: doc.id, result: 'refused', details: { group, reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can vouch for a document', active: 'documents' }, refusedPage(s.viewer.name, `only the ${group ?? ''} secretariat may vouch for this document`), 403);
    }
    const reason = (form(req)['reason'] ?? '').trim().slice(0, 500);
    const { vouched, change } = await vouchDocument({ store: services.store, audit: services.audit }, doc.id, identityKey(s.who), reason ? { reason } : {});
    if (!vouched) return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: 'This document was verified already: nothing changed.' });
    // Its deadlines now count: plan their reminders (a fresh plan job, the first one was skipped).
    await queuePlan(services.reminders, doc.id, Date.now());
    const applied = change === 'current' ? ' It is now the current version of its document.' : change === 'addendum' ? ' Its addendum now applies.' : '';
    return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Vouched for: this document now counts as verified, and its reminders are being planned.${applied}` });
  });
}
