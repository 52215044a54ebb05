/**
 * Documents: search (the same index as the `search` command) or the latest stored; one document with every fact
 * the parser extracted, the corrections made to them, and, for the secretariat, a form per fact to correct it.
 * A correction wins over re-parsing, is audited (src/store/corrections.ts) and re-plans the document's reminders.
 * The sender check says why a document is or is not verified; the group's secretariat can vouch for an unverified
 * one (audited with who vouched; its reminders are then planned).
 */
import type { FastifyInstance } from 'fastify';
import { identityKey } from '../../../core/identity.ts';
import { CATEGORY_LABELS, KIND_LABELS } from '../../../core/labels.ts';
import { formatDeadline, formatRange } from '../../../core/time.ts';
import { isSecretariat } from '../../../people/roster.ts';
import type { StoredDocument } from '../../../store/facts.ts';
import { authRecordOf, senderVerified, vouchDocument } from '../../../store/trust.ts';
import { queuePlan } from '../../../reminders/index.ts';
import { form, me, query, redirectWith, sendPage, type ConsoleDeps, type Corrections } from '../context.ts';
import { csrfField, h, qs } from '../layout.ts';

const DOC_ID = /^[0-9a-f]{8,64}$/;
const MAX_TEXT_SHOWN = 60_000;

function docLabel(d: Pick<StoredDocument, 'id'> & { parsed: { reference: string | null; title: string | null } }): string {
  return d.parsed.reference ?? d.parsed.title ?? `Document ${d.id.slice(0, 12)}`;
}

function row(label: string, value: string | null | undefined): string {
  return `<tr><th scope="row">${h(label)}</th><td>${value ? h(value) : '<span class="muted">—</span>'}</td></tr>`;
}

