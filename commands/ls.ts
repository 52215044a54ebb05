/**
 * `ls [group|Question]`: liaison statements of a group, seen from that group: those it must answer (reply deadline
 * ahead, not yet answered) first, then the replies it expects from others, then the rest, newest first.
 */
import { MONTH_PATTERN } from '../src/parse/normalize.ts';
import { withBodyShortNames } from '../src/core/bodies.ts';
import { canonicalGroup, canonicalQuestion, GROUP_MENTION, groupOfQuestion, parentGroup } from '../src/core/groups.ts';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, type CommandContext, type Reply, type ReplyItem } from '../src/core/command.ts';
import { dueAt, formatDeadline, formatRange, meetingDay } from '../src/core/time.ts';
import type { LiaisonInfo } from '../src/core/types.ts';
import { DUE_ASKED_TOO } from '../src/chat/router.ts';
import { actingAddressees, requestsOf } from '../src/parse/liaison.ts';
import { liaisonFactOf, type LiaisonFact } from '../src/store/facts.ts';
import docCommand, { documentsByReference } from './doc.ts';
import { dueIn, rangeDays, rangeOf, type DateRange } from './when.ts';
import { addresseeList, asksTitle, contactLine, contactsTitle, farAfterNote, parseScope, partyNamed, sourceLabel, sourceOf, uniqueSources, unknownGroupReply, type Scope } from './scope.ts';

const GENEVA = 'Europe/Zurich';

/** The acting addressees that are `group` (or, for a Question, that group with that Question or none named). */
function asksOf(li: LiaisonInfo, group: string | null, question: string | null): boolean {
  return actingAddressees(li).some(
    (a) => a.group !== null && (group === null || parentGroup(a.group) === group) && (question === null || a.questions.length === 0 || a.questions.includes(question)),
  );
}

function partyList(li: LiaisonInfo): string {
  return addresseeList(li) ?? `to ${li.to.join(', ') || 'unknown'}${li.cc.length ? ` (cc ${li.cc.join(', ')})` : ''}; for ${li.purpose ?? 'unstated purpose'}`;
}

/**
 * The sender's meetings to come that the statement lists, for a reply to reach it in time ("; its sender meets next:
 * …"); none once they are all over.
 */
function meetsNext(l: LiaisonFact, today: string): string {
  const next = (l.senderMeetings ?? []).filter((m) => m.end >= today);
  return next.length > 0 ? `; its sender meets next: ${next.map((m) => `${m.title} ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}`).join('; ')}` : '';
}

function line(l: LiaisonFact, ctx: { tz: string; now: number }, deadlineWords: string | null, contacts = false): ReplyItem {
  const tz = ctx.tz;
  const li = l.liaison;
  const source = sourceOf(l.source);
  const due = li.deadline ? formatDeadline({ date: li.deadline, time: null, timezone: GENEVA }, tz) : null;
  const when = l.answeredBy ? ` — answered by ${l.answeredBy.reference ?? l.answeredBy.title ?? 'a reply'}` : due && deadlineWords ? ` — ${deadlineWords} ${due}${farAfterNote(li.deadline, l.source.date)}` : '';
  return {
    text: `${l.source.title ?? l.source.reference ?? 'Liaison statement'}${when}`,
    detail: `from ${li.from ?? 'unknown'}; ${partyList(li)}${contacts && li.contacts.length > 0 ? `; contacts: ${li.contacts.map(contactLine).join('; ')}` : ''}${l.source.date ? `; dated ${formatRange(l.source.date, l.source.date)}` : ''}${meetsNext(l, meetingDay(ctx.now))} [${sourceLabel(source)}]`,
    source,
  };
}

