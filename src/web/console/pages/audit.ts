/**
 * The audit log, newest first, optionally only the actions starting with a prefix (`broadcast.`, `fact.`…), as a
 * person reads it: who (roster name), did what (in words), to which document, broadcast or person, and the details
 * (a correction as before → after, planned reminders with their due times); every time in the viewer's zone.
 */
import type { FastifyInstance } from 'fastify';
import { isBroadcastId } from '../../../broadcast/store.ts';
import type { StoredDocument } from '../../../store/facts.ts';
import type { AuditEntry } from '../../../store/audit.ts';
import { me, query, refuseUnlessSecretariat, sendPage, type ConsoleDeps } from '../context.ts';
import { humanTime, People } from '../format.ts';

/** Actions in words (the rest read as their name with spaces). */
const ACTIONS: Record<string, string> = {
  'web.login': 'signed in to the console',
  'web.login.failed': 'failed to sign in',
  'web.login.unlocked': 'lifted a sign-in limit',
  'fact.corrected': 'corrected a fact',
  'fact.added': 'added a fact',
  'fact.added.removed': 'took back an added fact',
  'fact.add.refused': 'was refused adding a fact',
  'fact.added.removed.refused': 'was refused taking back an added fact',
  'fact.correction.refused': 'was refused a correction',
  'document.vouched': 'vouched for a document',
  'document.vouch.refused': 'was refused vouching for a document',
  'documents.reparsed': 'read the documents again',
  'sender.rechecked': 'checked a sender again',
  'reminder.planned': 'planned reminders',
  'reminder.acknowledged': 'marked a deadline as done',
  'reminder.snoozed': 'snoozed a reminder',
  'reminder.unsubscribed': 'stopped reminder mail',
  'reminder.skipped': 'skipped a reminder',
  'reminder.test': 'sent a test reminder',
  'role.changed': 'changed a role',
  'roster.joined': 'joined the roster',
  'subscription.added': 'subscribed',
  'subscription.removed': 'unsubscribed',
  'digest.on': 'turned the digest on',
  'digest.off': 'turned the digest off',
  'digest.sent': 'sent a digest',
  'broadcast.drafted': 'drafted a broadcast',
  'broadcast.confirmed': 'confirmed a broadcast',
  'broadcast.cancelled': 'cancelled a broadcast',
  'broadcast.delivered': 'delivered a broadcast',
  'broadcast.failed': 'failed to deliver a broadcast',
  'broadcast.retried': 'retried a broadcast',
  'broadcast.refused': 'was refused a broadcast',
  'quarantine.retried': 'retried a quarantined input',
  'quarantine.retry.refused': 'was refused a quarantine retry',
  'outbox.refused': 'was refused the outbox',
  'queues.action': 'changed a job queue',
  'queues.refused': 'was refused a job queue change',
  'liaison.answered': 'answered a liaison',
  'meeting.cancelled': 'cancelled a meeting',
};

/** Detail keys in words. */
const KEYS: Record<string, string> = {
  ip: 'from address',
  account: 'account',
  reason: 'why',
  group: 'group',
  newGroup: 'new group',
  job: 'job',
  deadlineKey: 'deadline',
  docId: 'document',
  added: 'added',
  removed: 'removed',
  notices: 'change notices',
  method: 'call',
  path: 'path',
  status: 'answer',
  reference: 'document',
};

/** Keys whose numbers are instants (epoch ms) or durations. */
const INSTANT_KEY = /(^|[a-z])(at|due|until|time|when|sent|expires|olddue|newdue)$/i;

const DOC_ID = /^[0-9a-f]{20}$/;

/** One value of the details, readable: instants as times, lists and objects summarised. */
function detailValue(key: string, value: unknown, tz: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number' && value > 1e11 && value < 1e14 && (INSTANT_KEY.test(key) || key === '')) return humanTime(value, tz);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return humanTime(value, tz);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value
      .slice(0, 8)
      .map((v) => (typeof v === 'object' && v !== null ? objectLine(v as Record<string, unknown>, tz) : detailValue(key, v, tz)))
      .join('; ')
      .concat(value.length > 8 ? `; and ${value.length - 8} more` : '');
  }
  if (typeof value === 'object') return objectLine(value as Record<string, unknown>, tz);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A planned deadline `{ key, due }` as "contributions due Wed 10 Feb 2027, 23:59"; other objects as key: value. */
