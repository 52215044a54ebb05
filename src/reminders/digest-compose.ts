/**
 * What a weekly digest says: new documents of the subscriber's topics, upcoming deadlines, liaisons awaiting a reply
 * — or nothing at all when all three are empty (an empty digest is not sent). A chat reply, and a mail from the
 * rapporteur mail template (HTML and plain text) with a link to each document. Pure.
 */
import { parentGroup } from '../core/groups.ts';
import type { Reply, ReplyItem, SourceRef } from '../core/command.ts';
import { DateTime } from 'luxon';
import { renderMail, type MailBlock, type MailListItem } from '../mail/render.ts';
import { formatInstant } from '../core/time.ts';
import { asGiven } from './compose.ts';
import { KIND_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import type { Cite, DeadlineFact, LiaisonFact, StoredDocument } from '../store/facts.ts';
import { senderVerified } from '../store/trust.ts';

/** A subscription topic as stored: `SG20`, `Q4/20`, `SG20/registration`. */
export type TopicKey = string;

/** Whether a stored document concerns one of `topics`. */
export function documentMatches(doc: StoredDocument, topics: readonly TopicKey[]): boolean {
  const p = doc.parsed;
  const groups = new Set<string>();
  if (p.group) groups.add(p.group).add(parentGroup(p.group));
  if (doc.source.list?.group) groups.add(doc.source.list.group);
  for (const party of [p.liaison?.from, ...(p.liaison?.to ?? []), ...(p.liaison?.cc ?? [])]) if (party && /^(?:SG\d+|TSAG)/.test(party)) groups.add(parentGroup(party));
  const questions = new Set<string>([...p.questions.map((q) => q.id), ...(p.liaison?.questions ?? []), ...(doc.source.list?.question ? [doc.source.list.question] : [])]);
  return topics.some((t) => {
    const cat = /^([^/]+)\/([a-z-]+)$/.exec(t);
    if (cat) return (p.group === cat[1] || groups.has(cat[1] ?? '')) && p.deadlines.some((d) => d.category === cat[2]);
    if (/^Q\d+\//.test(t)) return questions.has(t);
    return groups.has(t);
  });
}

/** What goes in one digest. */
export interface DigestInput {
  /** Who it is for, as people read it ("Ana Silva", "#sg20-news"). */
  name: string;
  zone: string;
  topics: TopicKey[];
  documents: StoredDocument[];
  deadlines: DeadlineFact[];
  liaisons: LiaisonFact[];
  /** Epoch ms. */
  now: number;
  /** The address of a document's page (`SGBOT_PUBLIC_URL/doc/<id>`); without it the mail has no document links. */
  docUrl?: (docId: string) => string;
}

/** A composed digest: the chat reply, and the mail's subject and parts. */
export interface ComposedDigest {
  subject: string;
  reply: Reply;
  /** Mail body (plain text). */
  text: string;
  /** Mail body (HTML), saying the same as `text`. */
  html: string;
}

function ref(c: Cite): SourceRef {
  return { docId: c.docId, reference: c.reference, title: c.title, kind: c.kind, ...(c.unverified ? { unverified: true } : {}) };
}

/**
 * The digest as a reply and a mail subject, or `null` when there is nothing to say.
 *
 * @example composeDigest({ …, documents: [], deadlines: [], liaisons: [] }) === null
 */
export function composeDigest(input: DigestInput): ComposedDigest | null {
  const { documents, deadlines, liaisons, zone } = input;
  if (documents.length + deadlines.length + liaisons.length === 0) return null;
  const sources = new Map<string, SourceRef>();
  const cite = (c: Cite): SourceRef => {
    const r = ref(c);
    sources.set(c.docId, r);
    return r;
  };
  const docItems: ReplyItem[] = documents.map((d) => ({
    text: `${KIND_LABELS[d.parsed.kind]}${d.parsed.reference ? ` ${d.parsed.reference}` : ''}${d.parsed.group ? ` (${d.parsed.group})` : ''}`,
    ...(d.parsed.title ? { detail: d.parsed.title } : {}),
    source: cite({ docId: d.id, reference: d.parsed.reference, title: d.parsed.title, kind: d.parsed.kind, date: d.parsed.date, ...(senderVerified(d.source) ? {} : { unverified: true as const }) }),
  }));
  const dlItems: ReplyItem[] = deadlines.map((d) => ({ text: formatDeadline(d, zone), detail: d.action, source: cite(d.source) }));
  const lsItems: ReplyItem[] = liaisons.map((l) => ({
    text: `${l.liaison.from ?? 'Liaison'} → ${l.liaison.to.join(', ') || l.group || '?'}: ${l.source.title ?? l.source.reference ?? 'liaison statement'}`,
    detail: `Reply due ${l.liaison.deadline ? DateTime.fromISO(l.liaison.deadline).toFormat('ccc d LLL yyyy') : '(no date given)'}${l.liaison.questions.length ? ` · ${l.liaison.questions.join(', ')}` : ''}`,
    source: cite(l.source),
  }));
  const sections = [
    { heading: 'New documents', items: docItems },
    { heading: 'Upcoming deadlines', items: dlItems },
    { heading: 'Liaisons awaiting reply', items: lsItems },
  ].filter((s) => s.items.length > 0);
  const counts = [
    documents.length ? `${documents.length} new document${documents.length === 1 ? '' : 's'}` : null,
    deadlines.length ? `${deadlines.length} deadline${deadlines.length === 1 ? '' : 's'} ahead` : null,
    liaisons.length ? `${liaisons.length} liaison${liaisons.length === 1 ? '' : 's'} awaiting reply` : null,
  ].filter(Boolean);
  const subject = `Weekly digest for ${input.topics.join(', ')}: ${counts.join(', ')}`;
  const mail = renderMail({
    subject,
    preheader: `${counts.join(', ')}.`,
    kicker: 'Weekly digest',
    title: `${input.topics.join(', ')}: ${counts.join(', ')}`,
    blocks: digestBlocks(input),
    actions: {},
    footer: { lines: [`Times in ${zone}.`, 'Change or stop it by telling sgbot: digest on monday 08:00 / digest off'] },
  });
  return {
    subject,
    text: mail.text,
    html: mail.html,
    reply: {
      ok: true,
      title: subject,
      sections,
      notes: [`Times in ${zone}. Change or stop with: digest on monday 08:00 / digest off`],
      sources: [...sources.values()],
      data: { topics: input.topics, documents: documents.map((d) => d.id), deadlines: deadlines.length, liaisons: liaisons.length },
    },
  };
}

/** "TSB Collective letter 5/20" as is, "Liaison statement SG20-LS12" for a reference that does not say its kind. */
function docTitle(kind: StoredDocument['parsed']['kind'], reference: string | null): string {
  const label = KIND_LABELS[kind];
  if (!reference) return label;
  return reference.toLowerCase().includes(label.toLowerCase()) ? reference : `${label} ${reference}`;
}

function docLabel(c: Pick<Cite, 'reference' | 'title' | 'kind'>): string {
  return c.reference ?? c.title ?? KIND_LABELS[c.kind];
}

const UNVERIFIED = ' (sender check failed)';

/** The digest's sections as mail blocks, each entry linked to its document when `input.docUrl` is given. */
function digestBlocks(input: DigestInput): MailBlock[] {
  const href = (docId: string) => (input.docUrl ? { href: input.docUrl(docId) } : {});
  const source = (c: Cite) => (input.docUrl ? { source: { label: `${docLabel(c)}${c.unverified ? UNVERIFIED : ''}`, href: input.docUrl(c.docId) } } : {});
  const documents: MailListItem[] = input.documents.map((d) => ({
    title: `${docTitle(d.parsed.kind, d.parsed.reference)}${d.parsed.group ? ` (${d.parsed.group})` : ''}`,
    ...href(d.id),
    ...(d.parsed.title || !senderVerified(d.source) ? { detail: `${d.parsed.title ?? ''}${senderVerified(d.source) ? '' : UNVERIFIED}`.trim() } : {}),
  }));
  const deadlines: MailListItem[] = input.deadlines.map((d) => ({ title: formatInstant(d.due, input.zone), detail: d.action, meta: `Original: ${asGiven(d)}`, ...source(d.source) }));
  const liaisons: MailListItem[] = input.liaisons.map((l) => ({
    title: `${l.liaison.from ?? 'Liaison'} → ${l.liaison.to.join(', ') || l.group || '?'}: ${l.source.title ?? l.source.reference ?? 'liaison statement'}`,
    ...href(l.source.docId),
    detail: `Reply due ${l.liaison.deadline ? DateTime.fromISO(l.liaison.deadline).toFormat('ccc d LLL yyyy') : '(no date given)'}${l.liaison.questions.length ? ` · ${l.liaison.questions.join(', ')}` : ''}${l.source.unverified ? UNVERIFIED : ''}`,
  }));
  return [
    { kind: 'list' as const, heading: 'New documents', items: documents },
    { kind: 'list' as const, heading: 'Upcoming deadlines', items: deadlines },
    { kind: 'list' as const, heading: 'Liaisons awaiting reply', items: liaisons },
  ].filter((b) => b.items.length > 0);
}