const lsCommand = defineCommand({
  name: 'ls',
  aliases: ['liaisons', 'liaison'],
  summary: 'Liaison statements of a group: those it must answer, with their reply deadlines, first.',
  usage: 'ls [SG17|Q6/17|TSAG]',
  examples: ['ls SG17', 'ls Q6/17', 'which liaisons need a reply from SG17', 'ls'],
  args: z.object({ scope: z.custom<Scope>(), from: z.string().nullable().default(null), to: z.string().nullable().default(null), topic: z.string().nullable().default(null), due: z.string().optional(), sent: z.string().optional(), asks: z.boolean().optional(), replyAsked: z.boolean().optional(), actor: z.string().optional(), openAsked: z.enum(['passed', 'open']).optional(), whoActs: z.boolean().optional(), answeredAsked: z.boolean().optional(), contactsAsked: z.boolean().optional() }),
  parseText: parseLsText,
  // Any short question about liaisons, replies or LSs that names a group: "does sg20 owe anyone an LS reply", "what
  // replies is SG15 waiting for", "which LS does SG17 have to answer in january".
  // The topic a statement is on, when the question names one, is read too ("SG17 LS on CG-AISEC-STRAT - deadline?").
  fallbacks: [new RegExp(String.raw`^(?=.*\b(?:LSs?|liaisons?|liaison statements?|repl(?:y|ies)|respon(?:se|ses|d)|answer)\b)(?=(?:.*?\b(?<asks>what (?:do|does|should|must|shall) \S+ (?:need to |have to )?do|what (?:is|are) \S+ asked(?: to do)?|what (?:does|did) it ask|what (?:does|did) (?:the )?(?:\S+ ){0,8}?(?:LS|liaison(?: statement)?)\b[^?]{0,80}?\bask)\b)?)(?=(?:.*?\s(?:about|regarding|concerning|on)\s+(?<topic>(?!the\s+(?:list|agenda)\b)(?:[^\s?!.]|\.(?=\w))+(?:\s(?![-–]|who\b|what\b|when\b|and\b|by\b|from\b|to\b|asks?\b|asked\b|says?\b|said\b|wants?\b|requests?\b|means?\b|is\b|are\b|addressed\b|sent\b)(?:[^\s?!.]|\.(?=\w))+){0,4}))?)(?=(?:.*?\s(?<sent>(?:this|last)\s+(?:year|month|week)|(?:in|since)\s+(?:(?:${MONTH_PATTERN})\s+)?(?:19|20)\d{2})\b)?).*?(?<![\w/])(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))(?![\w/]).*$`, 'i')],
  intents: [
    /^(?:which|what)\s+(?:liaison statements?|liaisons?|LSs?)\s+(?:(?:are|is)\s+)?(?:still\s+)?(?:need|needs|await|awaits|awaiting|are awaiting|require|requires|are waiting for|waiting for|wait for)\s+(?:an?\s+)?(?:reply|replies|response|answer|action)(?:\s+from|\s+by|\s+of)?\b(?<arg>.*)$/i,
    // "which liaison statements still have an open reply deadline?", "any LSs with a pending reply date"
    /^(?:which|what|any)\s+(?:liaison statements?|liaisons?|LSs?)\s+(?<arg>(?:still\s+)?(?:have|has|with)\s+(?:an?\s+)?(?:open|pending|upcoming|future|outstanding)\s+(?:reply\s+|response\s+)?(?:deadlines?|dates?)\b.*)$/i,
    // "any LS with a deadline coming up?" (the span words read apart): those with a reply date.
    /^(?:are there |is there )?(?:which|what|any)\s+(?:liaison statements?|liaisons?|LSs?)\s+(?:with|having|that have|that has)\s+(?:an?\s+)?(?:reply\s+|response\s+)?(?:deadlines?|due dates?|reply dates?)\s*(?:coming up|soon|ahead|(?:that is |which is )?(?:still )?(?:open|pending|to come))?\s*[?!.]*(?<arg>)$/i,
    /^(?:liaison statements?|liaisons?|LSs?)\s+(?:awaiting|needing|to answer for|waiting for)\s+(?:an?\s+)?(?:reply|response|action)?(?:\s+from|\s+by)?\b(?<arg>.*)$/i,
    // "liaisons SG17", "show me the recent liaisons of SG17", "list all new LSs for TSAG"
    /^(?:(?:show|list|give|find)(?: me| us)? |(?:the|all|recent|new|latest) )*(?:liaison statements?|liaisons?|LSs?)\b(?<arg>.*)$/i,
    // "is there a liaison statement from SG17 to SG20?", "are there any LSs to SG13 from SG11": sender and addressee.
    /^(?:is|are) there (?:a|an|any) (?:new |recent )?(?:liaison statements?|liaisons?|LSs?)\s+(?<arg>(?:from|to)\s+.+?)\s*[?!.]*$/i,
    // "any liaisons for SG13 to answer", "which liaisons did SG17 send", "what liaisons has SG20 received".
    // ("any LS from 3GPP to sg16?": the sender and addressee read as such; "which liaisons did we send to IEEE": those
    // sent to it, whoever "we" are.)
    /^(?:are there |is there )?(?:any|which|what)\s+(?:liaison statements?|liaisons?|LSs?)\s+(?:(?:for|did|has|have)\s+(?:(?:we|I|you|us)\s+(?:send|sent|write|wrote)\s+(?=to\s))?|(?=(?:from|to)\s))(?<arg>.+?)(?:\s+(?:to answer|to reply to|send(?: out)?|sent(?: out)?|receive|received|get|got))?\s*\??$/i,
  ],
  async run(ctx, { scope, from, to, topic, due, sent, asks: wantAsks = false, replyAsked = false, actor, openAsked, whoActs = false, answeredAsked = false, contactsAsked = false }): Promise<Reply> {
    // "ls SG17-LS45": one statement by its number, as `doc` shows it.
    if (scope.kind === 'unknown' && /^(?:SG\d{1,2}|TSAG)-LS\s?\d{1,4}$/i.test(scope.text.trim())) return docCommand.run(ctx, { ref: scope.text.trim() });
    // A body outside ITU-T that statements were sent to or came from ("waiting for a reply from ISO/IEC JTC 1/SC 42"):
    // the statements sent to it.
    if (scope.kind === 'unknown' && from === null && to === null) {
      const party = scope.text.trim();
      const known = (await ctx.store.liaisons(null, 200)).some((l) => sentTo(l.liaison, party) || sentBy(l.liaison, party));
      if (known && party.length >= 3) return lsCommand.run(ctx, { scope: { kind: 'all' }, from: null, to: party, topic, due, sent, asks: wantAsks, replyAsked, actor, openAsked, whoActs, answeredAsked, contactsAsked });
    }
    if (scope.kind === 'unknown') return unknownGroupReply(ctx, scope.text);
    // "does SG16 have to reply to TSAG-LS12": the statement by its number, whoever it went to.
    // "does SG13 have to reply to TD 1204 from SG15": the statement by the TD that carries it, the sender's first.
    const numberedDocs = actor && topic && LS_NUMBER.test(topic) ? await documentsByReference(ctx, topic) : [];
    const numberedFacts = numberedDocs.map((d) => liaisonFactOf(d)).filter((x) => x !== null);
    const numbered = numberedFacts.find((l) => from !== null && (sentBy(l.liaison, from) || l.group === from)) ?? numberedFacts[0];
    if (actor && numbered) {
      const source = sourceOf(numbered.source);
      return { ok: true, title: actNeeded(numbered, actor, ctx.tz, ctx.now), sections: [{ items: [line(numbered, ctx, numbered.liaison.deadline && dueAt({ date: numbered.liaison.deadline, time: null, timezone: GENEVA }) < ctx.now ? 'reply was due by' : 'reply due by', true)] }], notes: [], sources: [source], data: { liaison: numbered } };
    }
    const question = scope.kind === 'question' ? scope.question : null;
    const group = scope.kind === 'group' ? parentGroup(scope.group) : question ? groupOfQuestion(question) : null;
    // Reply dates asked about ("due in april 2026"): the statements whose reply date falls then, whoever is to reply.
    const window = due ? rangeOf(due, { now: ctx.now, tz: ctx.tz }) : null;
    const dueThen = (l: LiaisonFact) => !window || (l.liaison.deadline !== null && dueIn(window, ctx.tz, { due: dueAt({ date: l.liaison.deadline, time: null, timezone: GENEVA }), date: l.liaison.deadline }));
    // Dated in the span asked ("this year"): the statements of that time only.
    const sentWindow = sent ? rangeOf(sent, { now: ctx.now, tz: ctx.tz }) : null;
    const sentDays = sentWindow ? rangeDays(sentWindow, ctx.tz) : null;
    const sentThen = (l: LiaisonFact) => !sentDays || (!!l.source.date && (sentDays.from === null || l.source.date >= sentDays.from) && (sentDays.to === null || l.source.date < sentDays.to));
    const listed = onceEach((await ctx.store.liaisons(group, 200)).filter((l) => (from === null || sentBy(l.liaison, from)) && (to === null || sentTo(l.liaison, to)) && dueThen(l) && sentThen(l)));
    if (window) return dueReply(ctx, listed, window, group);
    if (openAsked && from !== null) {
      const dated = listed.filter((l) => l.liaison.deadline !== null);
      if (dated.length > 0) return pastOrOpenReply(ctx, dated, openAsked, from);
    }
    // A topic narrows the list to the statements whose titles name it; when none does, the whole list, saying so.
    const onTopic = topic ? listed.filter((l) => namesTopic(l, topic)) : listed;
    const all = onTopic.length > 0 ? onTopic : listed;
    const topicNote = topic && onTopic.length === 0 && listed.length > 0 ? [`None of these is titled on "${topic}": all are listed.`] : [];
    // A statement or two picked out by their topic: who to ask about them comes with them.
    // Or by who sent them to whom ("what did SG17 ask SG20"): what each asks comes too, in its own words.
    const narrowed = (topic !== null && onTopic.length > 0 && onTopic.length <= 2) || ((from !== null || to !== null) && all.length > 0 && all.length <= 3);
    const asks = new Map<LiaisonFact, string[]>();
    const withAsks = (l: LiaisonFact, item: ReplyItem): ReplyItem[] => [item, ...(asks.get(l) ?? []).map((a) => ({ text: `Asks: ${a}`, source: item.source }))];
    // A reply date years after the statement's own date ("2033-02-28" on a statement of 2012) is no reply awaited: it
    // is listed with the others, with its date as the document gives it.
    const plausible = (l: LiaisonFact) => farAfterNote(l.liaison.deadline, l.source.date) === '';
    const ahead = (l: LiaisonFact) => l.liaison.deadline !== null && dueAt({ date: l.liaison.deadline, time: null, timezone: GENEVA }) >= ctx.now && plausible(l);
    const byDeadline = (a: LiaisonFact, b: LiaisonFact) => (a.liaison.deadline ?? '').localeCompare(b.liaison.deadline ?? '');
    // Of every group: any statement that asks someone to act, an ITU-T group or another body.
    const mustAnswer = all.filter((l) => !l.answeredBy && ahead(l) && (group === null && question === null ? actingAddressees(l.liaison).length > 0 : asksOf(l.liaison, group, question))).sort(byDeadline);
    const expected = group
      ? all.filter((l) => !l.answeredBy && ahead(l) && !mustAnswer.includes(l) && l.liaison.from !== null && parentGroup(l.liaison.from) === group && actingAddressees(l.liaison).length > 0).sort(byDeadline)
      : [];
    const who = question ?? group;
    // Asked to act with no date given, in the last year: a reply is expected all the same. A statement that gives no
    // date of its own is dated by the mail that brought it; a file without either may be of any year (a memo of 2007):
    // it is listed with the rest, not as owed.
    const today = DateTime.fromMillis(ctx.now, { zone: GENEVA });
    const [yearAgo, todayIso] = [today.minus({ years: 1 }).toISODate() ?? '', today.toISODate() ?? ''];
    const recent = (date: string | null) => date !== null && date >= yearAgo && date <= todayIso;
    const undated = who ? all.filter((l) => !l.answeredBy && l.liaison.deadline === null && recent(l.source.date ?? l.received ?? null) && asksOf(l.liaison, group, question)) : [];
    // Asked to reply by a date now past, in the last year (a study group's meeting cycle), with no reply stored: still
    // owed, as far as sgbot knows.
    // Of every group: those that asked anyone to act, an ITU-T group or another body (as for replies to come).
    const owes = (l: LiaisonFact) => (who ? asksOf(l.liaison, group, question) : actingAddressees(l.liaison).length > 0);
    const overdue = all.filter((l) => !l.answeredBy && l.liaison.deadline !== null && !ahead(l) && plausible(l) && l.liaison.deadline >= yearAgo && owes(l)).sort(byDeadline);
    const shown = new Set([...mustAnswer, ...expected, ...undated, ...overdue]);
    const rest = all.filter((l) => !shown.has(l) && (question === null || concerns(l.liaison, question))).slice(0, 20);
    // What each asks, in its own words: for the few statements picked out, or, asked "what do we need to do", for the
    // first three that want something of the group or that it waits on.
    const asksFor = narrowed ? (topic !== null && onTopic.length > 0 ? onTopic : all) : wantAsks ? [...mustAnswer, ...overdue, ...undated, ...expected].slice(0, 3) : [];
    if (asksFor.length > 0) {
      const texts = await Promise.all(asksFor.map((l) => ctx.store.getText(l.source.docId)));
      asksFor.forEach((l, i) => asks.set(l, requestsOf(texts[i] ?? '', 3)));
    }
    const sections = [
      { heading: who ? `${who} is asked to reply` : 'Awaiting a reply', items: mustAnswer.flatMap((l) => withAsks(l, line(l, ctx, 'reply due by', narrowed))) },
      { heading: `${who ?? ''} is asked to act (no reply date given)`.trim(), items: undated.flatMap((l) => withAsks(l, line(l, ctx, null, narrowed))) },
      { heading: who ? `Reply date passed, no reply from ${who} stored` : 'Reply date passed, no reply stored', items: overdue.flatMap((l) => withAsks(l, line(l, ctx, 'reply was due by', narrowed))) },
      { heading: `Replies ${group ?? ''} expects from others`.replace(/\s+/g, ' '), items: expected.flatMap((l) => withAsks(l, line(l, ctx, 'reply expected by', narrowed))) },
      { heading: 'Others, newest first', items: rest.flatMap((l) => withAsks(l, line(l, ctx, 'reply deadline', narrowed))) },
    ].filter((s) => s.items.length > 0);
    // Whether a party must act on the statement of the sender asked ("SG15's LS", "the LS from SC 27") picked out by its
    // topic: by its title, else the one statement from that sender to that party whose text holds every word of the
    // topic ("does SG20 need to act on SG17's LS on lead roles"). None such: said so, with no yes or no.
    const bySender = (l: LiaisonFact) => (from !== null ? sentBy(l.liaison, from) : group === null || (l.liaison.from !== null && parentGroup(l.liaison.from) === group));
    let actorsOwn: LiaisonFact | undefined;
    if (actor && topic !== null) {
      const titled = onTopic.length > 0 && onTopic !== listed ? onTopic.filter(bySender) : [];
      if (titled.length === 1) actorsOwn = titled[0];
      else if (titled.length === 0) {
        const sent = listed.filter((l) => bySender(l) && sentTo(l.liaison, actor));
        const texts = await Promise.all(sent.map((l) => ctx.store.getText(l.source.docId)));
        const holding = sent.filter((_, i) => holdsWords(texts[i] ?? '', topic));
        actorsOwn = holding.length === 1 ? holding[0] : undefined;
      }
    }
    const sender = from ?? group ?? 'that sender';
    const noneOnTopic = actor && topic !== null && !actorsOwn ? `No stored liaison statement from ${sender} to ${actor} is on "${topic}"` : null;
    const notes: string[] = actorsOwn || noneOnTopic ? [] : [...topicNote];
    // (Of the statements a group sent, nothing is said of what it must answer: "which liaison statements has sg20
    // sent?" lists its own; "ls SG20" says what waits for its reply.)
    const listsOwn = from !== null && group !== null && canonicalGroup(from) !== null && parentGroup(canonicalGroup(from) ?? '') === group;
    if (actorsOwn || noneOnTopic) {
      // The yes or no is the answer; the list below is the sender's statements.
    } else if (all.length === 0) {
      notes.push(`No liaison statements${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}${group && !to ? `${from ? ' to or copied to' : ' from, to or copied to'} ${group}` : ''} are stored.`);
      // The sender's meeting report may name one it approved ("SG2-LS16 to ITU-T SG13 on network identifiers").
      const addressee = to ?? (from !== null && group !== null && group !== from ? group : null);
      if (from && addressee) notes.push(...(await reportedStatements(ctx, from, addressee)));
    }
    else if (who && !listsOwn && mustAnswer.length === 0 && undated.length === 0 && overdue.length > 0) notes.push(`No reply is due from ${who} from today on; ${overdue.length === 1 ? 'one statement asked' : `${overdue.length} statements asked`} for one by a date now past, and no reply to ${overdue.length === 1 ? 'it' : 'them'} is stored.`);
    else if (who && !listsOwn && mustAnswer.length === 0 && undated.length === 0) notes.push(`No liaison statement${topic !== null && onTopic.length > 0 ? ` on "${topic}"` : ''} is waiting for a reply from ${who}.`);
    else if (who && mustAnswer.length === 0) notes.push(`No reply date is set for ${who}; ${undated.length} liaison statement${undated.length > 1 ? 's ask' : ' asks'} it to act without one.`);
    if (mustAnswer.length + expected.length > 0) notes.push(`Reply dates are shown in ${ctx.tz}; the liaison statements give them as Geneva dates.`);
    // The one statement picked out by its topic or its parties, when one is: the title answers of it.
    const picked = narrowed && (topic !== null ? onTopic : all).length === 1 ? (topic !== null ? onTopic : all)[0] : undefined;
    return {
      ok: true,
      title: (actorsOwn ? actNeeded(actorsOwn, actor as string, ctx.tz, ctx.now) : null) ?? noneOnTopic ?? (openAsked === 'open' && from === null && topic === null ? openTitle(mustAnswer, overdue, who, ctx.tz) : null) ?? (replyAsked && narrowed && topic !== null && onTopic.length === 1 ? replyNeeded(onTopic[0] as LiaisonFact, ctx.tz) : null) ??
        (contactsAsked && picked ? contactsTitle(sourceLabel(sourceOf(picked.source)), picked.liaison.contacts) : null) ??
        (wantAsks && picked && (asks.get(picked) ?? []).length > 0 ? asksTitle(sourceLabel(sourceOf(picked.source)), picked.liaison) : null) ??
        (answeredAsked && picked ? answeredTitle(picked, ctx.tz) : null) ??
        (answeredAsked ? answeredListTitle([...mustAnswer, ...overdue, ...undated], all.filter((l) => l.answeredBy)) : null) ??
        (whoActs && picked ? replyNeeded(picked, ctx.tz, true) : null) ?? `Liaison statements${who ? ` of ${who}` : ''}${from && from !== who ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}${topic && onTopic.length > 0 ? ` on ${topic}` : ''}${sentWindow ? `, dated ${sentWindow.words}` : ''}`,
      sections,
      notes,
      sources: uniqueSources([...mustAnswer, ...expected, ...rest].map((l) => sourceOf(l.source))),
      data: { group, question, awaitingAction: mustAnswer, askedWithoutDate: undated, expectedReplies: expected, overdue, recent: rest },
    };
  },
});
export default lsCommand;