/** The facts of a document as a table. */
function factsTable(doc: StoredDocument, tz: string): string {
  const p = doc.parsed;
  const rows = [
    row('Kind', KIND_LABELS[p.kind]),
    row('Group', p.group),
    row('Reference', p.reference),
    row('Title', p.title),
    row('Date', p.date),
    row('Meeting', p.meeting ? `${p.meeting.title}: ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}` : null),
    ...p.events.map((e) => row('Side event', `${e.title}: ${formatRange(e.start, e.end)}${e.place ? `, ${e.place}` : ''}`)),
    ...(p.liaison
      ? [row('Liaison', `from ${p.liaison.from ?? '?'} to ${p.liaison.to.join(', ') || '?'}${p.liaison.cc.length ? `, cc ${p.liaison.cc.join(', ')}` : ''}; for ${p.liaison.purpose ?? '?'}${p.liaison.deadline ? `; reply by ${p.liaison.deadline}` : ''}${p.liaison.questions.length ? `; ${p.liaison.questions.join(', ')}` : ''}`)]
      : []),
    ...p.roles.map((r) => row('Lead study group', `${r.group} on ${r.topic}`)),
    row('Source', [doc.source.name, doc.source.from ? `from ${doc.source.from}` : null, doc.source.sentAt ? `sent ${doc.source.sentAt}` : null].filter(Boolean).join(', ')),
    row('Stored', doc.ingestedAt),
    ...(doc.supersededBy ? [`<tr><th scope="row">Superseded by</th><td><a href="/console/documents/${h(doc.supersededBy)}">${h(doc.supersededBy.slice(0, 12))}</a></td></tr>`] : []),
  ];
  const deadlines = p.deadlines.length
    ? `<table class="doc-deadlines"><thead><tr><th>#</th><th>Due (${h(tz)})</th><th>Kind</th><th>What</th></tr></thead><tbody>${p.deadlines
        .map((d, n) => `<tr data-deadline="${n}"><td>${n}</td><td>${h(formatDeadline(d, tz))}${d.derived ? ' <small>(derived)</small>' : ''}</td><td>${h(CATEGORY_LABELS[d.category])}</td><td>${h(d.action)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="muted">No deadlines.</p>';
  return `<table class="facts"><tbody>${rows.join('')}</tbody></table><h2>Deadlines</h2>${deadlines}`;
}

/** One small form per correctable fact. */
function correctionForms(doc: StoredDocument, fields: ReturnType<Corrections['correctableFields']>, csrf: string): string {
  const rows = fields.map((f) => {
    const id = `fix-${f.field.replace(/[^a-z0-9]+/gi, '-')}`;
    return `<tr data-field="${h(f.field)}"><th scope="row"><label for="${id}">${h(f.label)}</label></th><td>${f.value === null ? '<span class="muted">—</span>' : h(f.value)}</td>
<td><form method="post" action="/console/documents/${h(doc.id)}/correct">${csrfField(csrf)}<input type="hidden" name="field" value="${h(f.field)}">
<input type="text" id="${id}" name="value" value="${h(f.value ?? '')}" aria-label="New value of ${h(f.label)}"> <input type="text" name="reason" placeholder="why (optional)" aria-label="Reason"> <button type="submit">Correct</button></form></td></tr>`;
  });
  return `<table class="corrections-form"><thead><tr><th>Fact</th><th>Now</th><th>Correct to (empty clears it)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The sender check of a document, and why it is or is not verified; for the group's secretariat, a form to vouch for
 * an unverified one.
 */
function senderSection(doc: StoredDocument, canVouch: boolean, csrf: string): string {
  const auth = authRecordOf(doc);
  if (!auth) {
    return '<h2>Sender</h2><p class="sender-check" data-verdict="not-checked">Not checked: not read from mail (a file an operator ingested, or the demo inbox), or read with sender checks off. It counts as verified: the operator who ingested it vouches for it.</p>';
  }
  if (senderVerified(doc.source)) {
    const label = auth.verdict === 'vouched' ? 'Vouched for' : 'Verified';
    return `<h2>Sender</h2><p class="sender-check" data-verdict="${h(auth.verdict)}"><strong>${label}</strong>: ${h(auth.summary)}</p>`;
  }
  const why = `<p class="sender-check" data-verdict="${h(auth.verdict)}"><strong>Unverified sender</strong> (${h(auth.verdict)}): ${h(auth.summary)}${auth.tries ? ` <small>(checked again ${auth.tries} time${auth.tries === 1 ? '' : 's'}${auth.checkedAt ? `, last ${h(auth.checkedAt)}` : ''})</small>` : ''}</p>
<p class="muted">Its facts are shown marked, and set off no reminder, calendar entry or broadcast; a revision it claims does not replace a verified document.</p>`;
  const form = canVouch
    ? `<form method="post" action="/console/documents/${h(doc.id)}/vouch" class="vouch">${csrfField(csrf)}<label for="vouch-reason">Why you know it is genuine</label> <input type="text" id="vouch-reason" name="reason" placeholder="for example: confirmed with TSB by phone" aria-label="Reason"> <button type="submit">Vouch for this document</button></form>
<p class="muted">Vouching makes it verified: its deadlines get reminders and calendar entries, and the vouch is recorded in the audit log with your name.</p>`
    : '<p class="muted">Only the secretariat of its group can vouch for it.</p>';
  return `<h2>Sender</h2>${why}${form}`;
}

export function registerDocuments(app: FastifyInstance, deps: ConsoleDeps): void {
  const { services } = deps;

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
    const searchForm = `<form method="get" action="/console/documents"><label for="q">Search documents</label><input type="search" id="q" name="q" value="${h(q)}" placeholder="words of the title or text, a reference"> <button type="submit">Search</button></form>`;
    const table = rows.length
      ? `<table><thead><tr><th>Document</th><th>Group</th><th>Kind</th><th>Title</th></tr></thead><tbody>${rows
          .map((r) => `<tr><td><a href="/console/documents/${h(r.id)}">${h(r.label)}</a></td><td>${h(r.group ?? '—')}</td><td>${h(KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.kind)}</td><td>${h(r.extra)}</td></tr>`)
          .join('')}</tbody></table>`
      : `<p class="muted">${q ? 'No document matches.' : 'No documents stored yet.'}</p>`;
    return sendPage(req, reply, { title: 'Documents', active: 'documents' }, `${searchForm}<h2>${q ? `Matches for “${h(q)}”` : 'Latest stored'}</h2>${table}`);
  });

  app.get<{ Params: { id: string } }>('/console/documents/:id', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, '<p>This document is not stored (or the link is wrong).</p>', 404);
    const s = me(req);
    let fixes = '';
    try {
      const corrections = await deps.corrections();
      const history = await corrections.correctionsOf(services.store, doc.id);
      const done = history.length
        ? `<table class="correction-history"><thead><tr><th>When</th><th>Who</th><th>Fact</th><th>Was</th><th>Now</th><th>Why</th></tr></thead><tbody>${history
            .map((c) => `<tr><td>${h(c.at)}</td><td>${h(c.who)}</td><td>${h(c.field)}</td><td>${h(c.previous ?? '—')}</td><td>${h(c.value ?? '—')}</td><td>${h(c.reason ?? '')}</td></tr>`)
            .join('')}</tbody></table>`
        : '<p class="muted">No corrections.</p>';
      const canFix = doc.parsed.group ? isSecretariat(s.person, doc.parsed.group) : s.viewer.secretariat;
      fixes = `<h2>Corrections</h2>${done}${canFix ? `<h2>Correct a fact</h2><p class="muted">A correction wins over what the parser reads from this document, also when it is parsed again, and is recorded in the audit log.</p>${correctionForms(doc, corrections.correctableFields(doc), reply.generateCsrf())}` : '<p class="muted">Only the secretariat can correct facts.</p>'}`;
    } catch (err) {
      services.log.warn({ err: (err as Error).message }, 'corrections are not available');
      fixes = '<h2>Corrections</h2><p class="muted">Corrections are not available in this installation.</p>';
    }
    const text = (await services.store.getText(doc.id)) ?? '';
    const canVouch = doc.parsed.group ? isSecretariat(s.person, doc.parsed.group) : s.viewer.secretariat;
    const body = `${factsTable(doc, s.viewer.tz)}${senderSection(doc, canVouch, reply.generateCsrf())}${fixes}<h2>Text</h2><pre>${h(text.slice(0, MAX_TEXT_SHOWN))}${text.length > MAX_TEXT_SHOWN ? '\n…' : ''}</pre>
<p class="muted"><a href="/console/documents${qs({ q: doc.parsed.reference ?? '' })}">Other documents with this reference</a></p>`;
    return sendPage(req, reply, { title: docLabel(doc), active: 'documents' }, body);
  });

  app.post<{ Params: { id: string } }>('/console/documents/:id/correct', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, '<p>This document is not stored (or the link is wrong).</p>', 404);
    const s = me(req);
    const f = form(req);
    const field = (f['field'] ?? '').trim();
    const group = doc.parsed.group;
    const allowed = group ? isSecretariat(s.person, group) : s.viewer.secretariat;
    if (!allowed) {
      await services.audit.record({ who: identityKey(s.who), action: 'fact.correction.refused', target: doc.id, result: 'refused', details: { field, group, reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can correct facts', active: 'documents' }, `<p>Sorry, ${h(s.viewer.name)}: only the ${h(group ?? '')} secretariat may correct the facts of this document. This attempt has been recorded in the audit log.</p>`, 403);
    }
    const corrections = await deps.corrections();
    const value = (f['value'] ?? '').trim();
    const reason = (f['reason'] ?? '').trim().slice(0, 500);
    // services.corrections re-plans the document's reminders after the correction (a fresh plan job).
    const { correction } = await corrections.correctFact(services.corrections, {
      docId: doc.id, field, value: value === '' ? null : value, who: identityKey(s.who), ...(reason ? { reason } : {}) },
    );
    return redirectWith(req, reply, `/console/documents/${doc.id}`, { kind: 'ok', text: `Corrected ${correction.field}: was ${correction.previous ?? '(none)'}, now ${correction.value ?? '(none)'}.` });
  });

  app.post<{ Params: { id: string } }>('/console/documents/:id/vouch', async (req, reply) => {
    const doc = DOC_ID.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return sendPage(req, reply, { title: 'No such document', active: 'documents' }, '<p>This document is not stored (or the link is wrong).</p>', 404);
    const s = me(req);
    const group = doc.parsed.group;
    const allowed = group ? isSecretariat(s.person, group) : s.viewer.secretariat;
    if (!allowed) {
      await services.audit.record({ who: identityKey(s.who), action: 'document.vouch.refused', target: doc.id, result: 'refused', details: { group, reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
      return sendPage(req, reply, { title: 'Only the secretariat can vouch for a document', active: 'documents' }, `<p>Sorry, ${h(s.viewer.name)}: only the ${h(group ?? '')} secretariat may vouch for this document. This attempt has been recorded in the audit log.</p>`, 403);
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