function objectLine(o: Record<string, unknown>, tz: string): string {
  if (typeof o['key'] === 'string' && typeof o['due'] === 'number') {
    const what = /^[0-9a-f]{12}-([a-z-]+)-\d+$/.exec(o['key'])?.[1]?.replace(/-/g, ' ') ?? o['key'];
    return `${what} due ${humanTime(o['due'], tz)}`;
  }
  return Object.entries(o)
    .map(([k, v]) => `${KEYS[k] ?? k}: ${detailValue(k, v, tz)}`)
    .join(', ');
}

/** One part of the details of an entry, for template `audit-details`: a change (before → after) or a labelled value. */
export type DetailPart = { field?: string; del: string; ins: string } | { key: string; value: string };

/** The details of an entry, for template `audit-details`: a correction as field: before → after; the rest as labelled values. */
export function detailParts(e: Pick<AuditEntry, 'action' | 'details'>, tz: string): DetailPart[] {
  const d = { ...(e.details ?? {}) };
  const parts: DetailPart[] = [];
  if ('field' in d && ('previous' in d || 'value' in d)) {
    parts.push({ field: String(d['field']), del: detailValue('', d['previous'], tz), ins: detailValue('', d['value'], tz) });
    delete d['field'];
    delete d['previous'];
    delete d['value'];
  }
  if ('from' in d && 'to' in d) {
    parts.push({ del: detailValue('', d['from'], tz) || '—', ins: detailValue('', d['to'], tz) });
    delete d['from'];
    delete d['to'];
  }
  // The document is named in the target column already.
  delete d['reference'];
  for (const [k, v] of Object.entries(d)) parts.push({ key: KEYS[k] ?? k, value: detailValue(k, v, tz) });
  return parts;
}

/** The action of an entry in words. */
export function actionText(action: string): string {
  return ACTIONS[action] ?? action.replace(/[._]/g, ' ');
}

const AUDIT_ONLY = {
  action: 'audit.refused',
  title: 'The audit log is for the secretariat',
  why: 'it records who signed in from where and what each person did, so only the secretariat can read it',
  active: 'audit',
};

export function registerAudit(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/audit', async (req, reply) => {
    if (await refuseUnlessSecretariat(deps, req, reply, AUDIT_ONLY)) return reply;
    const { services } = deps;
    const tz = me(req).viewer.tz;
    const action = (query(req)['action'] ?? '').trim().slice(0, 60);
    const entries = await services.audit.latest(300, action || undefined);
    const people = new People(services.roster);
    const docs = new Map<string, Promise<StoredDocument | null>>();
    const docOf = (id: string) => {
      let p = docs.get(id);
      if (!p) docs.set(id, (p = services.store.getDocument(id).catch(() => null)));
      return p;
    };
    /** The target of an entry as a cell of template `data-table`. */
    const targetCell = async (e: AuditEntry) => {
      const t = e.target;
      if (DOC_ID.test(t)) {
        const doc = await docOf(t);
        const label = doc?.parsed.reference ?? doc?.parsed.title ?? (typeof e.details?.['reference'] === 'string' ? e.details['reference'] : `document ${t.slice(0, 12)}`);
        return { link: { href: `/console/documents/${t}`, text: label } };
      }
      if (isBroadcastId(t) && e.action.startsWith('broadcast.')) return { link: { href: `/console/broadcasts/${t}`, text: `broadcast ${t}` } };
      if (/^(person|web|slack|teams|mail):/.test(t) || /^[^\s@:]+@[^\s@]+$/.test(t)) return { person: await people.name(t) };
      const base = /^([a-z-]+):(.+)$/.exec(t);
      if (base && base[1] !== 'doc') {
        // A reminder base (`collective-letter:collectiveletter4/20`) as "Collective letter 4/20".
        const kind = (base[1] ?? '').replace(/-/g, ' ');
        const squashed = kind.replace(/ /g, '');
        const rest = base[2] ?? '';
        const ref = rest.startsWith(squashed) ? rest.slice(squashed.length) : rest.toUpperCase();
        return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${ref}`;
      }
      return t;
    };
    const rows = await Promise.all(
      entries.map(async (e) => ({
        cells: [
          humanTime(e.at, tz),
          { person: await people.name(e.who) },
          { html: deps.views.render('audit-did', { text: actionText(e.action), result: e.result, action: e.action }) },
          await targetCell(e),
          { html: deps.views.render('audit-details', { parts: detailParts(e, tz) }) },
        ],
      })),
    );
    const table = rows.length ? { cls: 'audit', columns: [{ label: `When (${tz})`, cls: 'when' }, { label: 'Who' }, { label: 'Did' }, { label: 'To what' }, { label: 'Details', cls: 'wide' }], rows } : null;
    return sendPage(req, reply, { title: 'Audit log', active: 'audit' }, deps.views.render('audit', { action, table }));
  });
}