/**
 * Whether any statement still waits for a reply by a date to come ("which liaison statements still have an open
 * deadline"): how many, and the first reply date; else none, with how many passed unanswered.
 */
function openTitle(open: LiaisonFact[], overdue: LiaisonFact[], who: string | null, tz: string): string {
  const of = who ? ` of ${who}` : '';
  const first = open[0];
  if (first?.liaison.deadline) return `${open.length === 1 ? 'One liaison statement' : `${open.length} liaison statements`}${of} ${open.length === 1 ? 'has' : 'have'} a reply date to come; the first is ${formatDeadline({ date: first.liaison.deadline, time: null, timezone: GENEVA }, tz)}`;
  return `No liaison statement${of} has a reply date to come${overdue.length > 0 ? `; ${overdue.length === 1 ? 'one reply date has' : `${overdue.length} reply dates have`} passed with no reply stored` : ''}`;
}

/** The statements whose reply date falls in `window`, soonest first (each line says who is asked to act). */
function dueReply(ctx: CommandContext, listed: LiaisonFact[], window: DateRange, group: string | null): Reply {
  const sorted = [...listed].sort((a, b) => (a.liaison.deadline ?? '').localeCompare(b.liaison.deadline ?? ''));
  const items = sorted.map((l) => line(l, ctx, 'reply due by'));
  const whose = group ? ` of ${group}` : '';
  // "in May 2026", "between now and 31 Dec 2026", "until 30 April".
  const during = /^now to /i.test(window.words) ? window.words.replace(/^now to /i, 'between now and ') : window.from !== null && window.to !== null ? `in ${window.words}` : window.words;
  return {
    ok: true,
    title: `Liaison statements${whose} with a reply date ${during}`,
    sections: items.length > 0 ? [{ items }] : [],
    notes: [items.length === 0 ? `No stored liaison statement${whose} asks for a reply ${during}.` : `Reply dates are shown in ${ctx.tz}; the liaison statements give them as Geneva dates.`],
    sources: uniqueSources(sorted.map((l) => sourceOf(l.source))),
    data: { group, range: window, due: sorted },
  };
}

/**
 * Each statement once: the same liaison received as a Datatracker page, its notification mail and the sender's own
 * copy is one statement (same sender, title and reply date, and sender check); the newest copy, listed first, is kept.
 */
function onceEach(liaisons: LiaisonFact[]): LiaisonFact[] {
  const seen = new Set<string>();
  return liaisons.filter((l) => {
    const key = `${l.liaison.from ?? ''}\u0000${(l.source.title ?? l.source.reference ?? l.source.docId).toLowerCase().replace(/\W+/g, ' ').trim()}\u0000${l.liaison.deadline ?? ''}\u0000${l.source.unverified ? 'unverified' : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// "sg15 send", left of "what ls did sg15 send that needs a reply": the statements of that sender.
const SENT_BY = new RegExp(String.raw`^(${GROUP_MENTION.source})\s+(?:send|sent)(?:\s+out)?$`, 'i');

/** "SG15 from IETF" (as the router passes "did IETF send anything to SG15"): a scope and, after "from", a sender. */
export function parseLsText(rest: string): { scope: Scope; from: string | null; to: string | null; topic: string | null; due?: string; sent?: string; asks?: boolean; replyAsked?: boolean; actor?: string; addressee?: string; openAsked?: 'passed' | 'open'; whoActs?: boolean; answeredAsked?: boolean; contactsAsked?: boolean } {
  // "--asks" (as the router passes "what do we need to do"): what the statements ask comes with them.
  if (/(?:^|\s)--asks\b/.test(rest)) return { ...parseLsText(rest.replace(/(?:^|\s)--asks\b/g, ' ').trim()), asks: true };
  // "--answered" (as the router passes "was the LS on emergency calls answered"): whether a reply to it is stored.
  if (/(?:^|\s)--answered\b/.test(rest)) return { ...parseLsText(rest.replace(/(?:^|\s)--answered\b/g, ' ').trim()), answeredAsked: true };
  // "--contacts" (as the router passes "who is the contact for the LS on emergency calls"): whom each names to contact.
  if (/(?:^|\s)--contacts\b/.test(rest)) return { ...parseLsText(rest.replace(/(?:^|\s)--contacts\b/g, ' ').trim()), contactsAsked: true };
  // "--who-acts" (as the router passes "who must reply to the LS on fronthaul"): who is asked to act, and by when.
  if (/(?:^|\s)--who-acts\b/.test(rest)) return { ...parseLsText(rest.replace(/(?:^|\s)--who-acts\b/g, ' ').trim()), whoActs: true };
  // "--acts" (as the router passes "does SG13 have to act on SG15's LS on fronthaul"): whether the party after "to"
  // is asked to act by the statement picked out, whoever it went to.
  if (/(?:^|\s)--acts\b/.test(rest)) {
    const { addressee, ...parsed } = parseLsText(rest.replace(/(?:^|\s)--acts\b/g, ' ').trim());
    // A Question asked of keeps its number ("does Q6/20 have to act"): the group it is in is not the same ask.
    const actor = addressee ?? parsed.to ?? (parsed.scope.kind === 'group' ? parsed.scope.group : parsed.scope.kind === 'question' ? parsed.scope.question : null);
    return actor ? { ...parsed, to: null, actor } : parsed;
  }
  // "which liaison statements still have an open deadline": those whose reply date is to come.
  const stillOpen = /\s*\b(?:that\s+|which\s+)?(?:still\s+)?(?:have|has|with)\s+(?:an?\s+|any\s+)?(?:open|upcoming|pending|future|outstanding)\s+(?:reply\s+|response\s+)?(?:deadlines?|reply dates?|dates?)\b|\s*\b(?:whose\s+)?(?:reply\s+)?deadlines?\s+(?:is|are)\s+still\s+open\b/i;
  if (stillOpen.test(rest) && !/(?:^|\s)--(?:passed|still-open)\b/.test(rest)) return { ...parseLsText(rest.replace(stillOpen, ' ').trim()), openAsked: 'open' };
  // "--passed", "--still-open" (as the router passes "did the SC27 LS deadline pass"): whether its reply date is past.
  const state = /(?:^|\s)--(passed|still-open)\b/.exec(rest);
  if (state) return { ...parseLsText(rest.replace(/(?:^|\s)--(?:passed|still-open)\b/g, ' ').trim()), openAsked: state[1] === 'passed' ? 'passed' : 'open' };
  // "does SG5's LS on L.1470 need a reply": whether the statements picked out ask for one.
  const needs = /\s+(?:that\s+|which\s+)?(?:need|needs|require|requires|expect|expects|want|wants)\s+(?:an?\s+)?(?:reply|response|answer)\b/i;
  if (needs.test(rest)) {
    const left = rest.replace(needs, ' ').trim().replace(SENT_BY, 'from $1');
    return { ...parseLsText(left), replyAsked: true };
  }
  // "any liaisons for study group 2 this year?", "SG17 liaisons sent last month": when the statements were dated.
  const sentAsked = new RegExp(String.raw`\s+(?:(?:sent|received|dated|written|issued)\s+)?((?:this|last)\s+(?:year|month|week)|in\s+(?:(?:${MONTH_PATTERN})\s+)?(?:19|20)\d{2}|since\s+(?:(?:${MONTH_PATTERN})\s+)?(?:19|20)\d{2}|recently|lately|of late)\s*[?!.]*$`, 'i').exec(rest);
  // ("recently": the last six months, about a study group's meeting cycle.)
  if (sentAsked?.[1] && !/(?:^|\s)(?:due|deadlines?|reply dates?)\b/i.test(rest)) return { ...parseLsText(rest.slice(0, sentAsked.index)), sent: /^(?:recently|lately|of late)$/i.test(sentAsked[1]) ? 'the past 6 months' : sentAsked[1].trim() };
  // "due in april 2026" (as the router passes "liaisons with a deadline in april 2026"): when their reply dates fall.
  const dueAsked = /(?:^|\s)due\s+(\S.{1,80})$/i.exec(rest);
  if (dueAsked?.[1]) {
    // ("with a reply due in the next two months": the reply is what is due, no party.)
    const parsed = parseLsText(rest.slice(0, dueAsked.index).replace(/\s*\b(?:with|having|that have|that has|whose)\s+(?:an?\s+)?(?:reply|response|answer)(?:\s+(?:date|deadline))?(?:\s+(?:is|are))?\s*$/i, ' '));
    return { ...parsed, due: dueAsked[1].trim() };
  }
  // What follows a dash or the question's own words is no name: "from jtc1 sc27 - whats the deadline", "to SG20 in its
  // liaison", "… and by when", "from SG15 with a deadline".
  let text = rest
    // "… and when is it due", "… and by when": asked with the statements, which give their reply dates.
    .replace(new RegExp(`${DUE_ASKED_TOO.source}.*$`, 'i'), '')
    // "… in 2026", "… this year": the statements are listed newest first, dated.
    .replace(/\s+(?:in|during|since)\s+(?:19|20)\d{2}\b|\s+(?:this|last)\s+year\b/gi, '')
    // "ask study groups to do": the study groups as its addressees, as "what does TSAG want from the study groups".
    .replace(/^(?:all |the )?study groups\b(?:\s+to\s+do)?/i, 'to study groups')
    .replace(/\s+[-–]\s+.*$/, '')
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+(?:in|with|through|via|by) (?:its|the|their|this|that|a|an|any) (?:(?:reply )?liaisons?|LSs?|liaison statements?|letters?|statements?)\b/gi, ' ')
    .replace(/,?\s+(?:and\s+)?(?:by\s+)?when\b(?=\s+(?:from|to|by)\b|\s*$)/i, ' ')
    .replace(/\s+with (?:an? |any )?(?:reply |response )?(?:deadlines?|due dates?|reply dates?)\b/gi, ' ')
    // "which LS from SG15 wants a reply": the statements that ask for one are the ones listed first anyway.
    .replace(/\s+(?:that\s+|which\s+)?(?:wants?|needs?|asks? for|expects?|requires?)\s+(?:an?\s+)?(?:reply|replies|response|answer|action)\b/gi, ' ')
    .trim();
  // "sg13 in the emergency calls LS": the statements' topic, named before "LS".
  const named = /\s+in\s+(?:its|the|their|this|that)\s+(\S.{1,50}?)\s+(?:LS|liaison(?: statement)?|letter|statement)\b/i.exec(text);
  if (named?.[1]) text = `${text.slice(0, named.index)} about ${named[1]}${text.slice(named.index + named[0].length)}`;
  // "SG11 about SRv6", "SG17 on CG-AISEC-STRAT": the statements' topic, read apart from the parties.
  // ("about the Q13/15 meeting", as a follow-up on a Question's meeting is read: the Question's statements.)
  text = text.replace(/(\b(?:about|regarding|concerning|on)\s+)the\s+((?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|WP\d\/\d{1,2}))\s+meeting\b/i, '$1$2');
  const about = /(?:^|\s+)(?:about|regarding|concerning|on the subject of|on)\s+(\S.{1,80}?)(?=\s+(?:sent\s+)?(?:from|by|to)\s|$)/i.exec(text);
  // (A statement's number is a topic: "about TSAG-LS12".)
  const topic = about?.[1] && (LS_NUMBER.test(about[1].trim()) || !/^(?:(?:ITU-T[\s-]+)?(?:SG[\s-]?\d|study group|TSAG|Q\d)|the\s+(?:list|mailing))/i.test(about[1])) ? about[1].trim().replace(/[,;:]+$/, '') : null;
  if (topic && about) text = `${text.slice(0, about.index)} ${text.slice(about.index + about[0].length)}`.trim();
  return { ...partiesOf(text), topic };
}

/**
 * Who the statements asked of are from and to, and the group asked about. `addressee` (not an argument of the command:
 * its schema drops it) is the party after "to" as written, a Question kept as one ("to Q6/20"), where `to` stands for
 * its group and is left out when it is the group asked about.
 */
function partiesOf(text: string): { scope: Scope; from: string | null; to: string | null; addressee?: string } {
  const party = (t: string | undefined) => {
    const name = (t ?? '').replace(/\s+\b(?:what(?:'s|s| is)?|whats|when|the deadline|deadline|reply|replies|due|date|about|on|wants?|needs?|asks?|expects?|requires?)\b.*$/i, '').trim();
    return name ? (canonicalGroup(name) ?? name) : null;
  };
  const f = /\b(?:sent\s+)?(?:from|by)\s+(?:the\s+)?(\S.{0,60}?)(?=\s+(?:sent\s+)?(?:to|for)\s|$)/i.exec(text);
  const from = party(f?.[1]);
  if (f) text = `${text.slice(0, f.index)} ${text.slice(f.index + f[0].length)}`;
  const t = /\b(?:sent\s+)?(?:to|for)\s+(?:the\s+)?(\S.{0,60}?)(?=\s+(?:sent\s+)?(?:from|by)\s|$)/i.exec(text);
  const to = party(t?.[1]);
  const addressee = t?.[1] ? (canonicalQuestion(t[1].trim()) ?? to ?? undefined) : undefined;
  if (t) text = `${text.slice(0, t.index)} ${text.slice(t.index + t[0].length)}`;
  text = text.replace(/\bsent\b/gi, ' ');
  if (!f && !t) return { scope: parseScope(text), from: null, to: null };
  // The group asked about: the one named apart, else the ITU-T group the statements went to, else the one that sent them.
  const named = parseScope(text);
  const itu = (x: string | null) => (x && canonicalGroup(x) ? ({ kind: 'group', group: canonicalGroup(x) as string } as Scope) : null);
  const scope = named.kind !== 'all' ? named : (itu(to) ?? itu(from) ?? named);
  return { scope, from, to: scope.kind === 'group' && to !== null && canonicalGroup(to) === scope.group ? null : to, ...(addressee ? { addressee } : {}) };
}

/**
 * Whether the reply date of the statement from `from` (of several, the soonest to come, else the latest past) is past: "Yes: the reply to
 * JTC 1/SC 27's LS on … was due by …" or "No: … is due by …, still to come", with the statements below.
 */
function pastOrOpenReply(ctx: CommandContext, dated: LiaisonFact[], asked: 'passed' | 'open', from: string): Reply {
  // The one meant is the live one: the soonest reply date to come, else the latest past.
  const dueOf = (x: LiaisonFact) => dueAt({ date: x.liaison.deadline ?? '', time: null, timezone: GENEVA });
  const coming = dated.filter((x) => dueOf(x) >= ctx.now).sort((a, b) => dueOf(a) - dueOf(b));
  const sorted = [...coming, ...dated.filter((x) => dueOf(x) < ctx.now).sort((a, b) => dueOf(b) - dueOf(a))];
  const l = sorted[0] as LiaisonFact;
  const deadline = { date: l.liaison.deadline ?? '', time: null, timezone: GENEVA };
  const past = dueOf(l) < ctx.now;
  const yes = (asked === 'passed') === past;
  const acting = actingAddressees(l.liaison).map((a) => a.party);
  const answered = l.answeredBy ? `; answered by ${sourceLabel(sourceOf(l.answeredBy))}` : '';
  const title = `${yes ? 'Yes' : 'No'}: the reply${acting.length > 0 ? ` from ${acting.join(', ')}` : ''} to ${sourceLabel(sourceOf(l.source))} ${past ? 'was due by' : 'is due by'} ${formatDeadline(deadline, ctx.tz)}${past ? '' : ', still to come'}${answered}`;
  const items = sorted.slice(0, 5).map((x) => line(x, ctx, dueOf(x) < ctx.now ? 'reply was due by' : 'reply due by', true));
  return {
    ok: true,
    title,
    sections: [{ heading: `Liaison statements from ${from} with a reply date`, items }],
    notes: [...(sorted.length > 1 ? [`${sorted.length} statements from ${from} give a reply date: the one answered above is ${coming.length > 0 ? 'the soonest to come' : 'the latest past'}.`] : []), `Reply dates are shown in ${ctx.tz}; the liaison statements give them as Geneva dates.`],
    sources: uniqueSources(sorted.slice(0, 5).map((x) => sourceOf(x.source))),
    data: { liaisons: sorted.slice(0, 5) },
  };
}

/**
 * Statements from `from` to `to` that a stored meeting report of `from` names though their text is not stored:
 * "SG2-R3 names SG2-LS16 to ITU-T SG13 on network identifiers for IMT-2020; its text is not stored."
 */
async function reportedStatements(ctx: CommandContext, from: string, to: string): Promise<string[]> {
  const sender = canonicalGroup(from);
  const addressee = canonicalGroup(to);
  if (!sender || !addressee) return [];
  const index = await ctx.search();
  const reports = (await index.search(`${sender} ${addressee} liaison statements`, 20)).filter((h) => h.kind === 'report').slice(0, 5);
  const texts = await Promise.all(reports.map((h) => ctx.store.getText(h.id)));
  const number = (g: string) => g.replace(/^SG/, '');
  const named = new RegExp(String.raw`\b${sender}-LS\s?\d{1,4}\s+to\s+(?:ITU-T\s+)?(?:SG\s?${number(addressee)}|Study Group ${number(addressee)})\b[^.;,]{0,100}`, 'gi');
  const found = new Map<string, string>();
  reports.forEach((h, i) => {
    for (const m of (texts[i] ?? '').slice(0, 60_000).matchAll(named)) if (!found.has(m[0])) found.set(m[0], h.reference ?? h.title ?? 'a report');
  });
  return [...found].slice(0, 3).map(([said, report]) => `${report} names ${said.trim()}; its text is not stored.`);
}

/** Whether the statements listed were answered: "No reply is stored to SG11-LS58, TSAG-LS12; SG13-LS96 was answered". */
function answeredListTitle(open: LiaisonFact[], answered: LiaisonFact[]): string | null {
  if (open.length === 0 && answered.length === 0) return null;
  const names = (ls: LiaisonFact[]) => `${ls.slice(0, 3).map((l) => sourceLabel(sourceOf(l.source))).join(', ')}${ls.length > 3 ? ` and ${ls.length - 3} more` : ''}`;
  const none = open.length > 0 ? `No reply is stored to ${names(open)}` : '';
  const some = answered.length > 0 ? `${names(answered)} ${answered.length === 1 ? 'was' : 'were'} answered` : '';
  return [none, some].filter(Boolean).join('; ');
}

/** Whether a statement picked out was answered: "Yes: SG13-LS96 was answered by SG20-LS112", or "No: no reply to … is stored". */
function answeredTitle(l: LiaisonFact, tz: string): string {
  const name = sourceLabel(sourceOf(l.source));
  if (l.answeredBy) return `Yes: ${name} was answered by ${l.answeredBy.reference ?? l.answeredBy.title ?? 'a stored reply'}`;
  const acting = actingAddressees(l.liaison).map((a) => a.party);
  const asked = l.liaison.deadline ? `; it asked ${acting.join(', ') || 'its addressees'} to reply by ${formatDeadline({ date: l.liaison.deadline, time: null, timezone: GENEVA }, tz)}` : acting.length > 0 ? `; it asked ${acting.join(', ')} to act` : '; it asked for no reply';
  return `No: no reply to ${name} is stored${asked}`;
}

/** Whether a statement picked out asks for a reply: "No: SG5-LS30 is for information …" or "Yes: … by <date>". */
function replyNeeded(l: LiaisonFact, tz: string, who = false): string {
  const name = sourceLabel(sourceOf(l.source));
  // With the Questions named: "SG17 (Q11/17)".
  const acting = actingAddressees(l.liaison).map(partyNamed);
  // Asked who must reply: who, not yes or no.
  if (l.liaison.deadline) return `${who ? '' : 'Yes: '}${name} asks ${acting.join(', ') || 'its addressees'} to reply by ${formatDeadline({ date: l.liaison.deadline, time: null, timezone: GENEVA }, tz)}`;
  if (acting.length > 0) return `${name} asks ${acting.join(', ')} to act, with no reply date`;
  return `No: ${name} is for information; it asks for no reply`;
}

/**
 * Whether `party` must act on a statement picked out: "Yes: SG15-LS12 asks SG13 to act, replying by …", or "No: SG13
 * gets SG15-LS12 for information; it asks IEEE 802.1, MEF to act by …".
 */
function actNeeded(l: LiaisonFact, party: string, tz: string, now: number): string {
  const name = sourceLabel(sourceOf(l.source));
  const question = canonicalQuestion(party);
  const group = question ? groupOfQuestion(question) : canonicalGroup(party);
  const acting = actingAddressees(l.liaison);
  const deadline = l.liaison.deadline ? { date: l.liaison.deadline, time: null, timezone: GENEVA } : null;
  const due = deadline ? ` by ${formatDeadline(deadline, tz)}` : '';
  const who = question ?? group ?? party;
  if (group ? asksOf(l.liaison, group, question) : acting.some((a) => isParty(a.party, party))) {
    if (l.answeredBy) return `No longer: ${name} asked ${who} to act, and it was answered by ${l.answeredBy.reference ?? l.answeredBy.title ?? 'a reply'}`;
    return `Yes: ${name} asks ${who} to act${!deadline ? '' : dueAt(deadline) < now ? `; the reply was due${due}` : `, replying${due}`}`;
  }
  const others = acting.map((a) => `${a.party}${a.questions.length > 0 && !a.party.includes(a.questions[0] as string) ? ` (${a.questions.join(', ')})` : ''}`);
  const asked = others.length > 0 ? `; it asks ${others.join(', ')} to act${due}` : '; it asks no one to act';
  // A Question of a group asked to act, the statement naming other Questions: not this one.
  if (question && group && asksOf(l.liaison, group, null)) return `No: ${name} asks ${others.join(', ')} to act${due}, not ${question}`;
  if (sentTo(l.liaison, group ?? party)) return `No: ${who} gets ${name} for information${asked}`;
  return `No: ${name} is not addressed to ${who}${asked}`;
}

/** A liaison statement's number ("TSAG-LS12", "SG17-LS45") or the TD that carries it ("TD 1204 (PLEN/15)", "SG15-TD1204"). */
const LS_NUMBER = /^(?:(?:SG\d{1,2}|TSAG)-LS\s?\d{1,4}|(?:(?:SG\d{1,2}|TSAG)-)?TD\s?\d{1,4}(?:\/[A-Z0-9]{2,5}|\s*\([^()]{2,12}\))?)$/i;

/** Whether `text` holds every word of `topic` of three letters or more, as a word's start ("roles" in "role"). */
function holdsWords(text: string, topic: string): boolean {
  const words = topic.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const lower = text.slice(0, 30_000).toLowerCase();
  return words.length > 0 && words.every((w) => new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(w.replace(/s$/, ''))}`, 'u').test(lower));
}

/** Whether a statement's title (or reference) holds every word of `topic` ("SRv6", "CG-AISEC-STRAT"). */
function namesTopic(l: LiaisonFact, topic: string): boolean {
  const title = ` ${`${l.source.title ?? ''} ${l.source.reference ?? ''}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const words = topic.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && !/^(?:the|a|an|of|and|for|to|in|ls|liaison|statements?)$/.test(w));
  // "terms" finds "terminology", "requirements" finds "requirement", "reviewing" finds "review".
  const stem = (w: string) => (w.length > 6 ? w.replace(/(?:ing|ed)$/, '') : w.length > 4 ? w.replace(/s$/, '') : w);
  return words.length > 0 && words.every((w) => title.includes(` ${stem(w)}`));
}

/** A party's name for comparing: lower case, without spaces, dashes, slashes ("JTC 1/SC 27" → "jtc1sc27"). */
function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_/-]+/g, '');
}

/** Whether the liaison went to `party` (for action or information): an ITU-T group, or a body named in words. */
function sentTo(li: LiaisonInfo, party: string): boolean {
  // "to all study groups": a statement to every study group, named as such or listed one by one.
  if (/^(?:all\s+)?(?:(?:ITU-T|the)\s+)*(?:study groups|SGs)$/i.test(party.trim())) {
    const parties = [...li.to, ...li.cc];
    return parties.some((x) => /\ball\b.*\b(?:study groups|SGs)\b/i.test(x)) || parties.filter((x) => /^SG\d{1,2}$/.test(canonicalGroup(x) ?? '')).length >= 5;
  }
  // "IEEE 802.1 and MEF": any of them.
  const several = party.split(/\s*(?:,|\band\b|&)\s*/).filter((p) => p.length > 1);
  if (several.length > 1) return several.some((p) => sentTo(li, p));
  return [...li.to, ...li.cc].some((x) => isParty(x, party));
}

/** Whether the party `x` of a statement is `party`: the same ITU-T study group, or a body whose name holds its words. */
function isParty(x: string, party: string): boolean {
  const group = canonicalGroup(party);
  const other = canonicalGroup(x);
  return group ? other !== null && parentGroup(other) === parentGroup(group) : namedBy(x, party);
}

/** A body's name as its words, a number joined to the letters before it: "ISO/IEC JTC 1/SC 27" → iso iec jtc1 sc27. */
function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/([a-z])[\s-]+(\d)/g, '$1$2').split(/[^a-z0-9.]+/).filter(Boolean);
}

/** Whether the body `name` is the one `asked` names: the words asked all in it ("3GPP CT4" for "3GPP TSG CT4"). */
function namedBy(stored: string, question: string): boolean {
  // ("the Broadband Forum" asked of a statement stored as from "BBF", and the other way round.)
  const name = withBodyShortNames(stored);
  const asked = withBodyShortNames(question);
  if (squash(name).toLowerCase().includes(squash(asked).toLowerCase())) return true;
  const words = new Set(nameWords(name));
  const wanted = nameWords(asked);
  return wanted.length > 0 && wanted.every((w) => words.has(w));
}

/** Whether `sender` wrote the liaison: the same ITU-T group, or a body whose name holds the words ("IETF" for "IETF CCAMP"). */
function sentBy(li: LiaisonInfo, sender: string): boolean {
  if (li.from === null) return false;
  const group = canonicalGroup(sender);
  if (group) return parentGroup(li.from) === parentGroup(group);
  return namedBy(li.from, sender);
}

/** Whether a liaison names `question` anywhere: as its source's, or as asked to act or informed. */
function concerns(li: LiaisonInfo, question: string): boolean {
  return li.questions.includes(question) || (li.addressees ?? []).some((a) => a.questions.includes(question)) || actingAddressees(li).some((a) => a.questions.length === 0 && a.group === groupOfQuestion(question));
}
