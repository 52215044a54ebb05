/**
 * From what a person typed to a command: "/deadlines SG20", "deadlines SG20", "@sgbot when is the next SG13
 * meeting", "/sgbot lsg IoT". Slack, Teams and the terminal all go through here.
 */
import { noAnswer, type CommandContext, type CommandSpec, type Registry, type Reply, type SourceRef } from '../core/command.ts';
import { namesOnlyDeadlineKinds, splitCategories, STILL_APPLIES_ASKED } from '../core/deadline-words.ts';
import { withBodyShortNames } from '../core/bodies.ts';
import { editDistance } from '../core/edit-distance.ts';
import { canonicalGroup, GROUP_MENTION, regionalGroupOf, withQuestionLists, withRegionalGroups } from '../core/groups.ts';
import { formatRange, resolveZone } from '../core/time.ts';
import { MONTH_PATTERN } from '../parse/normalize.ts';
import { sourcesReply, WHICH_DOCUMENT } from './sources-asked.ts';
import type { DeadlineCategory } from '../core/types.ts';
import type { CommandMetrics } from '../metrics.ts';

/** A routed request: the command and its validated arguments, or a reply explaining why there is none. */
export type Routed = { spec: CommandSpec<never>; args: never; text: string; readAs?: string } | { reply: Reply };

/** Commands that only read: a plain question whose first word is a typo of one of them is answered as that command. */
const READ_ONLY = new Set(['deadlines', 'meeting', 'lsg', 'ls', 'officers', 'search', 'doc']);
/** Commands that only answer (change nothing): a question may be run on trial through them, whole and by parts. */
const ANSWERS_ONLY = new Set([...READ_ONLY, 'rec', 'help']);

/** The closest command name to `word`, if it is near enough to be a typo. */
export function suggest(registry: Registry, word: string): string | null {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const spec of registry.list)
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      // The distance is at least the difference in length: a pasted 100 KB "word" is compared with nothing.
      if (Math.abs(lower.length - name.length) > limit) continue;
      const d = editDistance(lower, name);
      if (!best || d < best.d) best = { name: spec.name, d };
    }
  return best && best.d <= limit ? best.name : null;
}

/** Words the questions turn on, whose misspellings ("deadlnes", "metting", "liason", "postponded") are read as them. */
const KEY_WORDS = ['deadline', 'deadlines', 'meeting', 'meetings', 'liaison', 'liaisons', 'registration', 'contribution', 'contributions', 'postponed', 'cancelled', 'rapporteur', 'fellowship', 'fellowships', 'consultation', 'study'];

/**
 * `word` as the key word it misspells: one letter off (two in words of nine letters or more), with the same first
 * and last letters, or short of its last letter, and no other form of that word ("postpone" stays); else as it is.
 */
function keyWordOf(word: string): string {
  const lower = word.toLowerCase();
  if (KEY_WORDS.includes(lower)) return word;
  for (const key of KEY_WORDS) {
    // The last letter left off ("deadlin", "meetin"): no English word but "postpone" is a key word short of its end.
    if (lower === key.slice(0, -1) && lower !== 'postpone') return key;
    // A misspelling keeps the word's first and last letters; another word near it rarely does ("contributor").
    if (Math.abs(key.length - lower.length) > 2 || key.startsWith(lower) || lower.startsWith(key) || lower[0] !== key[0] || lower.at(-1) !== key.at(-1)) continue;
    if (editDistance(lower, key) <= (key.length >= 9 ? 2 : 1)) return key;
  }
  return word;
}

/**
 * The asking instant and the reader's zone: commands whose arguments are dates ("next week") read them against it.
 * A command's `parseText` gets it as a second argument when the caller knows it.
 */
export interface AskClock {
  now: number;
  tz: string;
}

function validate(spec: CommandSpec<never>, rest: string, text: string, clock?: AskClock): Routed {
  // `parseText` is declared with one parameter; those that read dates take the clock as a second.
  const parseText: (rest: string, clock?: AskClock) => unknown = spec.parseText;
  const parsed = spec.args.safeParse(parseText(rest, clock));
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => i.message).join('; ');
    return { reply: noAnswer('E_USAGE', `${why}.`, [`Usage: /${spec.usage}`, `Example: /${spec.examples[0] ?? spec.name}`]) };
  }
  return { spec, args: parsed.data, text };
}

/**
 * Phrasings routed to a command whose own module does not list them yet, tried before command names and the
 * commands' intents (a command name or a broader pattern would take them and fail to read them). Keyed by command
 * name; a name missing from the registry is skipped.
 */
const ROUTER_INTENTS: ReadonlyArray<readonly [string, RegExp]> = [
  // "what will SG20 discuss in May", "what's on the agenda for study group 20", "what is WP3/17 going to work on": what
  // the meeting's letter says it will do.
  ['meeting', /^(?<arg>what(?:\s+(?:topics?|issues?|subjects?|items?))?(?:'s|’s| is| are| will| does| do)? (?:the )?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2})(?:['’]s)? (?:be )?(?:going to )?(?:discuss|discussing|work on|working on|cover|covering|consider|considering|focus on|focusing on|look at|looking at|do(?=\s+(?:at|in|during)\b))\b[^?!]{0,80}[?!.]*)$/i],
  ['meeting', /^(?<arg>what(?:'s|’s| is) (?:on )?the agenda (?:for|of|at) (?:the )?(?:next )?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2})\b[^?!]{0,80}[?!.]*)$/i],
  // "is translation provided for WP3/17", "will there be interpretation at TSAG", "do I need to re-register for SG13":
  // what the meeting's letter says of it.
  ['meeting', /^(?<arg>(?:is|are|will)\s+(?:there\s+)?(?:be\s+)?(?:any\s+)?(?:translation|interpretation|interpreting|captioning|remote participation)\b[^?!]{0,60}?\b(?:for|at|during|in)\s+(?:the\s+)?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2})\b[^?!]{0,40}[?!.]*)$/i],
  ['meeting', /^(?<arg>(?=[^?!]*\b(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2})\b)[^?!]{0,80}\b(?:register(?:ed)? again|registrations? (?:still )?valid)\b[^?!]{0,60}[?!.]*)$/i],
  // "do I need to register for the SG21 contribution clinic", "is registration required for the SG5 workshop": what
  // the letter announcing the side event says of registering for it.
  ['meeting', /^(?<arg>(?:(?:do|did|does|will|would|must|should)\s+(?:I|we|one|delegates|participants|people|you)\s+(?:need|have|had)\s+to\s+register|(?:is|was|will)\s+(?:a\s+)?(?:separate\s+)?registration\s+(?:be\s+)?(?:needed|required|necessary))\s+(?:separately\s+)?(?:for|to attend|to join)\s+(?:the\s+)?(?=[^?!]*\b(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)\b)[^?!]{0,60}\b(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?|side events?)\b[^?!]{0,40}[?!.]*)$/i],
  // "who was the host contact for the SG12RG-AFR meeting in Abidjan", "local organiser of the SG3 meeting": whom the
  // meeting's letter names for its host.
  ['meeting', /^(?<arg>(?=[^?!]*\b(?:host(?:'s|’s)?\s+(?:contact|focal point|organi[sz]er)s?|local\s+(?:contact|organi[sz]er|host)s?|focal point)\b)(?=[^?!]*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bWP\s?\d))[^?!]{5,200}[?!.]*)$/i],
  // "who handles IoT security for smart agriculture, SG17 or SG20?": which of two groups works on a topic is in the
  // documents that name it (a demarcation, a liaison), found by the topic's words.
  ['search', /^(?:who|which (?:study )?groups?|which SGs?)\s+(?:handles?|deals? with|works? on|covers?|stud(?:ies|y)|(?:is|are) responsible for|looks? after|owns?|(?:is|are) working on)\s+(?<arg>[^?!,]{3,80}?),?\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG)\s+or\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG)\s*[?!.]*$/i],
  // "what did TSAG ask the study groups to do in TSAG-LS12?", "what does SG17-LS45 want": the statement named, whole.
  ['doc', /^(?:what|which)\b.{0,80}?\b(?:ask|asks|asked|want|wants|wanted|request|requests|requested|say|says|said)\b.{0,80}?(?<![\w-])(?<arg>(?:SG\d{1,2}|TSAG|WP\d\/\d{1,2})-LS\s?\d{1,4})(?![\w-]).{0,80}$/i],
  // "which liaisons need a reply from SG17", "what LSs require action by study group 17?"
  ['ls', /^(?:which|what) (?:liaisons?|liaison statements?|LSs?) (?:still )?(?:need|needs|require|requires|await|awaits|are awaiting|expect|expects) (?:an? )?(?:reply|replies|response|responses|action|answer) (?:from|by) (?<arg>.+)$/i],
  // "liaisons awaiting SG17's reply", "LS pending Q4/20's response"
  ['ls', /^(?:liaisons?|liaison statements?|LSs?) (?:awaiting|needing|pending|requiring|that need) (?<arg>.+?)(?:'s|’s) (?:reply|replies|response|responses|action|answer)\??$/i],
  // "liaisons awaiting a reply from SG17", "liaison statements needing action by TSAG"
  ['ls', /^(?:liaisons?|liaison statements?|LSs?) (?:awaiting|needing|pending|requiring|that need) (?:an? )?(?:reply|replies|response|responses|action|answer) (?:from|by) (?<arg>.+)$/i],
  // "what does SG17 need to reply to?", "what must SG 17 respond to"
  ['ls', /^what (?:liaisons? )?(?:does|do|must|should) (?<arg>.+?) (?:need to |have to )?(?:reply|respond|answer) to\b.*$/i],
  // "did IETF send anything to SG15", "has JTC 1/SC 27 sent any liaisons to SG17?" (a sender to filter by)
  ['ls', /^(?:did|has|have) (?<sender>.{2,60}?) (?:send|sent|written|write) (?:anything|any(?:thing| liaisons?| LSs?| liaison statements?)?|an? (?:LS|liaison(?: statement)?)|liaisons?) (?:to|for) (?:the )?(?:(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|WP\d\/\d{1,2})\b[^?!.]{0,80}?)|(?<to>[^?!.]{1,80}?))(?:[?!.].*)?$/i],
  // "what did JTC 1/SC 27 ask SG17", "what has IETF asked of SG15?", "what does the SC 27 liaison ask SG17 to do",
  // "what does the SG11 LS on emergency calls ask SG13" (its topic after "LS")
  // (An "… and by when" ending is matched here, not left in the addressee: the sender is written after it.)
  ['ls', /^what (?:did|does|has|have) (?:the )?(?:(?:LS|liaison(?: statement)?|letter|statement) from (?:the )?)?(?<sender>(?!\S*-(?:LS|TD|C)\s?\d).{2,60}?)(?:['’]s)?(?: (?:liaisons?|LSs?|liaison statements?|letters?|statements?)(?: (?:on|about|regarding|concerning) (?<topic>[^?!.]{2,60}?))?)? (?:ask|asks|asked|want|wants|wanted|send|sent|tell|told|request|requests|requested) (?:of |from |to )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d|study group \d|TSAG|Q\d|question \d|WP\d|working party \d|(?:all |the )?study groups\b)[^?!.]*?)(?: to do)?(?:,?\s+and\s+(?:by when|when|is it (?:overdue|late|past due|still open)|has it passed)\b[^?!.]{0,80})?[?!.]*$/i],
  // "what ls did sg15 send to ieee 802.1", "which liaisons has SG17 sent to the IETF"
  ['ls', /^(?:what|which) (?:ls|lss|liaisons?|liaison statements?) (?:did|has|have) (?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) (?:send|sent|write|written)(?: out)? to (?:the )?(?<to>\S.{1,40}?)[?!.]*$/i],
  // "what did sg13 ask jtc1 sc42", "what does tsag want from the study groups": a group's statements to a body.
  ['ls', /^what (?:did|does|has|have) (?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) (?:ask|asked|want|wanted|tell|told|request|requested|need|needed) (?:of |from )?(?:the )?(?<to>(?!(?:me|us|you|them|by|before|until|for|in|this|next)\b)\S.{1,40}?)(?: to do)?[?!.]*$/i],
  // "what does SG13 need by the end of February": its deadlines in that span.
  ['deadlines', /^what (?:does|do|will) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|WP\s?\d\/\d{1,2}) (?:need|want|expect|require)s? (?:from (?:me|us|members) )?(?:by|before|until|this|next|in) .+?)[?!.]*$/i],
  // "what is SG20 the lead study group for", "what does SG17 lead on": the group's lead roles.
  ['lsg', /^what (?:is|are) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) (?:the )?lead(?:ing)?(?: study group| sg| group)? (?:for|on|of)[?!.]*$/i],
  ['lsg', /^what (?:does|do) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) lead(?: on)?[?!.]*$/i],
  // "mailing list for cg-qsm", "how do i join the sg17 cg-qsm", "how can I subscribe to the CG-AISEC-STRAT list":
  // how to take part, as the document that set it up says.
  ['search', /^(?:(?:what(?:'s|’s| is)|whats) the |which |is there a )?(?:mailing list|e-?mail list|reflector|list) (?:for|of) (?:the )?(?<join>\S.{1,60}?)[?!.]*$/i],
  ['search', /^how (?:do|can|should|could) (?:i|we|one|delegates|experts|(?:[\w/-]+\s+)?(?:experts|delegates|members|participants|people)) (?:join|subscribe to|take part in|participate in|sign up (?:for|to)) (?:the )?(?<join>\S.{1,60}?)(?: (?:mailing )?list)?[?!.]*$/i],
  // "how do I follow SG20's work", "how can we keep up with Q4/20": how to take part, and what sgbot can send.
  ['search', /^how (?:do|can|should|could) (?:i|we|one) (?:follow|keep up with|keep track of|track|stay (?:up to date|informed|updated) (?:on|with|about)|get (?:updates|news) (?:on|from|about|of)) (?:the )?(?<join>\S.{1,60}?)(?:['’]s)?(?: (?:meeting )?(?:work|activities|progress|discussions?))?[?!.]*$/i],
  // "open liaison deadlines after today?", "LS reply deadlines next month": reply dates of statements then.
  ['ls', /^(?:(?:any|all|the|open|pending|upcoming|current)\s+)*(?:liaison|LS|liaison statement)s?\s+(?:reply\s+|response\s+)?(?:deadlines?|due dates?|reply dates?)\s+(?<due>(?:after|from|in|before|by|until|this|next|between|within|during)\b.+?)[?!.]*$/i],
  // "what deadline did sg13 give jtc1 sc42 on ML terminology": a group's statements to a body, with their reply dates.
  ['ls', /^(?:what|which) (?:deadlines?|reply dates?|dates?) (?:did|does|has|have) (?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) (?:give|gave|set|sets|ask of) (?:the )?(?<to>(?!(?:me|us|you|them)\b)\S.{1,40}?)(?: (?:on|about|regarding|concerning) (?<topic>[^?!.]{2,60}?))?[?!.]*$/i],
  // "which liaisons did sg5 send", "what LSs has SG17 sent out?": the group's own statements.
  ['ls', /^(?:which|what) (?:liaisons?|liaison statements?|LSs?) (?:did|has|have) (?=(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) )(?<sender>\S.{1,40}?) (?:send|sent|write|written|issue|issued)(?: out)?(?: (?:this|last|recently).*)?[?!.]*$/i],
  // "when are IEEE 802.1 and MEF supposed to reply to sg15 on fronthaul timing": the replies a group expects.
  ['ls', /^when (?:are|is|must|should|do|does|will) (?<to>(?!(?:we|I|you)\b)\S.{1,60}?) (?:supposed|expected|due|required|meant|asked|going) to (?:reply|respond|answer) to (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))(?: (?:on|about|regarding) (?<topic>[^?!.]{2,60}?))?[?!.]*$/i],
  // "when is the reply to the sg17 iot security LS due": a reply the group expects, by its topic.
  ['ls', /^when (?:is|are) (?:the )?(?:reply|replies|response|answer) to (?:the )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? (?<topic>[^?!.]{2,60}?) (?:LS|liaison(?: statement)?)s? due[?!.]*$/i],
  // "has SG2 received anything from the IAB about e164.arpa", "did sg11 get an LS from IETF on SRv6"
  ['ls', /^(?:has|have|did) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) (?:receive|received|get|got) (?:anything|any(?:thing)?|any (?:liaisons?|LSs?|liaison statements?)|an? (?:LS|liaison(?: statement)?)|liaisons?) from (?:the )?(?<sender>\S.{1,40}?)(?: (?:about|on|regarding|concerning) (?<topic>[^?!.]{2,60}?))?[?!.]*$/i],
  // "what did the IETF say about the SRv6 conformance work in SG11"
  ['ls', /^what (?:did|does|has|have) (?:the )?(?<sender>(?!\S*-(?:LS|TD|C)\s?\d)\S.{1,30}?) (?:say|said|write|written|tell|told|reply|replied|answer|answered) (?:about|on|regarding|concerning) (?:the )?(?<topic>[^?!.]{2,60}?) (?:in|to|for|of|from) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))[?!.]*$/i],
  // "weather in Tunis for the SG12 meeting", "do I need a vaccine for the Abidjan meeting": what the meeting's letter
  // says of the place, or that it says nothing.
  ['meeting', /^(?<arg>(?=.*\b(?:weather|temperatures?|climate|vaccin\w*|yellow fever)\b)(?=.*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bmeetings?\b)).{1,200})$/i],
  // "who has to reply to the SC 27 liaison statement on post-quantum key establishment, and by when": that statement,
  // whose addressees for action and reply date answer it.
  ['ls', /^(?<whoActs>who)\s+(?:has|have|must|needs?|is|are)\s+(?:to\s+|supposed\s+to\s+|expected\s+to\s+)?(?:reply|respond|answer)\s+(?:to\s+)?(?:the\s+)?(?:(?<sender>(?!(?:the|a|an|this|that|these|those)\s)[A-Z][\w/.-]*(?:\s\d{1,3})?)\s+)?(?:LS|liaison(?:\s+statement)?)(?:\s+(?:on|about|regarding)\s+(?<topic>[^?,]{2,60}?))?(?:,?\s+and\s+(?:by\s+)?when)?\s*[?!.]*$/i],
  // "tell me about the liaison from SG17 to SG20 on IoT security": that statement, by sender, addressee and topic.
  ['ls', /^(?:tell me (?:more )?about|show(?: me)?|details (?:of|on)|info(?:rmation)? (?:on|about)|what(?:'s|’s| is) in)\s+(?:the\s+)?(?:LS|liaison(?: statement)?)\s+from\s+(?:the\s+)?(?<sender>[^?!]{2,60}?)\s+to\s+(?:the\s+)?(?<to>[^?!]{2,40}?)(?:\s+(?:on|about|regarding)\s+(?<topic>[^?!]{2,60}?))?\s*[?!.]*$/i],
  // "who sent the liaison on post-quantum key establishment?", "is there an LS about the review of stale work items?":
  // the statements on that topic, with their senders and addressees.
  ['ls', /^(?:who (?:sent|wrote|issued|sends)|(?:is|are) there (?:an? |any )?(?:new |incoming )?)(?: the| an?)? ?(?:LS|liaison(?: statement)?)s? (?:on|about|regarding|concerning) (?:the )?(?<topic>[^?!]{2,80}?)\s*[?!.]*$/i],
  // "who must answer the LS from ISO/IEC JTC 1/SC 27 to SG17?" (what "it" is after "what did SC 27 send to SG17").
  ['ls', /^(?<whoActs>who)\s+(?:has|have|must|needs?|is|are)\s+(?:to\s+|supposed\s+to\s+|expected\s+to\s+)?(?:reply|respond|answer)\s+(?:to\s+)?(?:the\s+)?(?:LS|liaison(?:\s+statement)?)\s+from\s+(?:the\s+)?(?<sender>[^?!,]{2,60}?)\s+to\s+(?:the\s+)?(?<to>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))(?:,?\s+and\s+(?:by\s+)?when)?\s*[?!.]*$/i],
  // "who must reply to the liaison from ISO/IEC JTC 1/SC 27 on post-quantum key establishment, and by when?": the
  // sender written after the statement.
  ['ls', /^(?<whoActs>who)\s+(?:has|have|must|needs?|is|are)\s+(?:to\s+|supposed\s+to\s+|expected\s+to\s+)?(?:reply|respond|answer)\s+(?:to\s+)?(?:the\s+)?(?:LS|liaison(?:\s+statement)?)\s+from\s+(?:the\s+)?(?<sender>[^?!,]{2,60}?)\s+(?:on|about|regarding)\s+(?<topic>[^?!,]{2,60}?)(?:,?\s+and\s+(?:by\s+)?when)?\s*[?!.]*$/i],
  // "did the IAB say anything about e164.arpa?", "has 3GPP sent an LS on network slicing?": that body's statements on it.
  ['ls', /^(?:did|has|have) (?:the )?(?<sender>(?!(?:any(?:one|body)?|some(?:one|body)|we|I|you|they|it)\b)[^?!]{2,40}?) (?:say|said|send|sent|write|written|tell|told us) (?:anything|something|an? (?:LS|liaison(?: statement)?)|any (?:LSs?|liaisons?|liaison statements?)) (?:about|on|regarding|concerning) (?:the )?(?<topic>[^?!]{2,60}?)\s*[?!.]*$/i],
  // "what does the LS on emergency calls ask?", "what does SG11's liaison on emergency calls want us to do?"
  ['ls', /^(?:(?:and|so)\s+)?what (?:does|did|do) (?:the )?(?:(?<sender>(?!the\b)[\w/.-]+(?:\s\d{1,3})?)['’]s\s+)?(?:LS|liaison(?: statement)?) (?:on|about|regarding|concerning) (?:the )?(?<topic>[^?!]{2,60}?) (?<asks>ask|asks|want|wants|request|requests|say|says)(?: for| of us| us to do| us)?(?:,?\s+and\s+(?:by\s+)?when(?:\s+is\s+(?:it|the\s+reply)\s+due)?)?\s*[?!.]*$/i],
  // "who is the contact for the LS on emergency calls?", "who do I ask about the liaison on fronthaul timing?"
  ['ls', /^(?:(?:who(?:'s|’s| is| are)?|whos)\s+(?:the\s+)?(?<contacts>contacts?)(?:\s+(?:person|people))?|who (?<contacts2>do|should|can) (?:I|we) (?:contact|ask|write to))\s+(?:for|of|on|about|regarding)\s+(?:the\s+)?(?:LS|liaison(?: statement)?) (?:on|about|regarding|concerning) (?:the )?(?<topic>[^?!]{2,60}?)\s*[?!.]*$/i],
  // "to whom was the LS on post-quantum key establishment addressed?", "who was the liaison on X sent to", "what's the
  // deadline of the LS about stale work items": who is asked to act on the statement on that topic, and by when.
  ['ls', /^(?<whoActs>to whom) (?:was|is|were|are) (?:the )?(?:LS|liaison(?: statement)?) (?:on|about|regarding) (?<topic>[^?!]{2,60}?) (?:addressed|sent)(?:,?\s+and\s+(?:by\s+)?when)?\s*[?!.]*$/i],
  ['ls', /^(?<whoActs>who) (?:was|is|were|are|does|did) (?:the )?(?:(?<sender>(?!(?:LS|liaison)\b)[A-Z][\w/.-]*(?:\s\d{1,3})?)(?:['’]s)?\s+)?(?:LS|liaison(?: statement)?) (?:on|about|regarding) (?<topic>[^?!]{2,60}?) (?:addressed|sent|written|go|going|went) to(?:,?\s+and\s+(?:by\s+)?when)?\s*[?!.]*$/i],
  ['ls', /^(?<whoActs>what)(?:'s|’s| is| was) the (?:reply |response )?(?:deadline|due date|reply date) (?:of|for) (?:the )?(?:reply to (?:the )?)?(?:(?<sender>(?!(?:LS|liaison)\b)[A-Z][\w/.-]*(?:\s\d{1,3})?)(?:['’]s)?\s+)?(?:LS|liaison(?: statement)?) (?:on|about|regarding) (?<topic>[^?!]{2,60}?)\s*[?!.]*$/i],
  // "who should I contact about the sg11 LS on emergency calls": the statement, with its contacts.
  ['ls', /^who (?:should|can|do|could|must) (?:I|we) (?:contact|ask|write to|talk to|reach out to) (?:about|on|regarding|concerning|for) (?:the )?(?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? (?:LS|liaison(?: statement)?) (?:on|about|regarding|concerning) (?<topic>[^?!.]{2,60}?)[?!.]*$/i],
  // "what's the TAP consultation on G.9806.1 about and when do member states need to reply?": the consultation's reply
  // date, whose circular's title says what it is on.
  ['deadlines', /^(?<arg>(?=.*\b(?:TAP|AAP|consultations?)\b)(?=.*\b(?:when|reply|replies|respond|due|deadlines?)\b)(?!.*\b(?:meetings?|LSs?|liaisons?|close[sd]?|closing|open|still|approved|was|were|did|has|have)\b).{1,200})$/i],
  // "did the SC27 LS deadline pass already?", "has the reply deadline of SG15's LS passed", "is the SG5 LS deadline still
  // open": the statement from that sender, its reply date past or to come.
  ['ls', /^(?:did|has|have|is|was)\s+(?:the\s+)?(?<sender>(?!reply\b|deadline\b)\S.{0,40}?)(?:['’]s)?\s+(?:LS|liaison(?: statement)?)(?:\s+(?:reply|response))?\s+deadlines?\s+(?:already\s+)?(?<state>pass(?:ed)?|closed?|expired?|gone|over|still open|open)(?:\s+(?:already|yet))?[?!.]*$/i],
  ['ls', /^(?:did|has|have|is|was)\s+(?:the\s+)?(?:reply|response)?\s*deadline\s+(?:of|for)\s+(?:the\s+)?(?:(?:LS|liaison(?: statement)?)\s+from\s+(?:the\s+)?(?<sender>\S.{0,40}?)|(?<sender2>\S.{0,40}?)(?:['’]s)?\s+(?:LS|liaison(?: statement)?))\s+(?:already\s+)?(?<state>pass(?:ed)?|closed?|expired?|gone|over|still open|open)(?:\s+(?:already|yet))?[?!.]*$/i],
  // "overdue liaisons", "which liaisons are overdue", "unanswered LSs": of every group, those whose reply date passed.
  ['ls', /^(?:(?:which|what|any|the|show(?: me)?|list)\s+)*(?:overdue|late|unanswered)\s+(?:liaisons?|LSs?|liaison statements?)(?<arg>\s+(?:for|of|from)\s+\S.*?)?[?!.]*$/i],
  // "was the LS on emergency calls answered?", "has SG11's liaison on emergency calls been replied to yet?"
  ['ls', /^(?:was|were|has|have|did|is|are)\s+(?:the\s+|an?\s+)?(?:(?<sender>(?!LS\b|liaison\b)[\w/.-]{2,20}(?:\s\d{1,3})?)(?:['’]s)?\s+)?(?:LS|liaison(?: statement)?)\s+(?:on|about|regarding|concerning)\s+(?:the\s+)?(?<topic>[^?!.]{2,60}?)\s+(?:(?:been|ever|already|yet|it)\s+)*(?:answered|replied to|responded to|(?:got|gotten|get|received|had)\s+(?:an?\s+|any\s+)?(?:reply|replies|response|answer))(?<answered>)(?:\s+(?:yet|already|to))?\s*[?!.]*$/i],
  ['ls', /^(?:(?:which|what|any)\s+)?(?:liaisons?|LSs?|liaison statements?)\s+(?:are|is)\s+(?:overdue|late|past (?:their|the|its) reply date)(?<arg>\s+(?:for|of|from)\s+\S.*?)?[?!.]*$/i],
  // "who must answer the SG15 fronthaul timing liaison and by when": the group's statements on that topic.
  // "who are the contacts for the SG17 LS to SG20?": that statement, with its contacts.
  ['ls', /^(?:who (?:are|is) (?:the )?)?contacts? (?:person |people )?(?:for|of|on) (?:the )?(?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? (?:LS|liaison(?: statement)?) (?:to|for) (?:the )?(?<to>\S.{1,40}?)\s*[?!.]*$/i],
  // "what is SG11 asking SG13 about emergency calls?", "what's TSAG asking the study groups to do"
  ['ls', /^what(?:'s|’s| is| are) (?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)) (?:asking|requesting|telling|wanting from|wanting of) (?:the )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|(?:all )?(?:the )?study groups))(?: to do)?(?: (?:about|on|regarding|concerning) (?<topic>[^?!.]{2,60}?))?[?!.]*$/i],
  // "any liaisons to ISO/IEC JTC 1/SC 42?", "which LSs were sent to IEEE 802.1": the statements sent to that body.
  ['ls', /^(?:are there |were there )?(?:any|which|what)\s+(?:liaison statements?|liaisons?|LSs?)\s+(?:(?:were|was|have been|has been)\s+)?(?:sent\s+|addressed\s+)?to\s+(?:the\s+)?(?<to>(?!(?:answer|reply|respond)\b)\S.{1,60}?)\s*[?!.]*$/i],
  // "does SG13 have to act on SG15's LS on time-sensitive fronthaul?", "must Q6/17 reply to the LS from SC 27 on PQC":
  // whether the group is asked to act by the statement on that topic.
  // "does SG16 have to reply to TSAG-LS12?": the statement by its number, and whether that party is asked to act.
  ['ls', /^(?:does|do|must|should|is|are) (?<to>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) (?:(?:have|has|need|needs|got) to |(?:be )?(?:expected|asked|supposed|required) to )?(?<acts>act on|reply to|respond to|answer|do anything (?:about|on|with)) (?:the )?(?:(?=(?<sender2>SG\d{1,2}|TSAG)-LS)(?<topic>(?:SG\d{1,2}|TSAG)-LS\s?\d{1,4})|(?:(?:LS|liaison(?: statement)?) (?:in )?)?(?<topic2>(?:(?:SG\d{1,2}|TSAG)-)?TD\s?\d{1,4}(?:\/[A-Z0-9]{2,5}|\s*\((?:WP\s?\d{1,2}|PLEN|GEN)\s?\/\s?(?:\d{1,2}|TSAG)\))?)(?: from (?:the )?(?<sender>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)))?)[?!.]*$/i],
  ['ls', /^(?:does|do|must|should|is|are) (?<to>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) (?:(?:have|has|need|needs|got) to |(?:be )?(?:expected|asked|supposed|required) to )?(?<acts>act on|reply to|respond to|answer|do anything (?:about|on|with)) (?:the )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? (?:LS|liaison(?: statement)?) (?:on|about|regarding|concerning) (?<topic>[^?!.]{2,60}?)[?!.]*$/i],
  ['ls', /^(?:does|do|must|should|is|are) (?<to>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) (?:(?:have|has|need|needs|got) to |(?:be )?(?:expected|asked|supposed|required) to )?(?<acts>act on|reply to|respond to|answer|do anything (?:about|on|with)) (?:the|an?) (?:LS|liaison(?: statement)?) from (?:the )?(?<sender>\S.{1,40}?) (?:on|about|regarding|concerning) (?<topic>[^?!.]{2,60}?)[?!.]*$/i],
  ['ls', /^(?<whoActs>who) (?:must|should|has to|have to|needs to|is to|is asked to|was asked to) (?:answer|reply to|respond to|act on) (?:the )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? (?<topic>[^?!.]{2,60}?) (?:liaison statement|liaison|LS)s?(?:,? and by when|,? by when|,? and when)?[?!.]*$/i],
  // "what liaison did the IAB send SG2?": a body's statements to the group.
  ['ls', /^(?:what|which) (?:liaisons?|LSs?|liaison statements?) (?:did|has|have) (?:the )?(?<sender>\S.{1,40}?) (?:send|sent|write|written|address|addressed)(?: to)? (?:the )?(?<to>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))[?!.]*$/i],
  // "what did sg13 send to sc42": a group's statements to a body.
  ['ls', /^what (?:did|has|have) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2})) (?:send|sent|write|written) to (?:the )?(?<to>\S.{1,40}?)[?!.]*$/i],
  // "which liaisons went to JTC 1 SC 42", "what LSs were sent to the IETF"
  ['ls', /^(?:which|what) (?:liaisons?|LSs?|liaison statements?) (?:went|were sent|was sent|have gone|have been sent|got sent) to (?:the )?(?<to>\S.{1,40}?)[?!.]*$/i],
  // "any liaison with a reply deadline in april 2026", "liaisons due next month", "which liaison statements are due
  // this week": every statement with a reply date then, whoever is to reply.
  ['ls', /^(?:are there |is there )?(?:(?:any|which|what|show(?: me)?|list(?: the)?) )?(?:liaisons?|LSs?|liaison statements?) (?:with|having|that have|that has|(?:(?:that|which) )?(?:are |is |were |was )?(?:due|expecting replies|awaiting replies)) (?:an? )?(?:reply |response )?(?:(?:deadlines?|due dates?) )?(?<due>(?:in|before|by|until|this|next|between|within|during)\b.+?)[?!.]*$/i],
  // "sg17 liaisons", "SG 17's liaison statements."
  ['ls', /^(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|WP\d{1,2}\/\d{1,2})(?:['’]s)?) (?:liaisons?|liaison statements?|LSs?)[?!.]*$/i],
  // "how many people registered for SG12 in may", "how many delegates attended the SG2 meeting": a count, which only a
  // meeting's report gives.
  ['meeting', /^(?<arg>how many (?:people|participants|delegates|attendees|persons|experts|countries|members)\b.*)$/i],
  // "what are SG17's lead roles", "SG17 lead study group roles"
  ['lsg', /^(?:what are |list |show(?: me)? )?(?:the )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)? lead(?:ing)?(?: study group)? (?:roles?|topics?|areas?)[?!.]*$/i],
  // "lead roles sg17", "lead study group roles of study group 20": the same, the group named last.
  ['lsg', /^(?:what are |list |show(?: me)? )?(?:the )?lead(?:ing)?(?: study group)? (?:roles?|topics?|areas?) (?:of |for |held by )?(?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG))[?!.]*$/i],
];

/**
 * "… and when is it due", "… and by when", "… and what's the deadline" ending a question on liaison statements: asked
 * with the statements, which give their reply dates.
 */
export const DUE_ASKED_TOO = /,?\s+and\s+(?:by\s+when|when(?:\s+is\s+(?:it|the\s+(?:reply|response|answer))\s+due)?|what(?:'s|’s| is)? the (?:deadline|due date|reply date))\b/i;

/** The data of a refusal that says why it cannot answer (advice, writing, hotels): no search is tried instead. */
const DECLINED = Object.freeze({ declined: true });

/** A Recommendation's number in a question ("G.984.3", "A.1"), as asked: not the parser's stricter reading of texts. */
const REC_NUMBER = /(?<![\w.])[A-Z]\.\d{1,4}(?:\.\d{1,3})*(?![\w]|\.\d)/;

/** `text` with each Recommendation number's series in capitals, as people type it in lower case ("g.9806.1"). */
function withRecSeries(text: string): string {
  return text.replace(/(?<![\w.])([a-z])(?=\.\d{2,4}(?:\.\d{1,3})*(?![\w]|\.\d))/g, (c) => c.toUpperCase());
}

/**
 * Questions no document answers that a search would only seem to answer, each with the refusal that says why and what
 * can be given instead: a hotel to recommend, a contribution to write, something to do for the asker, advice.
 */
const DECLINES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray, text: string) => { title: string; note: string }]> = [
  // "what is Kenji Watanabe's TIES password?": no account details are in the documents, and none are given out.
  [
    /^(?!.*\bwi-?fi\b)(?=.*\b(?:passwords?|pass ?codes?|credentials?|log-?in details|PINs?)\b)/i,
    (_m, text) => ({ title: `I can't answer "${text}": sgbot has no passwords or account details, and would not give them out.`, note: "For a TIES or ITU account, use the \"forgot password\" link on ITU's sign-in page, or ask ITU's service desk." }),
  ],
  [
    /^(?:what(?:'s|’s| is| are)|which (?:is|are)|where (?:is|are)|can you (?:recommend|suggest))\s+(?:the\s+|a\s+|some\s+)?(?:best|good|cheap|nearest|closest|recommended)\s+(?:hotels?|places? to stay|accommodation)\b/i,
    (_m, text) => ({ title: `I can't answer "${text}" from the documents I read.`, note: 'Hotels are not in the documents I read; ITU lists hotels near its headquarters on its travel pages (https://itu.int/travel/), and a letter for a meeting elsewhere names the host\'s.' }),
  ],
  [
    /^(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:write|draft|prepare|compose)\s+(?:me\s+|us\s+)?(?:a|an|the|my|our)\s+(?:(?:new|short|draft)\s+)?(?:contribution|liaison(?:\s+statement)?|LS|letter|reply|response|proposal|text)\b/i,
    () => ({ title: "I can't write contributions, liaison statements or letters: I read the study groups' documents and answer from them.", note: 'What I can give for one: its deadline ("contribution deadline for SG17"), the meeting it is for ("next SG17 meeting"), and the documents on its topic ("search quantum-safe migration").' }),
  ],
  [
    /^(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:(?:register|sign)\s+(?:me|us)\b|(?:send|write|forward)\s+(?:an?\s+)?(?:e-?mail|message|mail)\b|book\s+(?:me\s+)?(?:a|an|my)\b|apply\s+for\s+(?:a|my)\s+(?:visa|fellowship))/i,
    () => ({ title: "I can't register anyone, send mail or make requests for you: I read the study groups' documents and answer from them.", note: 'What I can give: the deadline and the way to do it as the meeting\'s letter says ("registration deadline for SG5", "how do I register for the SG5 meeting"), and who to write to ("who is the SG13 secretariat").' }),
  ],
  [
    /^(?:should|shall|must|ought)\s+(?:I|we|my\s+[\w-]+|our\s+[\w-]+|(?:the\s+)?[\w-]+\s+administration)\s+(?:really\s+)?(?:to\s+)?(object|support|vote(?:\s+for|\s+against)?|approve|oppose|agree|reject|accept|sign)\b/i,
    (m, text) => {
      const rec = REC_NUMBER.exec(text)?.[0];
      return {
        title: `I can't advise whether to ${m[1]?.toLowerCase() ?? 'do that'}: that is for you and your administration to decide.`,
        note: rec ? `What the documents say I can give: where ${rec} stands ("status of ${rec}") and by when to reply ("consultation deadline for ${rec}").` : 'What the documents say I can give: a Recommendation\'s status ("status of G.9806.1") and its deadlines ("consultation deadline for G.9806.1").',
      };
    },
  ],
  [
    // The Union's budget and finances: Council's and the Plenipotentiary's, not the study groups' documents.
    /^(?!.*\b(?:registration|fees? for (?:the )?(?:meeting|workshop|event))\b).*\b(?:ITU|the Union|ITU-T|TSB|BDT|BR)(?:['’]s)?\s+(?:annual\s+|biennial\s+|total\s+)?(?:budget|finances?|financial (?:plan|situation|statements?)|revenues?|income|expenditures?|spending|deficit)\b/i,
    () => ({ title: "I can't answer questions on ITU's budget or finances: they are not in the study groups' documents I read.", note: "ITU Council's documents and the Financial Plan adopted by the Plenipotentiary Conference give them (https://www.itu.int/en/council/). What I can give: a meeting's fees or fellowships as its letter states them (\"fellowship deadline for SG5\")." }),
  ],
  [
    /^(?!.*\b(?:meetings?|SG\s?\d|study group|TSAG|workshops?|forums?|plenary)\b).*\b(?:restaurants?|places? to eat|where (?:can|could|should) (?:I|we) (?:eat|have (?:lunch|dinner))|cafeteria|canteen|lunch spots?)\b/i,
    () => ({ title: "I can't recommend restaurants: they are not in the documents I read.", note: 'ITU\'s practical information for delegates, or the host\'s for a meeting elsewhere, names places to eat near the venue. What I can give: where and when a meeting is held ("where is the next SG13 meeting").' }),
  ],
  [
    // (Not "temperature" or "forecast": words of the study groups' own work, cabinets' temperatures, traffic forecasts.)
    // (Asked of a meeting, the meeting's letter may say: "Temperatures in March range from 10 to 20 °C".)
    /^(?!.*\b(?:meetings?|SG\s?\d|study group|TSAG|workshops?|forums?|plenary)\b).*(?:\bweather\b|\bwill it (?:rain|snow)\b|\bis it (?:cold|hot|raining|snowing|sunny)\b)/i,
    () => ({ title: "I can't tell the weather: it is not in the documents I read.", note: 'A forecast service has it (MeteoSwiss for Geneva). What I can give: where and when a meeting is held ("where is the next SG13 meeting").' }),
  ],
  [
    /^(?:(?:can|could|would|will)\s+you\s+|please\s+)?translate\b|\b(?:translate|translated|translation)\s+(?:(?:it|this|that|them)\s+)?(?:in)?to\s+(?:Arabic|Chinese|English|French|Russian|Spanish|Japanese|Korean|German|Portuguese|Italian|Hindi|[A-Z][a-z]+ish|[A-Z][a-z]+ese)\b/i,
    () => ({ title: "I can't translate documents: I give them as they were stored, in the language they were written in.", note: 'ITU publishes its letters, circulars and Recommendations in its six official languages where they exist (the document\'s page on itu.int, or ask TSB); I can give what the stored text says ("/doc TSB Circular 241"), its deadlines and where a text stands.' }),
  ],
  [
    /\bwhat do you think\b|\b(?:your|an?)\s+(?:opinion|prediction|guess|view)\b|^(?:do you think|do you expect|how likely|what are the chances|is it likely)\b/i,
    (_m, text) => {
      const rec = REC_NUMBER.exec(text)?.[0];
      return {
        title: "I can't say what will happen or give opinions: I answer from what the stored documents say.",
        note: rec ? `What the documents say of ${rec}: where it stands and its next planned step ("status of ${rec}"), and the consultation's rules and deadline ("consultation deadline for ${rec}").` : 'What the documents say I can give: a Recommendation\'s status and next planned step ("status of G.9806.1"), meetings, deadlines and liaison statements.',
      };
    },
  ],
  [
    /^who\s+(?:will|is going to|might|could)\s+(?:be|become|succeed|replace|win)\b.*\b(?:director|secretary-general|deputy|chair(?:man|person)?|vice-chair|elected|election)\b|\b(?:next|new)\s+(?:TSB|BR|BDT)\s+director\b|\belections?\b.*\b(?:ITU|PP-?\d{2}|plenipotentiary|WTSA)\b/i,
    () => ({ title: "I can't say who will be elected or appointed: elections and appointments are not in the study-group documents I read.", note: 'ITU announces its elected officials and candidates on its web site (the Plenipotentiary Conference pages). What I can give: who chairs or is rapporteur now, as the documents name them ("who is the chair of SG17").' }),
  ],
];

/** Longest question the looser phrasings are tried on: a chat question, not a pasted page. */
const MAX_FALLBACK_TEXT = 300;

/** Questions whose answer is in no document sgbot reads, and where it is: said before the nearest command. */
const OUTSIDE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:need|needs|require|requires|required)\b.*\bvisas?\b|\bvisas?\b.*\b(?:rules?|requirements?|needed|required|citizens?|nationals?|passport)\b/i, "A country's visa rules are not in the documents I read; ask the Swiss (or host country's) embassy. Each meeting's letter says how to ask ITU or the host for a visa support letter, and by when: ask \"visa deadline for SG20\"."],
  [/\b(?:daily subsistence|DSA|per diem|allowance|how much)\b.*\bfellowships?\b|\bfellowships?\b.*\b(?:cover|covers|amount|allowance|how much|per diem|pay|pays)\b/i, 'What a fellowship covers is not in the text I read: the request form annexed to a meeting\'s letter and ITU\'s fellowship service say. For the request deadline, ask "fellowship deadline for SG20".'],
  [/\b(?:hotels?|accommodation|lodging)\b/i, 'Hotels are not in the documents I read; ITU lists hotels near its headquarters on its travel pages, and a letter for a meeting elsewhere names the host\'s.'],
];

/** The command nearest a question no command reads, by its words, with an example; `null` when none is near. */
const NEAREST: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\b(?:deadlines?|due|submit|submission|registration|register|visa|fellowships?|contributions?|captioning|interpretation)\b/i, 'deadlines', 'deadlines SG20 next week'],
  [/\b(?:meetings?|meet|opens?|opening|venue|where|plenary|sessions?|held)\b/i, 'meeting', 'what time does the SG13 meeting open'],
  [/\b(?:liaisons?|LSs?|replies|reply|respond)\b/i, 'ls', 'ls SG17'],
  [/\b(?:rapporteurs?|chair(?:s|man|men|person)?|vice-chairs?|conven[oe]rs?|secretariat|counsellors?)\b/i, 'officers', 'who is the rapporteur of Q4/20'],
  [/\b(?:leads?|leading|lsg)\b/i, 'lsg', 'who leads IoT identification'],
  [/\b(?:recommendations?|documents?|letters?|circulars?|TDs?)\b/i, 'search', 'search digital twin'],
];

function nearestCommand(registry: Registry, body: string): string {
  const probe = body.length > 2000 ? body.slice(0, 2000) : body;
  for (const [re, name, example] of NEAREST) {
    const spec = registry.get(name);
    if (spec && re.test(probe)) return `The closest I can answer: /${spec.name} — ${spec.summary} For example: "${example}".`;
  }
  // Words of four letters and more, and Recommendation numbers ("X.1286", "A.1") whatever their length.
  const words = probe
    .replace(/[^\p{L}\p{N}\s/.-]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((w) => (w.length > 3 && !ASKING_WORDS.has(w.toLowerCase())) || /^[A-Z]\.\d/.test(w))
    .slice(0, 4)
    .join(' ');
  return words ? `The closest I can do: search the stored documents ("search ${words}").` : 'Try /help for what I can answer.';
}

/** What a person typed without the ways of addressing sgbot: mentions, "@sgbot:" and "/sgbot" before the question. */
function addressed(input: string): string {
  return (
    input
      // `[^<>]`, not `[^>]`: on text full of unclosed "<@U|" the latter rescans to the end from each one (quadratic).
      .replace(/<@[A-Z0-9]+(?:\|[^<>]*)?>/g, ' ')
      .replace(/^\s*@?sgbot\b[:,]?/i, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\/sgbot\b\s*/i, '')
      // "whens the forum", "wheres the meeting": the apostrophe left out.
      .replace(/\b(when|where)s\b(?=\s+(?:the|a|an|it|that|this|sg|study|tsag|q\d|wp\d|my|our|next)\b)/gi, "$1's")
  );
}

/**
 * Route `input` to a command. Unknown commands get a suggestion ("did you mean /deadlines?"); questions no command
 * understands get a reply that says so and lists what can be asked.
 */
export function route(registry: Registry, input: string, clock?: AskClock): Routed {
  // A first word that misspells a key word ("dealines for study group 20 next month") is read as it, saying so: the
  // sentence's own patterns would otherwise take the misspelling for a topic.
  const plain = addressed(input);
  const [, lead = '', firstWord = '', tail = ''] = /^(\s*\/?)(\S*)([\s\S]*)$/.exec(plain) ?? [];
  // A slash command with a typo is asked about instead.
  const fixed = lead === '' && /^[a-z]{6,14}$/i.test(firstWord) && tail.trim() !== '' ? keyWordOf(firstWord) : firstWord;
  if (fixed !== firstWord) {
    const routed = routeText(registry, `${fixed}${tail}`, clock);
    const as = READ_ONLY.has(fixed.toLowerCase()) ? `/${fixed.toLowerCase()}` : `"${fixed}"`;
    return 'reply' in routed || routed.readAs ? routed : { ...routed, readAs: `I read "${firstWord}" as ${as}.` };
  }
  return routeText(registry, plain, clock);
}

/** {@link route} of a question already stripped of the ways of addressing sgbot ({@link addressed}). */
function routeText(registry: Registry, plain: string, clock?: AskClock): Routed {
  // ("liaisons from the Broadband Forum": a body by its short name, as statements are filed, and no forum of a meeting.)
  const text = withBodyShortNames(plain)
    // "and where will q13/15 meet in april?": a whole question after "and" or "so" is that question.
    .replace(/^\s*(?:and|so|also|then|ok(?:ay)?)[,\s]+(?=(?:when|where|what|which|who|how|is|are|does|do|did|will|can|could|has|have)\s+(?:\S+\s+){1,}\S)/i, '')
    // "when's", "where's", "who's": the words the patterns read.
    .replace(/\b(when|where|who|how)['’]s\b/gi, '$1 is')
    // Chat shorthand: "b4 the march mtg", "assoc rapporteur", "contribs", "tmrw".
    .replace(/\bb4\b/gi, 'before')
    .replace(/\bmtgs?\b/gi, (m) => (m.length > 3 ? 'meetings' : 'meeting'))
    .replace(/\bassoc\.?(?=\s+rapporteur)/gi, 'associate')
    .replace(/\bcontribs?\b/gi, 'contributions')
    .replace(/\btmrw\b/gi, 'tomorrow')
    .replace(/\bnxt\b/gi, 'next')
    .replace(/\bstdy\b/gi, 'study')
    .replace(/\bgrp\b/gi, 'group')
    .replace(/\b(?:wher|whre)\b/gi, 'where')
    .replace(/\bre-?register(?:ed|ing)?\b/gi, 'register again')
    // "what did TSAG ask … in LS12": the statement numbered after the group named before it (TSAG-LS12).
    .replace(/\b(TSAG|SG\d{1,2})\b([^?!.]{0,80}?)(?<![\w-])LS\s?(\d{1,4})\b/i, '$1$2$1-LS$3')
    // "in the next fortnight", "the very next deadline coming up": the words the date and deadline patterns read.
    .replace(/\b(?:a|one)\s+fortnight\b/gi, 'two weeks')
    .replace(/\bfortnight\b/gi, 'two weeks')
    .replace(/\bvery\s+(?=next\b)/gi, '')
    .replace(/\b(deadlines?)\s+(?:coming up|upcoming|ahead)\b/gi, '$1')
    // "the new deadlines", "the revised deadlines": the deadlines (as they now stand).
    .replace(/\b(?:new|updated|revised|changed|latest)\s+(deadlines?)\b/gi, '$1')
    // "When and where did SG12's regional group meet": a meeting's place is given with its dates, and its dates with it.
    .replace(/^(\s*)(?:when|what dates?)\s+and\s+(where)\b/i, '$1$2')
    .replace(/^(\s*)where\s+and\s+(when)\b/i, '$1$2')
    // Question words typed short: "wen does …", "wat is …", "wher is …".
    .replace(/^(\s*)(?:wen|whn)\b/i, '$1when')
    .replace(/^(\s*)(?:wat|wht)\b/i, '$1what')
    .replace(/^(\s*)(?:wher|whre)\b/i, '$1where')
    // "when are the deadlnes for sg13's postponded meeting": the key words misspelt after the first (a first word that
    // misspells a command is read below, saying so).
    .replace(/^(\s*\S+)([\s\S]*)$/, (_all: string, first: string, rest: string) => `${first}${rest.replace(/\b[a-z]{6,14}\b/gi, keyWordOf)}`)
    // "hi, could you please tell me …", "… please?": courtesy around the question.
    .replace(/^(?:(?:hi|hello|hey|dear)(?:\s+(?:there|all|team))?[,!.]?\s+)?(?:(?:please|pls|kindly|can you|could you|would you|will you)[,]?\s+)+/i, '')
    .replace(/[,\s]+(?:please|pls|plz|thx|thanks)([?!.]*)$/i, '$1')
    // "did I miss anything (important) in the last two weeks", "which deadlines have passed recently": the deadlines
    // of that span, a month when none is named.
    .replace(/^(?:did|have)\s+(?:I|we)\s+miss(?:ed)?\s+(?:anything|something|any(?:thing)?\s+deadlines?|a\s+deadline)(?:\s+important)?(?=\s+(?:in|over|during)\s+the\s+(?:last|past)\b|\s*[?!.]*$)/i, 'what deadlines did I miss')
    .replace(/^what deadlines did I miss(\s*[?!.]*)$/i, 'what deadlines did I miss in the past month$1')
    .replace(/^(?:which|what|any)\s+deadlines\s+(?:have\s+)?(?:passed|closed|gone by|expired)\s+(?:recently|lately)(\s*[?!.]*)$/i, 'what deadlines did I miss in the past month$1')
    // "tap consultation for G.9806.1", "which meeting would approve G.9806.1", "where is G.9806.1": where that
    // Recommendation stands, with its consultation's deadline and the meeting that would approve it.
    .replace(/^(?:(?:what(?:'s|’s| is)\s+)?the\s+)?(?:status\s+of\s+(?:the\s+)?)?(?:TAP|AAP|Member States?['’]?)\s+consultation\s+(?:for|on|of)\s+(?:the\s+)?(?:draft\s+)?(?:(?:new|revised)\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?([A-Z]\.\d{1,4}(?:\.\d{1,3})*)\s*[?!.]*$/i, 'rec $1')
    .replace(/^(?:(?:which|what)\s+meeting\s+(?:would|will|is going to|is to|should|could)\s+(?:approve|consent|determine|adopt)|where\s+(?:is|will)|where\s+will\s+.{0,20}?\s+approve)\s+(?:draft\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?([A-Z]\.\d{1,4}(?:\.\d{1,3})*)(?:\s+be\s+(?:approved|consented|determined|adopted))?\s*[?!.]*$/i, 'rec $1')
    // "what work items are proposed for consent for Q11/20", "what is Q11/20 proposing for consent": the texts that
    // group puts forward for that step.
    .replace(PROPOSED_FOR_STEP, (_m, step: string, group: string, end: string) => `which drafts did ${group} put forward for ${step}${end}`)
    .replace(PROPOSING_FOR_STEP, 'which drafts did $1 put forward for $2$3')
    // "when is the next tsag?", "where's the next sg13?": a group named where its meeting is meant.
    .replace(new RegExp(String.raw`^((?:when|where)(?:\s+is|'s|’s)\s+(?:the\s+)?(?:next|upcoming|coming)\s+(?:ITU-T\s+)?(?:${GROUP_MENTION.source}))(\s*[?!.]*)$`, 'i'), '$1 meeting$2')
    // "wasn't it in march?", "wasn't the sg13 meeting supposed to be in March?": whether it was moved.
    .replace(new RegExp(String.raw`^(?:(?:but|and|so)[,\s]+)?(?:wasn'?t|was\s+not|isn'?t|is\s+not)\s+(it|that|this|the\s+[^?!]{2,40}?)\s+(?:(?:supposed|meant|planned|scheduled)\s+(?:to\s+be\s+)?|originally\s+)?(?:in|on|for)\s+(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d{2})?(?:\s+originally)?\s*[?!.]*$`, 'i'), 'was $1 moved?')
    // "which sg does cable tv?", "which study group works on quantum?": the group that leads that work.
    .replace(/^(?:which|what)\s+(?:sg|study\s+group|group|itu-t\s+group)s?\s+(?:does|do|works?\s+on|handles?|covers?|deals?\s+with|looks?\s+after|is\s+(?:responsible\s+)?for|are\s+(?:responsible\s+)?for|studies)\s+(?!(?:the\s+)?(?:meeting|deadline|LS|liaison)\b)([^?!]{2,60}?)\s*[?!.]*$/i, 'who leads work on $1')
    // "search workshop", "search for digital twin": the search asked without its slash.
    .replace(/^search\s+(?:for\s+)?(?=\S)(?!.*\?\s*$)/i, '/search ')
    // "when do contributions need to be in", "by when must papers be submitted": when they are due.
    .replace(/^(?:when|by when)\s+(?:do|does|must|should|will)\s+((?:the\s+)?(?:[\w-]+\s+){0,2}?(?:contributions?|registrations?|fellowship requests?|papers?|abstracts?|requests?|comments?|replies|documents?))\s+(?:(?:need|have)\s+to\s+|got\s+to\s+)?(?:be\s+)?(?:in|submitted|sent|received|filed|go in|arrive|reach (?:TSB|ITU))\b([^?!]{0,60}?)\s*([?!.]*)$/i, 'when are $1 due$2$3')
    // "who do I send my contribution to for the muscat meeting": the contributions deadline, which says where they go.
    .replace(/^(?:who|where|how)\s+(?:do|should|can|must|shall)\s+(?:I|we)\s+(?:send|submit|e-?mail|address)\s+(?:(?:my|our|a|the)\s+)?contributions?\s+(?:to\s+)?(?:for|to)\s+(the\s+[^?!]{2,80}?|(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|study group \d{1,2})[^?!]{0,60}?)\s*[?!.]*$/i, 'contribution deadline for $1')
    // "ai native networks workshop", "the AI for Good summit?": when and where that event is.
    .replace(/^(?:the\s+)?((?:[\p{L}\d'’-]+\s+){1,6}(?:workshop|forum|symposium|summit|hackathon|webinar|seminar))\s*[?!.]*$/iu, (all: string, name: string) => (ONE_GROUP_MENTION.test(name) || /^(?:any|a|an|next|upcoming|which|what|when|where|who|how|is|are|was|were|will|did|do|does|has|have|there|this|that|each|every|no)\b|\b(?:there|a|an|any)\s/i.test(name) ? all : `when is the ${name}`))
    // "the emergency calls LS", "the SG17 IoT security LS": the statement on that topic ("the SG17 LS on IoT security").
    // "machine learning terminology liaison to sc42 - contacts?", "contacts for the X liaison": a statement named, and
    // a thing of it asked in a word.
    .replace(/^((?:[^?!\n]){3,80}?\b(?:LS|liaison(?:\s+statement)?)\b[^?!\n]{0,40}?)\s+[-–—:]\s+(contacts?|contact persons?|deadline|reply deadline|due date|addressees?)\s*[?!.]*$/i, (_m, subject: string, thing: string) => {
      const named = /^the\s/i.test(subject.trim()) ? subject.trim() : `the ${subject.trim()}`;
      return /^contact/i.test(thing) ? `who are the contacts for ${named}` : /^addressee/i.test(thing) ? `who is ${named} addressed to` : `what's the reply deadline of ${named}`;
    })
    .replace(/^(?:the\s+)?(?:contacts?|contact persons?)\s+(?:for|of)\s+(the\s+[^?!\n]{3,100}?\b(?:LS|liaison(?:\s+statement)?)\b[^?!\n]{0,40}?)\s*[?!.]*$/i, 'who are the contacts for $1')
    // ("digital twin terminology LS": the whole question is a statement named by its topic.)
    .replace(/^((?:[\p{L}\d/-]+\s+){0,4}[\p{L}\d/-]+)\s+(LS|liaison(?:\s+statement)?)(\s*[?!.]*)$/iu, (all: string, words: string, ls: string, end: string) => (/^(?:the|a|an|any|which|what|latest|new|recent|open|my|our)\b/i.test(words) || !/(?:^|\s)\p{Ll}{3,}/u.test(words) ? all : `the ${words} ${ls}${end}`))
    .replace(TOPIC_BEFORE_LS, topicFirstLs)
    // "deadline to reply to the SG17 LS on IoT security (and who needs to reply)?", "when is the reply to the LS on X
    // due": who must reply to it, and by when.
    .replace(/^(?:(?:what(?:'s|’s| is)|when(?:'s|’s| is))\s+)?(?:the\s+)?(?:(?:reply|response)\s+)?(?:deadline|due date|date)\s+(?:to|for)\s+(?:reply(?:ing)?|respond(?:ing)?|answer(?:ing)?)\s+to\s+(the\s+(?:[\w/-]+\s+){0,2}?(?:LS|liaison(?:\s+statement)?)\s+(?:on|about|regarding)\s+[^?!]{2,60}?)(?:\s*,?\s*and\s+who\s+(?:needs|has|must|should)\s+to\s+(?:reply|respond|answer)(?:\s+to\s+it)?)?(\s*[?!.]*)$/i, 'who must reply to $1$2')
    .replace(/^when\s+is\s+the\s+(?:reply|response|answer)\s+to\s+(the\s+(?:[\w/-]+\s+){0,2}?(?:LS|liaison(?:\s+statement)?)\s+(?:on|about|regarding)\s+[^?!]{2,60}?)\s+due(\s*[?!.]*)$/i, 'who must reply to $1$2')
    // "any news from IETF?", "what did 3GPP send us": the statements from that body, newest first.
    .replace(NEWS_FROM, 'ls from $1')
    .replace(SENT_BY, 'ls from $1')
    // "what does sg13 owe TSAG", "which liaisons from TSAG must SG13 answer", "what does SG13 need to reply to from
    // TSAG": the statements from that sender to that group, those it must answer first.
    .replace(OWES, (_m, group: string, sender: string | undefined) => (sender ? `ls ${group} from ${sender}` : `what does ${group} need to reply to`))
    .replace(FROM_MUST_ANSWER, 'ls $2 from $1')
    .replace(NEEDS_REPLY_FROM, 'ls $1 from $2')
    // "any LS asking IEEE 802.1 to reply?": the statements to that party, those awaiting its reply first.
    .replace(ASKING_TO_REPLY, 'liaisons to $1')
    // "liaisons from ietf to sg11 needing action": those from the one to the other, the ones awaiting a reply first.
    .replace(/^((?:liaisons?|LSs?|liaison statements?)\s+(?:from|to)\s+.{2,60}?)\s+(?:needing|awaiting|requiring|that need|that require|for)\s+(?:an?\s+)?(?:action|reply|response|answer)\s*([?!.]*)$/i, '$1$2')
    // "did SG13 get the SG17 LS on IoT security for action?": whether that group is asked to act on it.
    .replace(/^(?:did|does|has|is|was)\s+((?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|study group \d{1,2}|Q\d{1,2}\/\d{1,2}))\s+(?:get|got|receive|received|have|been sent|sent)\s+(the\s+(?:[\w/-]+\s+){0,2}?(?:LS|liaison(?:\s+statement)?)\s+(?:on|about|regarding)\s+[^?!]{2,60}?)\s+(?:for\s+action|to\s+act\s+on|to\s+answer|to\s+reply\s+to)(\s*[?!.]*)$/i, 'does $1 need to reply to $2$3')
    // "when does the G.9806.1 consultation close", "what time exactly does the TAP on X end": its reply deadline.
    .replace(/^(?:when|what time|what date|by when)\b(?:\s+exactly)?\s+(?:does|do|will|is|did)\s+(?:the\s+)?(.{2,60}?\s+(?:consultation|TAP|AAP|last call|comment period))\s+(?:close|closes|end|ends|finish|be over|due)\b(?:\s*,?\s*(?:in my (?:local )?time|for me))?(\s*[?!.]*)$/i, 'consultation deadline for $1$2')
    // "status of the SG15 TAP consultation": whether it is open and until when, with the Recommendations it is on.
    .replace(/^(?:what(?:'s|’s| is)\s+)?(?:the\s+)?(?:status|state|progress)\s+(?:of|on)\s+(?:the\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)?\s+(?:(?:TAP|AAP|Member States?['’]?)\s+)?consultations?(\s*[?!.]*)$/i, 'is the $1 consultation still open$2')
    // "by when do member states reply?", "until when can administrations comment": a consultation's reply date.
    .replace(/^(?:and\s+)?(?:(?:by|until|till)\s+)?when\s+(?:do|does|must|should|can|will)\s+(?:the\s+)?(?:member states|administrations|members)\s+(?:have to\s+|need to\s+)?(?:reply|respond|answer|comment|object)(?:\s+to\s+(?:it|the consultation|the TAP))?[?!.]?(?:\s+for\s+((?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG)))?(\s*[?!.]*)$/i, (_m, group: string | undefined, end: string) => `consultation deadline${group ? ` for ${group}` : ''}${end}`)
    // "what did I miss for the SG5 meeting": the group's deadlines, those passed with those to come.
    .replace(/^what\s+(?:did|have)\s+(?:I|we)\s+miss(?:ed)?\s+(?:for|of|about)\s+(?:the\s+)?(?:next\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}))\s+meeting(\s*[?!.]*)$/i, 'what deadlines did I miss for $1$2')
    // "what do I have to do before the SG13 meeting", "which deadlines are there before the next SG13 meeting": the
    // deadlines the letter for that meeting sets.
    .replace(/^(?:what|which)\s+(?:do|must|should)\s+(?:I|we)\s+(?:have\s+to\s+|need\s+to\s+)?do\s+(?:before|ahead of|prior to|for)\s+(?:the\s+)?(?:next\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}))\s+meeting(\s*[?!.]*)$/i, 'deadlines for the next $1 meeting$2')
    .replace(/^(?:which|what)\s+(?:deadlines\s+(?:are\s+there|do\s+I\s+have|come)|is\s+due)\s+(?:before|ahead of|prior to)\s+(?:the\s+)?(?:next\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}))\s+meeting(\s*[?!.]*)$/i, 'deadlines for the next $1 meeting$2')
    // "who's the TSB contact for TSAG and what's their email": a person's answer gives their e-mail.
    .replace(/,?\s+and\s+(?:what(?:'s|’s| is| are)?|whats)\s+(?:their|his|her|the)\s+(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|contact(?:\s+details)?|address)(?:\s+address)?\s*([?!.]*)$/i, '$1')
    // "venue + opening time": a plus joins two things asked.
    .replace(/\s\+\s/g, ' and ')
    // "…, I'm in Tokyo", "… in my time zone": where the asker is; times are shown in their zone anyway.
    .replace(/[,;]?\s*(?:I['’]?m|I am|we['’]?re|we are) (?:in|based in|located in|at) [\p{L} .'’-]{2,30}?([?!.]*)$/iu, '$1')
    .replace(/\s+(?:in|for) my (?:local )?time(?: ?zone)?([?!.]*)$/i, '$1');
  if (text === '' || text === '/') return validate(registry.get('help') as CommandSpec<never>, '', 'help', clock);
  // "what is the best hotel near ITU headquarters", "can you write me a contribution", "should my administration object
  // to …": what no document says, said before anything is searched.
  const asked = text.slice(0, MAX_FALLBACK_TEXT);
  for (const [re, decline] of DECLINES) {
    const m = re.exec(asked);
    if (!m) continue;
    const { title, note } = decline(m, text);
    return { reply: noAnswer('E_NO_ANSWER', title, [note], DECLINED) };
  }
  const slash = text.startsWith('/');
  const body = slash ? text.slice(1) : text;
  const [first = '', ...restWords] = body.split(' ');
  // Whole sentences first: "liaisons awaiting SG17's reply" starts with a command name (liaisons) but is a question.
  if (!slash)
    for (const [name, re] of ROUTER_INTENTS) {
      const spec = registry.get(name);
      const m = spec ? re.exec(body) : null;
      if (spec && m) {
        const g = m.groups ?? {};
        const arg = `${g['join'] ? `--join ${g['join']}` : ''}${g['arg'] ?? ''}${(g['sender'] ?? g['sender2']) ? ` from ${g['sender'] ?? g['sender2']}` : ''}${g['to'] ? ` to ${g['to']}` : ''}${(g['topic'] ?? g['topic2']) ? ` about ${g['topic'] ?? g['topic2']}` : ''}${g['due'] ? ` due ${g['due']}` : ''}${g['acts'] ? ' --acts' : ''}${g['whoActs'] ? ' --who-acts' : ''}${g['asks'] ? ' --asks' : ''}${(g['contacts'] ?? g['contacts2']) ? ' --contacts' : ''}${g['answered'] !== undefined ? ' --answered' : ''}${g['state'] ? (/open/i.test(g['state']) ? ' --still-open' : ' --passed') : ''}`;
        return validate(spec, arg, body, clock);
      }
    }
  const direct = registry.get(first.toLowerCase());
  // A command word that starts a sentence ("show me the deadlines for SG20", "find the next SG13 meeting"): the
  // sentence's meaning, when a command's intent reads it, comes before the word.
  const sentence = !slash && /^(?:me|us|the|all|my|our|any|every|what|which|when|where|who)$/i.test(restWords[0] ?? '');
  if (direct && !sentence) return validate(direct, restWords.join(' '), body, clock);
  if (!slash) {
    for (const spec of registry.list)
      for (const re of spec.intents ?? []) {
        const m = re.exec(body);
        // "is SG17 the lead study group for …": the group asked about goes with the topic.
        if (m) return validate(spec, `${m.groups?.['asked'] ? `--is ${canonicalGroup(m.groups['asked']) ?? m.groups['asked'].replace(/\s+/g, '')} ` : ''}${m.groups?.['arg'] ?? ''}`, body, clock);
      }
  }
  if (direct) return validate(direct, restWords.join(' '), body, clock);
  if (!slash && body.length <= MAX_FALLBACK_TEXT) {
    for (const spec of registry.list)
      for (const re of spec.fallbacks ?? []) {
        const m = re.exec(body);
        // A looser phrasing may name what the request is about apart from its argument ("… on CG-AISEC-STRAT").
        if (m) return validate(spec, `${m.groups?.['arg'] ?? body}${m.groups?.['topic'] ? ` about ${m.groups['topic']}` : ''}${m.groups?.['asks'] ? ' --asks' : ''}${m.groups?.['sent'] ? ` ${m.groups['sent']}` : ''}`, body, clock);
      }
  }
  const near = suggest(registry, first);
  // "deadlnes sg20": a plain question whose first word is a typo of a command that only reads is answered as that
  // command, the answer saying how it was read. A slash command with a typo is asked about instead.
  // Short words are too near too many ("is" is one letter from "ls"): only a word of five letters or more is read so.
  const corrected = !slash && near && first.length >= 5 && READ_ONLY.has(near) && restWords.length > 0 ? validate(registry.get(near) as CommandSpec<never>, restWords.join(' '), body, clock) : null;
  if (corrected && !('reply' in corrected)) return { ...corrected, readAs: `I read "${first}" as /${near}.` };
  // (Two-letter words are not taken for a mistyped command: "is it hybrid?" is no "/ls it hybrid"; nor a question word:
  // "how many remotely?" is no "/doc".)
  if (slash || (near && restWords.length <= 2 && first.length >= 3 && !/^(?:how|who|why|what|whats|when|where|which|whose|whom|was|were|are|can|did|does|will|and|any|the)$/i.test(first))) {
    return {
      reply: noAnswer(
        'E_UNKNOWN_COMMAND',
        `Unknown command "${slash ? '/' : ''}${first}".${near ? ` Did you mean /${near}?` : ''}`,
        [`Commands: ${registry.list.map((s) => `/${s.name}`).join(', ')}. Try /help.`],
        { suggestion: near },
      ),
    };
  }
  const outside = OUTSIDE.find(([re]) => re.test(body.slice(0, MAX_FALLBACK_TEXT)))?.[1];
  return {
    reply: noAnswer('E_NO_ANSWER', `I can't answer "${body}" yet.`, [
      ...(outside ? [outside] : []),
      nearestCommand(registry, body),
      'I can tell you deadlines, meetings (when they open, where), lead study groups, rapporteurs and chairs, liaison statements, and search documents.',
      'Try: "what\'s due for SG20 next week", "where is the next SG13 meeting", "who is the rapporteur of Q4/20", "ls SG17", "search digital twin".',
    ]),
  };
}

/** Each part of a question run by its command, in order (every part routed to one). */
function runParts(ctx: CommandContext, parts: readonly Routed[]): Promise<Array<{ name: string; reply: Reply }>> {
  return Promise.all((parts as Array<Exclude<Routed, { reply: Reply }>>).map(async (p) => ({ name: p.spec.name, reply: await p.spec.run(ctx, p.args) })));
}

/** A zone said before the question ("in new york time, when does it open?"): the place (1) and the question (2). */
const ZONE_FIRST = /^\s*(?:(?:and|so|ok)[,\s]+)?in\s+((?:[A-Za-z.'’-]+\s+){0,2}?[A-Za-z.'’-]+)\s+time\s*[,:;-]\s*(\S.{2,300})$/i;
/** A place right after "what time in" ("what time in New York is the SG15 TAP deadline"). */
const ZONE_LEAD = /^\s*(what time|when)\s+in\s+((?:[A-Za-z.'’-]+\s+){0,2}?[A-Za-z.'’-]+)\s+(?=(?:is|are|does|do|will|was|did)\b)/i;
/** "in <place>" ending a question that asks a time ("… opening time in Chicago", "… today in São Paulo"). */
const ZONE_TAIL = /\s+in\s+((?:[\p{L}.'’-]+\s+){0,2}[\p{L}.'’-]+)\s*([?!.]*)$/u;
/** "<place> time" at the end of a question: its last one to three words before "time" ("New York time", "in Tokyo time"). */
const ZONE_TIME = /[\s,;(]+(?:in\s+)?((?:[A-Za-z.'’-]+\s+){0,2}[A-Za-z.'’-]+)\s+time\)?\s*([?!.]*)$/i;

/** A remark after a question, about the asker: "need to book flights from Tokyo", "thanks!", "I'm new here". */
const REMARK = /(?<=\?)\s+((?:I|I['’]m|I am|I['’]ll|I['’]ve|I['’]d|we|we['’]re|we['’]ll|my|our|need|needs|have to|has to|got to|planning|trying|just|thanks|thank you|cheers|sorry)\b[^?]{0,200})$/i;

/**
 * The question without a remark after it or a "please" in it; as it is when the remark names a group or the question
 * would be empty.
 */
export function withoutRemark(asked: string): string {
  // "pls", "thanks", "please": no words of the question ("list the TSAG deadlines pls").
  const question = asked.length > 400 ? asked : asked.replace(/(?:^|\s+)(?:pls|plz|please|thanks|thank you|thx|ty)\b[,!.]*(?=\s|$|[?])/gi, '').trim() || asked;
  const m = REMARK.exec(question.length > 400 ? '' : question);
  // ("I heard it moved" asks whether it was: no remark.)
  if (!m?.[1] || ONE_GROUP_MENTION.test(m[1]) || REC_NUMBER.test(m[1]) || HEARSAY.test(m[1].trim())) return question;
  const rest = question.slice(0, m.index).trim();
  return rest.length >= 3 ? rest : question;
}

/** A sentence after the question saying where the asker is: "I'm dialling in from Tokyo.", "We are based in Nairobi". */
const WHERE_I_AM = /(?<=[?!.]\s*|^)\s*(?:I['’]m|I am|we['’]re|we are|I['’]ll be|I will be|we['’]ll be)\s+(?:(?:dialling|dialing|joining|connecting|calling|based|located|sitting|attending|participating|working|following)\s+(?:in\s+|remotely\s+|online\s+)?)?(?:from|in)\s+((?:[\p{L}.'’-]+\s+){0,2}[\p{L}.'’-]+)\s*[.!]*$/iu;

/**
 * The zone a question names for its times ("…, New York time", "… in Tokyo time") and the question without it; `null`
 * when it names none ("what time", "local time", "opening time" name no zone).
 *
 * @example zoneNamed('when does TSAG open, Tokyo time?') // { zone: 'Asia/Tokyo', rest: 'when does TSAG open?' }
 */
export function zoneNamed(question: string): { zone: string; rest: string } | null {
  // "… start? I'm dialling in from Tokyo.": where the asker is, said after the question.
  const from = WHERE_I_AM.exec(question.length > 300 ? question.slice(-300) : question);
  const here = from?.[1] ? resolveZone(from[1].trim().replace(/\.+$/, '')) : null;
  if (from && here) return { zone: here, rest: question.slice(0, question.length - from[0].length).trim() };
  // "in new york time, when does it open?": the zone said first.
  const first = ZONE_FIRST.exec(question);
  const firstZone = first?.[1] && first[2] ? resolveZone(first[1].trim()) : null;
  if (first?.[2] && firstZone) return { zone: firstZone, rest: first[2].trim() };
  // "what time in New York is the SG15 TAP deadline": the place right after "what time in".
  const lead = ZONE_LEAD.exec(question);
  if (lead?.[1] && lead[2]) {
    const zone = resolveZone(lead[2].trim());
    if (zone) return { zone, rest: `${lead[1]} ${question.slice(lead[0].length)}`.trim() };
  }
  // "what time does TSAG open today in São Paulo?": a place at the end of a question asking the time.
  // (Read in the question's last 300 characters, as the "… Tokyo time" ending is: a pattern ending in "$" tried at every
  // space of a long run of spaces would take the square of its length.)
  const end = question.length > 300 ? question.length - 300 : 0;
  const tail = /\b(?:what time|time|opening|opens?|starts?|begins?|due|deadlines?)\b/i.test(question) ? ZONE_TAIL.exec(question.slice(end)) : null;
  if (tail?.[1]) {
    const zone = resolveZone(tail[1].trim());
    if (zone) return { zone, rest: `${question.slice(0, end + tail.index)}${tail[2] ?? ''}`.trim() };
  }
  const m = ZONE_TIME.exec(question.length > 300 ? question.slice(-300) : question);
  if (!m?.[1]) return null;
  const words = m[1].split(/\s+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const place = words.slice(-n).join(' ');
    if (/^(?:local|what|the|my|our|your|opening|closing|start|starting|end|meeting|same|summer|winter|standard|daylight)$/i.test(place)) continue;
    const zone = resolveZone(place);
    if (!zone) continue;
    const at = question.length - m[0].length;
    const kept = words.slice(0, words.length - n).join(' ').replace(/(?:^|\s+)in$/i, '');
    return { zone, rest: `${question.slice(0, at)}${kept ? ` ${kept}` : ''}${m[2] ?? ''}`.trim() };
  }
  return null;
}

/** A sender that may be an ITU-T group ("TSAG", "sg13") or another body ("IETF", "3GPP"). */
const SENDER_ASKED = String.raw`${GROUP_MENTION.source}|[A-Z\d][\w/&.-]{1,20}(?:\s+[A-Z\d][\w/&.-]{0,20}){0,3}`;

/** "what work items are proposed for consent for Q11/20": the step (1) and the group (2). */
const PROPOSED_FOR_STEP = new RegExp(String.raw`^(?:what|which)\s+(?:(?:work\s+)?items|drafts|texts|(?:draft\s+)?Recommendations|recs)\s+(?:are|is|were)\s+(?:being\s+)?(?:proposed|put forward|planned|up|going|forwarded)\s+for\s+(consent|approval|determination)\s+(?:for|by|in|at|from)\s+(?:the\s+)?(${GROUP_MENTION.source})(\s*[?!.]*)$`, 'i');
/** "what is Q11/20 proposing for consent": the group (1) and the step (2). */
const PROPOSING_FOR_STEP = new RegExp(String.raw`^what\s+(?:is|are)\s+(${GROUP_MENTION.source})\s+(?:proposing|putting forward|forwarding)\s+for\s+(consent|approval|determination)(\s*[?!.]*)$`, 'i');
/** "any news from IETF?": the body (1). */
const NEWS_FROM = new RegExp(String.raw`^(?:(?:is\s+there\s+)?any\s+)?(?:news|updates?|anything\s+new|new\s+stuff)\s+(?:from|by)\s+(?:the\s+)?(${SENDER_ASKED})\s*[?!.]*$`, 'i');
/** "what did 3GPP send us": the body (1). */
const SENT_BY = new RegExp(String.raw`^what\s+(?:did|has|have)\s+(?:the\s+)?(${SENDER_ASKED})\s+(?:sent|send)(?:\s+(?:us|to us|lately|recently|so far))?\s*[?!.]*$`, 'i');
/** "what does sg13 owe TSAG": the group (1) and, when named, the sender (2). */
const OWES = new RegExp(String.raw`^what\s+(?:does|do)\s+(${GROUP_MENTION.source})\s+owe(?:\s+(?:to\s+)?(?:the\s+)?(${SENDER_ASKED}))?(\s*[?!.]*)$`, 'i');
/** "which liaisons from TSAG must SG13 answer": the sender (1) and the group (2). */
const FROM_MUST_ANSWER = new RegExp(String.raw`^(?:which|what)\s+(?:liaisons?|LSs?|liaison statements?|statements?)\s+from\s+(?:the\s+)?(${SENDER_ASKED})\s+(?:must|does|do|should|has to|have to|needs? to)\s+(${GROUP_MENTION.source})\s+(?:(?:need|have)\s+to\s+)?(?:answer|reply to|respond to|act on)(\s*[?!.]*)$`, 'i');
/** "what does SG13 need to reply to from TSAG": the group (1) and the sender (2). */
const NEEDS_REPLY_FROM = new RegExp(String.raw`^what\s+(?:does|do)\s+(${GROUP_MENTION.source})\s+(?:need|have|has)\s+to\s+(?:reply|respond|answer)\s+to\s+from\s+(?:the\s+)?(${SENDER_ASKED})(\s*[?!.]*)$`, 'i');
/** "any LS asking IEEE 802.1 to reply?": the party asked (1). */
const ASKING_TO_REPLY = new RegExp(String.raw`^(?:are there |is there )?(?:any|which|what)\s+(?:LSs?|liaisons?|liaison statements?|statements?)\s+(?:asking|requesting|that asks?|which asks?|that requests?|for)\s+(?:the\s+)?(${SENDER_ASKED})\s+to\s+(?:reply|respond|act|answer|comment)(?:\s+(?:to|on)\s+(?:it|them))?\s*[?!.]*$`, 'i');

// "the emergency calls LS": a statement named by words of its topic written before "LS" (not "the LS on …", "the
// SG17 LS", "the latest LS").
const TOPIC_BEFORE_LS = /\bthe\s+([^?!.,;:()\n]{3,60}?)\s+(?:LS|liaison(?:\s+statement)?)\b(?!\s*-?\s*\d)(?!\s+(?:on|about|regarding|concerning|of|for(?!\s+(?:action|information|info|comment)\b)|number|no)\b)/gi;
const NOT_TOPIC = /^(?:first|second|third|fourth|last|latest|newest|oldest|new|same|other|next|this|that|one|recent|open|pending|outgoing|incoming|outstanding|urgent|original|earlier|previous|incoming|draft|reply|response|\d+)$/i;

/** Words that end what comes before a topic: "the contact for the fronthaul timing LS". */
const BEFORE_TOPIC = /^(?:the|a|an|for|of|to|in|on|at|by|with|and|or|is|are|was|were|who|what|which|when|where|did|does|do|reply|replies|respond|answer|contact|deadline)$/i;

/** "the SG17 IoT security LS" → "the SG17 LS on IoT security"; as written when its words are no topic. */
function topicFirstLs(all: string, found: string): string {
  // (What comes before the topic stays before the statement: "the contact for the LS on fronthaul timing".)
  const all_ = found.trim().split(/\s+/);
  const cut = all_.findLastIndex((w) => BEFORE_TOPIC.test(w)) + 1;
  const before = all_.slice(0, cut).join(' ');
  const words = all_.slice(cut).join(' ');
  if (words === '') return all;
  const lead = `the ${before ? `${before}${/^(?:the|a|an)$/i.test(all_[cut - 1] ?? '') ? '' : ' the'} ` : ''}`;
  const parts = words.trim().split(/\s+/);
  if (parts.length > 6) return all;
  // (A sender first: "the SG17 IoT security LS", "the ITU-T SG 17 … LS".)
  const sender = /^(?:(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|study group \d{1,2}))\s+/i.exec(words.trim());
  const topic = sender ? words.trim().slice(sender[0].length) : words.trim();
  const topicWords = topic.split(/\s+/);
  if (topic === '' || topicWords.some((w) => NOT_TOPIC.test(w)) || ONE_GROUP_MENTION.test(topic)) return all;
  // (Some word of it lower-case, or two words: "the IETF LS" is named by its sender, not a topic.)
  if (!topicWords.some((w) => /^\p{Ll}{3,}/u.test(w)) && topicWords.length < 2) return all;
  return `${lead}${sender ? sender[0] : ''}LS on ${topic}`;
}

// A follow-up that names only what changes: "and for SG17?", "what about Q4/20", "same for G.984.3".
const FOLLOW_UP_TARGET = new RegExp(String.raw`^(?:(?:and|so|ok|okay|no|nope|sorry|oops|no wait|wait)[,!.\s]+)*(?:what about|how about|same (?:question )?for|and for|and|for|what of|(?:I\s+)?(?:meant|mean|was asking about|was asking for|wanted)(?:\s+(?:for|about))?|(?:I\s+)?(?:meant|mean)\s+(?:for|about)|(?:which|what|any)(?:\s+ones?)?\s+of\s+(?:those|these|them)\s+(?:are|is)\s+(?:for|of)|(?:only\s+)?(?:those|the ones)\s+(?:for|of))\s+(?:the\s+)?(?<target>${GROUP_MENTION.source}|(?<![\w.])[A-Z]\.\d{1,4}(?:\.\d{1,3})*)\s*(?:then|too|as well)?\s*[?!.]*$`, 'i');
// … or a thing of what the previous question named: "what about its registration deadline?", "and the venue?".
// (Without "the", only kinds of deadline: "and captioning?", "what about fellowships?".)
const FOLLOW_UP_THING = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:what about|how about|and)\s+(?:(?:its|their|the)\s+(?<thing>[a-z][a-z' -]{2,60}?)|(?<kind>[a-z][a-z' -]{2,60}?))\s*[?!.]*$/i;

/**
 * `question` read against the asker's previous one when it is a follow-up: the previous question with the group,
 * Question or Recommendation asked now in place of its own ("when is the SG12 meeting?" then "and for SG17?" → "when
 * is the SG17 meeting?"), or the thing asked of the previous one's group ("what about its registration deadline?" →
 * "registration deadline for SG12"). `undefined` when `question` is no follow-up; `null` when it is one and there is
 * no previous question to read it against.
 */
export function followUp(question: string, previous: string | null): string | null | undefined {
  const asked = followUpOf(question);
  return asked ? readAgainst(asked, previous) : undefined;
}

// … or a span of time that narrows what the previous question listed: "which of those are in April?", "any next week?".
const FOLLOW_UP_SPAN = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:what|how)\s+about\s+)?(?:(?:which|what|any)(?:\s+ones?)?(?:\s+of\s+(?:those|these|them))?\s+|(?:only|just)\s+(?:those|these|the ones|them)\s+|(?:those|these|the ones)\s+)?(?:(?:are|is|fall|falls|come|that are|that fall|due)\s+)?(?<span>(?:in|before|after|between|during|until|till|from|this|next|within)\s+[^?!.]{2,40}?)\s*[?!.]*$/i;
// "is sg13 involved?", "was SG2 copied on it?": the group (1) asked whether a statement concerns it.
const INVOLVED = new RegExp(String.raw`^\s*(?:(?:and|so|but)[,\s]+)?(?:is|was|are|were)\s+(${GROUP_MENTION.source})\s+(?:involved|concerned|included|copied|in copy|cc'?d|addressed|affected)(?:\s+(?:in|on|by|with)\s+(?:it|that|this|that one))?\s*[?!.]*$`, 'i');
// "and after?", "later?": a span asked after the one just shown.
const AFTER_ALONE = /^\s*(?:(?:and|so|what about|how about)[,\s]+)?(?:after|later|afterwards)\s*[?!.]*$/i;
// "until when can we ask for it?", "by when do we have to request it?", "what's the deadline to apply for it?".
const REQUEST_BY_WHEN = /\b(?:until|till|by)\s+when\b|\bdeadline\b|\blast\s+day\b|\bhow\s+long\b/i;
// (… of "it" requested: "ask for it", "request it", "apply for it".)
const REQUEST_IT = /\b(?:ask|apply|sign\s+up)\s+for\s+(?:it|that|this|one)\b|\brequest\s+(?:it|that|this|one)\b/i;
/** The word a deadline of each kind that people request is asked by ("interpretation deadline for SG5"). */
const REQUEST_WORD: Partial<Record<DeadlineCategory, string>> = { interpretation: 'interpretation', captioning: 'captioning', fellowship: 'fellowship', visa: 'visa', registration: 'registration' };
// A previous question's span that ends before a month ("… before june", "… until 15 March 2027"): that month (1).
const SPAN_BEFORE_MONTH = new RegExp(String.raw` (?:before|until|till) ((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d{2})?)\s*[?!.]*$`, 'i');
// The span a previous question ended with, which a span asked next replaces: "in March", "next week", "between 1 and
// 15 March", "before June".
const EARLIER_SPAN = new RegExp(String.raw`\s+(?:in|during|for)\s+(?:${MONTH_PATTERN})\.?(?:\s+(?:19|20)\d{2})?$|\s+(?:this|next|last)\s+(?:week|month|year)$|\s+(?:in|within)\s+the\s+next\s+\w+\s+(?:days|weeks|months)$|\s+(?:between|from)\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:${MONTH_PATTERN}))?\s+(?:and|to|-)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d{2})?$|\s+(?:before|after|until|till|by|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d{2})?$`, 'i');
// (Words that make a span one of time: "in April", "next week", "before 15 March", not "in Geneva".)
const SPAN_WORDS = new RegExp(String.raw`\b(?:${MONTH_PATTERN}|weeks?|months?|years?|quarter|days?|today|tomorrow|weekend|(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?)\b`, 'i');
// … or only "when": "by when?", "and when?", "when is that due?".
const FOLLOW_UP_WHEN = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:by|until|till)?\s*when(?:\s+(?:is|was)\s+(?:it|that)(?:\s+due)?)?\s*[?!.]*$/i;
// … or another topic for the same question: "and on IoT?", "what about smart cities?" (no group: that is a target).
const FOLLOW_UP_TOPIC = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:what about|how about|and (?:on|for|about|regarding)|same for|what of)\s+(?:the\s+)?(?<topic>[\p{L}\d][\p{L}\d./&'’-]*(?:\s+[\p{L}\d./&'’-]+){0,3}?)\s*(?:then|too|as well)?\s*[?!.]*$/iu;
// The topic a previous question asked about, last: "who leads work on security?", "the LS on emergency calls".
const ASKED_TOPIC = /\b(?<lead>on|about|regarding|concerning|for)\s+(?:the\s+)?(?<topic>[^?!.,]{2,60}?)\s*(?<end>[?!.]*)$/i;
const LEAD_QUESTION = /^(?<lead>(?:who|which (?:study )?group)\s+(?:leads|is (?:the )?lead(?:ing)?(?: study group)?(?:\s+(?:for|on))?|is leading)(?:\s+(?:the\s+)?work)?(?:\s+on)?)\s+(?:the\s+)?(?<topic>[^?!.]{2,60}?)\s*(?<end>[?!.]*)$/i;

type FollowUpAsked = { target: string } | { thing: string } | { span: string } | { when: true } | { topic: string };

/** What a follow-up names: the group, Question or Recommendation asked now, the thing asked of the previous one's, a span, "when", or a topic. */
function followUpOf(question: string): FollowUpAsked | null {
  const q = question.trim();
  const target = FOLLOW_UP_TARGET.exec(q)?.groups?.['target'];
  if (target) return { target };
  const thingOf = FOLLOW_UP_THING.exec(q)?.groups;
  const kind = thingOf?.['kind'];
  // "and april?", "what about next week?": a span of time, written without its preposition.
  if (kind && new RegExp(String.raw`^(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d{2})?$`, 'i').test(kind.trim())) return { span: `in ${kind.trim()}` };
  if (kind && /^(?:this|next|last)\s+(?:week|month|year)$/i.test(kind.trim())) return { span: kind.trim() };
  const thing = thingOf?.['thing'] ?? (kind && namesOnlyDeadlineKinds(kind) ? `${kind} deadline` : undefined);
  if (thing) return { thing };
  // "which of those are for the TAP?", "any of these for fellowships?": the kind of deadline of the list before.
  const ofKind = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:which|what|any)(?:\s+ones?)?\s+of\s+(?:those|these|them)\s+(?:(?:are|is)\s+)?(?:for|about|on)\s+(?:the\s+)?(?<kind>[a-z][a-z' -]{1,30}?)\s*[?!.]*$/i.exec(q)?.groups?.['kind'];
  if (ofKind && namesOnlyDeadlineKinds(ofKind)) return { thing: `${ofKind} deadline` };
  if (FOLLOW_UP_WHEN.test(q)) return { when: true };
  const span = FOLLOW_UP_SPAN.exec(q)?.groups?.['span'];
  // (Only a span that reads as dates: "in Geneva" is no span of time.)
  // (Not "until when does FG IMT-2020 run?": a question of its own, whose name holds a year.)
  if (span && SPAN_WORDS.test(span) && !/^(?:until|till)\s+when\b/i.test(span.trim())) return { span: span.trim() };
  const topic = FOLLOW_UP_TOPIC.exec(q)?.groups?.['topic'];
  return topic && !/^(?:it|its|that|this|them|those|these|you|me)$/i.test(topic) && !ONE_GROUP_MENTION.test(topic) ? { topic } : null;
}

/** A follow-up read against `previous` ({@link followUp}); `null` when there is none to read it against. */
function readAgainst(asked: FollowUpAsked, previous: string | null): string | null {
  if (!previous) return null;
  const bare = previous.replace(/[?!.]+\s*$/, '');
  if ('thing' in asked) {
    // (Of a consultation or a statement named before: "and the deadline?" after "the SG15 TAP consultation".)
    const subject = subjectOf(previous);
    if (subject && 'thing' in subject && /\bconsultation\b/i.test(subject.thing)) return `${asked.thing} for ${subject.thing}`;
    if (subject && 'thing' in subject && LS_ON_TOPIC.test(subject.thing) && /\b(?:deadline|due date|reply date)\b/i.test(asked.thing)) return `what's the ${asked.thing} of ${subject.thing}`;
    const named = ONE_GROUP_MENTION.exec(withRegionalGroups(previous))?.[0] ?? REC_NUMBER.exec(previous)?.[0];
    // "and the associate?", "and the chair?" after a question on who holds a role: who holds that one.
    const role = /^(?:associate(?:\s+rapporteur)?|rapporteur|chair(?:man|person)?|vice[- ]chairs?|secretariat|secretary|editor|co-?rapporteur)$/i.test(asked.thing.trim()) && /\b(?:rapporteur|chair|secretariat|officers?|editor|who\s+(?:is|are|leads|chairs))\b/i.test(previous);
    if (named && role) return `who is the ${/^associate$/i.test(asked.thing.trim()) ? 'associate rapporteur' : asked.thing.trim()} of ${named}?`;
    // ("what about its registration deadline?" after a question on the SG17 meeting: that meeting's.)
    if (named && subject && 'group' in subject && subject.meeting && subject.group === named && /\b(?:deadline|due date|cut-?off)\b/i.test(asked.thing)) return `${asked.thing} for the ${named} meeting`;
    return named ? `${asked.thing} for ${named}` : null;
  }
  // "by when?": the previous question, asked with when.
  if ('when' in asked) return /\bwhen\b/i.test(bare) ? bare : `${bare}, and by when?`;
  // "which of those are in April?": the previous question, narrowed to the span.
  // (… in place of the span it named: "deadlines for sg 12 in april" then "and in may?".)
  if ('span' in asked) {
    const earlier = EARLIER_SPAN.exec(bare);
    // ("… deadlines for the SG3 meeting" narrowed to March: SG3's deadlines in March, not a meeting in March.)
    const kept = (earlier ? bare.slice(0, earlier.index) : bare).replace(/\bfor the (\S+) meeting$/i, 'for $1');
    return `${kept} ${asked.span}`;
  }
  if ('topic' in asked) {
    // "and on IoT?" after "who leads work on security?": the same question of the topic asked now.
    const lead = LEAD_QUESTION.exec(previous);
    if (lead?.groups) return `${lead.groups['lead']} ${asked.topic}${lead.groups['end'] ?? ''}`;
    const on = ASKED_TOPIC.exec(previous);
    if (on?.groups && !ONE_GROUP_MENTION.test(on.groups['topic'] ?? '')) return `${previous.slice(0, on.index)}${on.groups['lead']} ${asked.topic}${on.groups['end'] ?? ''}`;
    return null;
  }
  const { target } = asked;
  const same = REC_NUMBER.test(target) ? REC_NUMBER.exec(previous) : ONE_GROUP_MENTION.exec(previous);
  return same ? `${previous.slice(0, same.index)}${target}${previous.slice(same.index + same[0].length)}` : `${bare} for ${target}`;
}

// "it", "that", "this" pointing back, not "this week", "that month" (a span of time).
const POINTER = String.raw`\b(?:it|that|this)\b(?!\s+(?:week|month|year|quarter|morning|afternoon|evening|day|weekend|time)\b)`;
// The first pointing word of a question, to put what it points to in its place.
const POINTER_ONCE = new RegExp(POINTER, 'i');
// Words that point back to what was asked before: "until it starts", "that deadline", "the meeting itself".
const POINTS_BACK = new RegExp(String.raw`${POINTER}|\bthe meeting itself\b|\bthe same (?:meeting|deadline)\b|\bits\s+\p{L}`, 'iu');
// "its" and the thing of it asked ("its deadlines", "its registration deadline"), up to a word that starts another part.
const ITS_STOP = String.raw`(?:for|of|in|on|at|by|and|or|to|from|with|when|where|is|are|was|were)\b`;
const ITS_THING = new RegExp(String.raw`\bits\s+((?!${ITS_STOP})[\p{L}\d-]+(?:\s+(?!${ITS_STOP})[\p{L}\d-]+){0,2}?)(?=\s*(?:[?!.,]|$|\s${ITS_STOP}))`, 'iu');

// A statement named by its topic: "the LS on emergency calls", "SG11 liaison on emergency calls". (Not "an LS", nor
// the verb after the topic: "was the LS on X addressed"; a dash ends it: "… on emergency calls - what does it ask?".)
const LS_ON_TOPIC = /\b(?:(?:the|an?)\s+)?((?:(?!(?:the|an?)\s)[\p{L}\d/-]+\s+)?(?:LS|liaison(?: statement)?)\s+(?:on|about|regarding)\s+[^?!.,\n]{2,60}?)\s*(?=[?!.,]|$|\s+[-–—:]\s|\s+(?:and|from|to|by|addressed|sent|written|due|answered|replied|ask|asks|asked|say|says|said|want|wants|need|needs|request|requests|mean|means|cover|covers)\b)/iu;

/** A month's name (a meeting "in April" is named by its month, not a town). */
const MONTH_NAMES = new RegExp(String.raw`^(?:${MONTH_PATTERN})$`, 'i');

// The words of an event's name before its kind ("ai native networks" workshop): not "next", "the", "of", "deadlines".
const EVENT_NAME_WORD = String.raw`(?!(?:next|last|first|previous|upcoming|same|other|this|that|new|the|a|an|of|for|on|in|at|to|and|or|with|by|from|is|are|was|were|deadlines?|dates?|registration|contact)\b)[\p{L}\d'’-]+`;
const EVENT_NAME = String.raw`${EVENT_NAME_WORD}(?:\s+${EVENT_NAME_WORD}){0,4}?`;
const EVENT_KIND = String.raw`(workshop|forum|symposium|summit|hackathon|webinar|clinic|seminar)\b`;
/** The kinds of event people name by their topic ("the ITU workshop on satellites", "the forum on digital twins"). */
const TOPIC_EVENT = String.raw`(?:workshop|forum|symposium|seminar|webinar|summit|hackathon|training|tutorial)s?`;
/** "ai native networks workshop?" as the whole question: the name (1) and kind (2) of the event. */
const EVENT_ALONE = new RegExp(String.raw`^\s*(?:the\s+)?(${EVENT_NAME})\s+${EVENT_KIND}`, 'iu');
/** "… the ai native networks workshop …": the name (1) and kind (2) of the event. */
const EVENT_NAMED = new RegExp(String.raw`\bthe\s+(${EVENT_NAME})\s+${EVENT_KIND}`, 'iu');

/** A subject that is an event of those kinds ("the ITU workshop on satellites"). */
const NAMES_TOPIC_EVENT = new RegExp(String.raw`\b${TOPIC_EVENT}\b`, 'i');
/** "an ITU workshop on satellites", "the forum on digital twins coming up": the event (1), up to a word after its topic. */
const EVENT_ON_TOPIC = new RegExp(String.raw`\b(?:the|an?|any)\s+((?:ITU(?:-T)?\s+)?${TOPIC_EVENT}\s+on\s+[^?!.,]{3,60}?)\s*(?=[?!.,]|$|\s+(?:and|in|at|from|by|next|this|last|coming|soon|planned|held|hosted|take|takes|taking|start|starts|open|opens|begin|begins|happen|happens|happening|be|is|was|will)\b)`, 'i');

/** A stored document's id as sgbot shows it ("6ea88ad80331"): twelve hex digits, letters and digits both. */
const DOC_ID = String.raw`(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12}(?![\w-])`;
const DOC_IDS = new RegExp(DOC_ID, 'g');
/** A statement or TD by its number ("SG11-LS58"), or a document by its id. */
const NUMBERED_DOCUMENT = new RegExp(String.raw`\b(?:SG\d{1,2}|TSAG)-(?:LS|TD)\s?\d{1,4}\b|${DOC_ID}`, 'i');

/**
 * What the previous question was about, for "it" to stand for: the group it named ("SG13", "the SG13 meeting" when it
 * asked of a meeting), else the meeting it named by its place or name ("the Muscat meeting"), else the liaison
 * statement it named by its topic ("the LS on emergency calls").
 */
function subjectOf(asked: string): { group: string; meeting: boolean; when?: string } | { thing: string } | null {
  // ("the SG13 Arab regional group" is SG13RG-ARB, not SG13.)
  const previous = withRegionalGroups(asked);
  // A statement or TD by its number ("what does SG11-LS58 ask?"): that document, not the group its number starts with.
  // (… or by its id, for one with no number: "what does 6ea88ad80331 say?".)
  const numbered = NUMBERED_DOCUMENT.exec(previous)?.[0];
  if (numbered) return { thing: numbered };
  // A statement named by its topic ("the TSAG LS on stale work items", "SG11 liaison on emergency calls"): that
  // statement, not the group that sent it.
  const statement = LS_ON_TOPIC.exec(previous);
  if (statement?.[1]) return { thing: `the ${statement[1]}` };
  // "what did ISO/IEC JTC 1/SC 27 send to SG17": what it sent, not the group it went to.
  const sent = /^what\s+(?:did|has|have)\s+(?:the\s+)?(?!(?:ITU-T\s+)?(?:SG|TSAG)\b)([^?!]{2,60}?)\s+(?:send|sent)\s+to\s+(?:the\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))\b/i.exec(previous);
  if (sent?.[1] && sent[2]) return { thing: `the LS from ${sent[1]} to ${sent[2]}` };
  const fromTo = /\bthe\s+(?:LS|liaison(?:\s+statement)?)\s+from\s+(?:the\s+)?([^?!]{2,60}?)\s+to\s+(?:the\s+)?((?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))\b/i.exec(previous);
  if (fromTo?.[1] && fromTo[2]) return { thing: `the LS from ${fromTo[1]} to ${fromTo[2]}` };
  // "the SG15 TAP consultation", "the AAP on X.1286": that consultation, not its group.
  // (Named by its group or its Recommendation: "the TAP consultation in TSB Circular 241" is named by the circular.)
  const consultation = /\b(?:the\s+)?((?:SG\s?\d{1,2}|TSAG)\s+(?:(?:TAP|AAP|Member State)\s+)?consultation(?:\s+on\s+(?:draft\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?[A-Z]\.\d[\w.-]*)?|(?:TAP|AAP|Member State)\s+consultation\s+on\s+(?:draft\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?[A-Z]\.\d[\w.-]*)/i.exec(previous);
  if (consultation?.[1]) return { thing: `the ${consultation[1]}` };
  const group = ONE_GROUP_MENTION.exec(previous)?.[0];
  // "the SG13RG-ARB meeting in Muscat": that meeting, by its town (a past one is still "it").
  const town = group ? new RegExp(String.raw`${RegExp.escape(group)}\s+meeting\s+in\s+(\p{Lu}\p{Ll}[\p{L}'’-]*)`, 'u').exec(previous)?.[1] : undefined;
  // ("what time is the sg11 meeting in Tokyo?": a time asked "in" a place at the end is asked in its zone.)
  const zoneAsked = town !== undefined && /^\s*(?:what time|when)\b/i.test(previous) && new RegExp(String.raw`\bin\s+${RegExp.escape(town)}\s*[?!.]*$`).test(previous);
  if (group && town && !MONTH_NAMES.test(town) && !zoneAsked) return { thing: `the ${group} meeting in ${town}` };
  // ("the sg2 meeting july 2025": that meeting, by its month, not the next one.)
  // ("sg12 march 2019 meeting": the month before the word.)
  const whenAt = group ? new RegExp(String.raw`${RegExp.escape(group)}\s+(?:(?:meeting|report)\s+(?:in\s+|of\s+)?((?:${MONTH_PATTERN})\.?\s+(?:19|20)\d{2})\b|((?:${MONTH_PATTERN})\.?\s+(?:19|20)\d{2})\s+(?:meeting|report)\b)`, 'i').exec(previous) : null;
  const when = whenAt?.[1] ?? whenAt?.[2];
  if (group) return { group, meeting: /\bmeet(?:ing|s)?\b|\bplenary\b/i.test(previous), ...(when ? { when } : {}) };
  // "the workshop on AI-native networks", "the ITU forum on digital twins", "is there an ITU workshop on satellites
  // coming up?": an event named by its topic.
  const onTopic = EVENT_ON_TOPIC.exec(previous);
  if (onTopic?.[1]) return { thing: `the ${onTopic[1]}` };
  // "the Muscat meeting", "the AI native networks workshop": a name that starts with a capital or a digit.
  const meeting = /\bthe\s+([\p{Lu}\d][\p{L}\d'’-]*(?:\s+[\p{L}\d'’-]+){0,4}?)\s+(meeting|workshop|forum|plenary|session)\b/u.exec(previous);
  if (meeting) return { thing: `the ${meeting[1]} ${meeting[2]}` };
  // "the ai native networks workshop": an event (not a meeting: "the next meeting") named in lower case.
  // (Without "the" only when the question is the name alone: "ai native networks workshop?".)
  const alone = /^\s*(?:the\s+)?[^?!.]{0,80}?(?:workshop|forum|symposium|summit|hackathon|webinar|clinic|seminar)\s*[?!.]*$/i.test(previous) && !/^\s*(?:is|are|was|were|any|which|what|when|where|who|how|do|does|did|a|an)\b/i.test(previous);
  const event = (alone ? EVENT_ALONE : EVENT_NAMED).exec(previous);
  // (A kind of side event any meeting has, "the contribution clinic", "the newcomers session", names none.)
  if (event && !/^(?:(?:online|virtual|contribution|contributions|newcomers?'?|bsg|hands-on|training|regional|delegates?|the)\s*)+$/i.test(event[1] ?? '')) return { thing: `the ${event[1]} ${event[2]}` };
  // A Recommendation ("TAP consultation deadline for G.9806.1", "status of g.9806.1"), or a document by its reference
  // ("TSB Circular 241").
  const named = REC_NUMBER.exec(withRecSeries(previous))?.[0] ?? /\b(?:TSB\s+)?(?:Circular|Collective letter)\s+\d{1,4}(?:\/(?:\d{1,2}|TSAG))?\b/i.exec(previous)?.[0];
  return named ? { thing: named } : null;
}

/** "the meeting", "the deadlines", "the plenary": a thing of what was asked before, named as the one known. */
const DEFINITE_THING = /\bthe\s+(?:meeting|deadlines?|plenary|opening|registration|agenda|venue|closing|fellowships?)\b/i;

/** "deadlines?", "and the agenda?", "any deadlines?": a thing of what was asked before, in a word or two. */
const BARE_THING = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:what about\s+|any\s+|(?:what|which) are (?:the\s+)?)?(?:the\s+)?(?:(?:key|important|main|upcoming|next)\s+)?(?:deadlines?|dates?|due dates?|agenda|venue|registration|fellowships?)\s*[?!.]*$/i;

/** "is there a workshop?", "any side events?": of the group asked about before (every group's are a list of its own). */
const EVENT_OF_IT = /\b(?:is there|are there|any)\s+(?:a\s+|an\s+|any\s+)?(?:workshops?|forums?|side events?|briefings?|trainings?|receptions?|clinics?|tutorials?|hackathons?)\b/i;

/** A question of a few words that names no group, Recommendation, document, event or statement of its own. */
function namesNothing(question: string): boolean {
  // (A zone named at the end, "…, paris time", is no word of what is asked.)
  const q = (question.length <= 200 ? zoneNamed(question.trim())?.rest : undefined) ?? question.trim();
  // ("was there a workshop?" names none: "a workshop" is any.)
  const own = q.replace(/\b(?:a|an|any)\s+[\p{L}-]+/giu, ' ');
  return q.length <= 200 && q.split(/\s+/).length <= 8 && subjectOf(q) === null && !ONE_GROUP_MENTION.test(withRegionalGroups(q)) && !REC_NUMBER.test(q) && !NAMES_ITS_OWN.test(own) && !/^\//.test(q);
}

/** Whether an answer answers its question: not a search by its words, nor every group's deadlines for "the deadline". */
function standsAlone(answered: { command: string | null; reply: Reply }, question: string): boolean {
  // ("what's the deadline?", "when is the reply due?" ask one; "deadlines next week" asks every group's.)
  const one = (/\bthe\s+(?:[\w-]+\s+){0,2}(?:deadline|due date|reply date)\s*[?!.]*$/i.test(question) || /^\s*(?:(?:and|so|ok)[,\s]+)?(?:[\w-]+\s+){0,2}(?:deadline|due date)\s*[?!.]*$/i.test(question) || /\b(?:is|was)\s+the\s+(?:[\w-]+\s+){0,2}(?:reply|response|answer|deadline)\s+due\s*[?!.]*$/i.test(question)) && !SPAN_WORDS.test(question);
  // (A command's own "not found" answers: only a question no command could read, or a search by its words, does not.)
  // ("who is the rapporteur?" answered "Say which Question" lacks what the earlier question named.)
  // (Nor "'abstract' is not an ITU-T group I know": a word of the question taken for a group.)
  const read = (answered.reply.ok || (answered.command !== null && answered.reply.code !== 'E_NO_ANSWER' && answered.reply.code !== 'E_USAGE')) && !/\bis not an ITU-T group I know\b|\bis no group I know\b|^Which group do you mean by\b/.test(answered.reply.title);
  // (A search that answers in its own way, "how to take part" in a group's list, is an answer.)
  const searched = answered.command === 'search' && /^Documents (?:matching|about)\b/.test(answered.reply.title);
  // ("can I still register?" asks of one meeting, not of every group's registration.)
  const stillAsked = /^(?:can|could|may|is|are)\b.*\bstill\b/i.test(question.trim());
  return read && !searched && !((one || stillAsked) && /\bfor all groups\b/.test(answered.reply.title));
}

/**
 * `question`, which names nothing, asked of what an earlier question named: "is there interpretation?" of the TSAG
 * meeting, "which working parties meet there?" at the SG5 meeting, "who must reply?" to the LS on stale work items.
 */
function askedOf(question: string, subject: NonNullable<ReturnType<typeof subjectOf>>): string {
  // "what time does the meeting start, paris time?": the zone named stays at the end, where it is read.
  const trimmed = question.trim().replace(/[?!.]+\s*$/, '');
  const zoned = zoneNamed(trimmed);
  const core = zoned?.rest.replace(/[?!.,\s]+$/, '');
  if (core && core.length >= 3 && trimmed.startsWith(core) && trimmed.length > core.length) return `${askedOfPlain(core, subject).replace(/\?$/, '')}${trimmed.slice(core.length)}?`;
  return askedOfPlain(question, subject);
}

function askedOfPlain(question: string, subject: NonNullable<ReturnType<typeof subjectOf>>): string {
  const bare = question.trim().replace(/^(?:(?:and|so|ok|okay)[,\s]+)/i, '').replace(/[?!.]+\s*$/, '');
  if ('group' in subject) {
    const at = subject.meeting ? `the ${subject.group} meeting${subject.when ? ` in ${subject.when}` : ''}` : subject.group;
    // "whats their mailing list" after a Question: the Question's.
    if (/\b(?:their|its)\b/i.test(bare)) return `${bare.replace(/\b(?:their|its)\b/i, 'the')} for ${at}?`;
    // ("meet there" is at the meeting; "is there" asks whether.)
    const there = /(?<!\b(?:is|are|was|were|will|be)\s+)\bthere\b/i;
    if (there.test(bare)) return `${bare.replace(there, subject.meeting ? `at ${at}` : `in ${at}`)}?`;
    return `${bare} for ${at}?`;
  }
  // "when were replies due?" after a Recommendation's status: the deadlines its documents set, with where it stands.
  if (REC_NUMBER.test(subject.thing) && /^[A-Z]\.\d/.test(subject.thing.trim()) && /\b(?:due|deadlines?|replies|reply by|closes?|closed)\b/i.test(bare)) return `rec ${subject.thing.trim()}`;
  // "which recs?" after a consultation or a circular: the texts it is on.
  if (/^(?:which|what)\s+(?:draft\s+)?(?:recs?|recommendations?|drafts?|texts?)(?:\s+(?:are|is)\s+(?:in\s+)?(?:it|that|this)(?:\s+(?:about|on|for))?)?$/i.test(bare)) return `which Recommendations are in ${subject.thing}?`;
  if (/\b(?:reply|respond|answer|act)$/i.test(bare)) return `${bare} to ${subject.thing}?`;
  // ("deadline" of a statement named by its number or id: its reply deadline.)
  if (NUMBERED_DOCUMENT.test(subject.thing) && /^(?:the\s+|its\s+)?(?:reply\s+|response\s+)?(?:deadline|due date|reply date)$/i.test(bare)) return `what's the reply deadline of ${subject.thing}?`;
  if (/\b(?:deadline|due date|reply date|date)$/i.test(bare)) return `${bare} of ${subject.thing}?`;
  return `${bare} for ${subject.thing}?`;
}

/**
 * `question` with its pointing words ("it", "that deadline", "the meeting itself") made what the previous question
 * named ("the TSAG meeting", "the SG21 deadline", "the Muscat meeting"); `null` when the previous question named none.
 */
export function pointedBack(question: string, previous: string | null): string | null {
  const subject = previous ? subjectOf(previous) : null;
  if (!subject) return null;
  const replacements: Array<readonly [RegExp, string]> =
    'thing' in subject
      ? [[/\bthe meeting itself\b|\b(?:that|this|the same) meeting\b/i, subject.thing], [ITS_THING, `the $1 of ${subject.thing}`], [POINTER_ONCE, subject.thing]]
      : [
          [/\bthe meeting itself\b|\b(?:that|this|the same) meeting\b/i, `the ${subject.group} meeting`],
          [ITS_THING, `the $1 of ${subject.meeting ? `the ${subject.group} meeting` : subject.group}`],
          [/\b(?:that|this|the same) deadline\b/i, `the ${subject.group} deadline`],
          // ("who's the rapporteur for that question?": the Question or group itself.)
          [/\b(?:that|this|the same) (?:question|group|study group|working party)\b/i, subject.group],
          // (What is due "for it" is the group's: "the SG11 meeting in september" would name a meeting by its month.)
          [POINTER_ONCE, subject.meeting && !/\b(?:due|deadlines?)\b/i.test(question) ? `the ${subject.group} meeting` : subject.group],
        ];
  for (const [re, by] of replacements) if (re.test(question)) return question.replace(re, by);
  return null;
}

// A question that names a thing of its own beside its "it": a statement, a letter, a document, a name or an acronym
// ("fronthaul timing LS – who is it to", "who sent LS332 and what was it about").
const NAMES_ITS_OWN = /\b(?:LSs?|liaisons?|liaison statements?|TDs?|letters?|circulars?|workshops?|forums?|documents?|consultations?)\b|(?<!^)\b(?!(?:TSB|ITU|ITU-T|UTC|CET|CEST|GMT)\b)[A-Z][\w-]*[A-Z\d][\w-]*\b|(?<=\S\s+)\b(?!I\b)[A-Z][a-z]{2,}/;

// "what's their email?", "and his phone?" after a question on who holds a role: that answer gives them.
// … or after a statement, a meeting or a document: "who's the contact for it?", "who do I contact about it?".
const CONTACT_OF_THEM = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:(?:what(?:'s|’s| is| are)?|whats|who(?:'s|’s| is| are)?|whos)\s+)?(?:their|his|her|the|its)\s+(?:e-?mails?(?:\s+address(?:es)?)?|phone(?:\s+numbers?)?|contacts?(?:\s+(?:details|persons?|people))?|addresses)|who (?:do|should|can) (?:I|we) (?:contact|ask|write to))(?:\s+(?:for|of|on|about|at)\s+(?:it|that|this|them|those|these|that one))?\s*[?!.]*$/i;
// "when's that for me?", "what time is that in my zone?", "and in my time?": the previous answer's times, for the asker.
const IN_MY_TIME = /^(?:(?:and|so|ok)[,\s]+)?(?:(?:when(?:'s|’s|s| is)|what time(?:'s|’s| is)?|what day(?:'s|’s| is)?)\s+(?:that|it|this|those|these|the first(?: one)?|the next(?: one)?|that one)\s+(?:for me|in my (?:time|zone|time ?zone|local time)|my time|here|locally)|in my (?:time|zone|time ?zone|local time)|for me|my time)\s*[?!.]*$/i;

// "what's that in tokyo time?", "what time is that in New York?", "and in Nairobi time?": the previous answer's times in
// the zone of that place.
// (Either asked of "that", or of a place's "time": "and in Geneva?" may ask for Geneva's meetings.)
/** "the june one", "the March meeting": a group's meeting named by its month (1). */
const MONTH_ONE = new RegExp(String.raw`\bthe\s+(${MONTH_PATTERN})\.?\s+(?:one|meeting)\b`, 'i');

/** A zone named with a word after it ("… tokyo time pls", "give me tokyo time too"): the question without that word. */
function withoutZoneCourtesy(question: string): string {
  return question.replace(/(\btime)\s+(?:too|as well|also|instead|please|pls|plz|thanks|thx)(\s*[?!.]*)$/i, '$1$2');
}

/** What is left of a question that asks nothing but a zone: "what about (in) …", "put them in …", "is that the same?". */
const ONLY_ZONE_ASKED = /^(?:(?:and|so|ok|okay|also|what|about|how|give|show|tell|me|us|put|convert|them|it|that|this|those|these|is|are|the|same|too|as|well|please|pls|in|to|for|times?|zone|again|instead|then|all|of)\b[\s,?!.]*)*$/i;

const THAT_IN_PLACE = /^(?:(?:and|so|ok)[,\s]+)?(?:(?:(?:what(?:'s|’s| is)|whats|when(?:'s|’s| is)|whens|what time(?:'s|’s| is)?|what day(?:'s|’s| is)?)\s+(?:that|it|this|those|these)\s+in\s+(?<place>(?!my\b)\p{L}[\p{L}.'’ -]{1,30}?)(?:\s+time)?)|in\s+(?<place2>(?!my\b)\p{L}[\p{L}.'’ -]{1,30}?)\s+time)\s*[?!.]*$/iu;

// "SG12RG-AFR - where and when did it last meet": what the question is about, a dash, then the question.
const DASH_SUBJECT = /^(?<subject>(?:[^?!.\n]|\.(?=\w)){3,80}?)\s+[-–—:]\s+(?<asked>(?:where|when|what|what's|whats|who|how|is|are|was|were|did|does|do|can|will|has|have)\b[^\n]{3,200})$/i;

// "and when does SG15 meet to approve them?", "at which meeting will they be consented?": a step of the Recommendations
// the previous question named.
const STEP_OF_THEM = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:when|where|at (?:which|what) meeting)\s+(?:(?:does|do|will)\s+\S.{0,30}?\s+meet\s+to\s+(?<step>approve|consent|determine|adopt)\s+(?:them|it|these|those|the texts|the drafts)|(?:will|would|could|are|is)\s+(?:they|it|these|those|the texts|the drafts)\s+(?:(?:be|get)\s+)?(?<step2>approved|consented|determined|adopted))|(?:when|where)(?:'s|’s|s| is)\s+the\s+(?<step3>approv|consent|determin)(?:al|ation)?\s+meeting)\s*[?!.]*$/i;
/** The verb of a step named by its noun's stem ("the approval meeting"). */
const STEP_VERBS: Readonly<Record<string, string>> = { approv: 'approve', consent: 'consent', determin: 'determine' };
// "was it answered?", "were they replied to?" after a question that listed liaison statements.
// … or "has anyone replied?", "did anybody answer it?", "any reply yet?", "is there a response?".
const ANSWERED_OF_THEM = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:was|were|has|have)\s+(?:it|they|that|those|these|any of (?:them|those))\s+(?:been\s+|ever\s+|already\s+)*(?:answered|replied to|responded to)(?:\s+(?:yet|already))?|(?:has|have|did)\s+(?:anyone|anybody|someone|somebody|any group|they)\s+(?:already\s+)?(?:replied|answered|responded|reply|answer|respond)(?:\s+(?:to\s+)?(?:it|that|this|them))?(?:\s+(?:yet|already))?|(?:any|is there a|is there any|was there a)\s+(?:reply|replies|response|responses|answer)(?:\s+(?:to\s+)?(?:it|that|this|them))?(?:\s+(?:yet|already))?)\s*[?!.]*$/i;
// "what does it ask?", "what do they want us to do?" after a question that listed liaison statements.
const ASKS_OF_IT = /^(?:(?:and|so|ok|okay)[,\s]+)?what (?:does|do|did) (?:it|they|those|these|them) (?:ask|want|request|say)(?:\s+(?:for|of (?:us|me)|(?:us|me) to do))?\s*[?!.]*$/i;
// "is it online?", "are they hybrid?", "can I join remotely?" after a list of meetings: how each of them is held.
const FORMAT_OF_THEM = /^(?:(?:and|so|ok|okay|but)[,\s]+)?(?:(?:is|are|was|were|will)\s+(?:it|they|that|those|these|any of (?:them|those|these)|either|both)(?:\s+(?:be|being|held))?\s+(?:online|virtual|hybrid|remote|in[- ]person|physical)|can (?:I|we|one) (?:join|attend|participate|take part)(?:\s+(?:in\s+)?(?:it|them|those))?\s+(?:remotely|online|from (?:home|afar))|(?:is|are) (?:there\s+)?remote participation(?:\s+(?:offered|possible|available))?)(?:\s+(?:too|as well|then))?\s*[?!.]*$/i;

// "what does the emergency calls one ask?", "the sg13 one - when is that for me?": one of the things the previous
// question listed, named by a word of it (not "the first one", "the same one": no name).
// (Its words name it: not "the contribution deadline for that one", whose "that one" points back.)
const ONE_WORD = String.raw`(?!(?:first|last|next|other|same|new|old|latest|earlier|later|right|wrong|second|third|only|that|this|these|those|which|for|of|to|in|on|at|with|and|or)\b)[\p{L}\d/.'’-]+`;
const ONE_OF_THEM = new RegExp(String.raw`\bthe\s+(?<which>${ONE_WORD}(?:\s+${ONE_WORD}){0,4}?)\s+one\b(?!\s+of\b)`, 'iu');
// "the one from sg17", "the one on fronthaul": one of the things listed, by its sender or topic.
const ONE_FROM = /\bthe\s+one\s+(?<how>from|by|on|about|to|for)\s+(?<which>(?:ITU-T\s+)?[\p{L}\d/.'’-]+(?:\s+(?!(?:who|what|when|where|which|is|are|was|does|do|did)\b)[\p{L}\d/.'’-]+){0,3}?)(?=\s*(?:[-–—:,?!.]|$))/iu;
// "the second one", "the 2nd LS", "number 3", "#2": one of a list by its place in it.
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', '1', '2', '3', '4', '5'];
const ORDINAL_INSIDE = /\bthe\s+(?<word>first|second|third|fourth|fifth|[1-5](?:st|nd|rd|th))\s+(?:one|LS|liaison(?:\s+statement)?|statement)\b/i;
const ORDINAL_ONE = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:what about|how about|and|about|tell me (?:more )?about|show me|open)\s+)?(?:\bthe\s+(?<word>first|second|third|fourth|fifth|[1-5](?:st|nd|rd|th))\s+(?:one|LS|liaison(?:\s+statement)?|statement)\b|\b(?:number|no\.?|#)\s?(?<num>[1-5])\b)/i;
// What the previous question listed, for the one named to be "the <group> <thing>" or "the <thing> on <words>".
const LISTED_THING = /\b(LS|liaison(?: statement)?|consultation|meeting|workshop|circular|letter)s?\b/i;

// "what's that LS asking?", "who sent the liaison?" after deadlines among which one is a statement's reply date: that
// statement (not "the LS on …", "the LS from …", which name their own).
const THAT_STATEMENT = /\b(?:that|this|the)\s+(?:LS|liaison(?:\s+statement)?)\b(?!\s+(?:on|about|regarding|concerning|from|to|of|for|number|no\.?)\b|-)/i;

// "does sg13 need to reply?", "must SG20 act on it?" after a question on a liaison statement: whether that group is
// asked to act on the statement the previous question picked out.
const DOES_GROUP_ACT = new RegExp(String.raw`^(?:(?:and|so|but)[,\s]+)?(?:does|do|must|should|will|is|are)\s+(?<group>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}))\s+(?:(?:need|have|got)\s+to|asked\s+to|supposed\s+to|required\s+to)\s+(?:reply|respond|answer|act|do anything)(?:\s+(?:to|on)\s+(?:it|that|this|them))?\s*[?!.]*$`, 'i');

// "which of these is the earliest?", "which one is due first?", "the last one?" after a list of deadlines or meetings:
// the first (or last) of that list.
const END_OF_THEM = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:which|what)(?:'s|’s)\s+(?:the\s+)?(?<end4>earliest|soonest|first|closest|nearest|latest|last)(?:\s+one)?(?:\s+(?:due|up|of (?:these|those|them)))?|(?:which|what)(?:\s+one)?(?:\s+of\s+(?:these|those|them))?\s+(?:(?:is|comes|falls|one is|'s|’s)\s+)?(?:(?:due|up)\s+)?(?:the\s+)?(?<end>earliest|soonest|first|closest|nearest|latest|last)(?:\s+one)?(?:\s+(?:due|up|of (?:these|those|them)))?|(?:which|what)(?:\s+one)?(?:\s+of\s+(?:these|those|them))?\s+(?:is due|comes|falls due|closes|ends|expires|happens|is)\s+(?<end2>first|soonest|earliest|last)|(?:and\s+)?the\s+(?<end3>earliest|soonest|first|last|latest)\s+one)\s*[?!.]*$/i;

// "and before that?", "anything after it?" after a deadline: the group's other deadlines before (or after) it.
const BEFORE_THAT = /^(?:(?:and|so|ok)[,\s]+)?(?:(?:what(?:'s|’s| is)?|anything|any(?:thing)? (?:else )?(?:due|deadlines?))\s+(?:due\s+)?)?(?<side>before|after)\s+(?:that|it|this|then)(?:\s+one)?\s*[?!.]*$/i;

/** Follow-ups that ask the previous liaison question again with one more thing: the `ls` flag, and how it was read. */
// "who has to reply and by when?", "who must act on it?" after a question that picked out liaison statements.
// … or "which Question in SG17 works on that?": the Questions it is addressed to.
const WHO_ACTS_OF_IT = /^(?:(?:and|so|ok|okay)[,\s]+)?(?:who (?:has|have|must|needs?|is asked|are asked|should|is supposed) to (?:reply|respond|answer|act)(?:\s+(?:to|on)\s+(?:it|that|this|them))?(?:,?\s+and\s+(?:by\s+)?when)?|(?:which|what) questions?(?:\s+(?:in|of)\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}))?\s+(?:works?|is working|deals?|handles?|studies|is responsible|takes? care)(?:\s+(?:on|with|for|of))?\s+(?:that|it|this|them))\s*[?!.]*$/i;

const OF_THE_STATEMENTS: ReadonlyArray<readonly [RegExp, 'asks' | 'answeredAsked' | 'contactsAsked' | 'whoActs', string]> = [
  [ASKS_OF_IT, 'asks', 'with what each statement asks'],
  [WHO_ACTS_OF_IT, 'whoActs', 'with who is asked to act on each, and by when'],
  [ANSWERED_OF_THEM, 'answeredAsked', 'with whether a reply to each is stored'],
  [CONTACT_OF_THEM, 'contactsAsked', 'with whom to contact'],
];

/**
 * An answer, with the question it answers as read (a follow-up as read against the one before: "when is the SG17
 * meeting?" for "and for SG17?"), which asked again gives the same answer; `null` when no question in words does.
 */
export interface Answered {
  command: string | null;
  reply: Reply;
  read: string | null;
}

/** `answered` as the answer to `read`, its first note saying how the question was read (`Read as "<read>".`). */
function readAs(answered: { command: string | null; reply: Reply }, read: string | null, note = `Read as "${read ?? ''}".`): Answered {
  // A document read by its id ("what does 6ea88ad80331 say?") is named to the asker by its title.
  const shown = note.replace(DOC_IDS, (id) => {
    const source = answered.reply.sources.find((x) => x.docId?.startsWith(id));
    return source ? `the ${source.kind === 'liaison-statement' ? 'statement' : 'document'} “${source.title ?? source.reference ?? id}”` : id;
  });
  return { ...answered, reply: { ...answered.reply, notes: [shown, ...answered.reply.notes] }, read };
}

// Deadlines asked as those still to come: "any deadlines left?", "what's still due?" (after a question on a group).
const DEADLINES_LEFT = /\b(?:left|remaining|outstanding|to go|still (?:open|to come|due))\b/i;
// Deadlines asked as changed: "what are the new deadlines" (after "was the SG13 meeting postponed?").
const CHANGED_DEADLINES = /\b(?:new|updated|revised|changed|latest)\s+deadlines?\b/i;

/**
 * A deadline of a kind asked of no group ("by when do I register?", "what are the new deadlines") after a question on
 * one group: read of that group ("by when do I register for SG13RG-ARB"); `null` when it is not such a question or the
 * previous one named no group.
 */

async function unscopedDeadlines(registry: Registry, context: CommandContext, question: string, previousQuestion: () => Promise<string | null>): Promise<string | null> {
  // (Only a question of a few words that names nothing of its own: no Recommendation, event or topic after "on", "for".)
  // ("ask for interpretation" names a kind of deadline, not a thing of its own; "have to ask" names nothing.)
  const own = splitCategories(question).rest;
  if (POINTS_BACK.test(question) || ONE_GROUP_MENTION.test(withRegionalGroups(question)) || REC_NUMBER.test(question) || NAMED_EVENT.test(question) || /\b(?:on|about|for|of|regarding)\s+[\p{L}\d]/iu.test(own) || /\b[Tt]o\s+(?:(?:[Tt]he|[Aa]n?)\b|\p{Lu})/u.test(own) || question.split(/\s+/).length > (STILL_APPLIES_ASKED.test(question) ? 12 : 8)) return null;
  const routed = route(registry, question, { now: context.now, tz: context.tz });
  if (!('spec' in routed) || routed.spec.name !== 'deadlines') return null;
  const args = routed.args as { scope?: { kind?: string }; categories?: unknown[] | null };
  if (args.scope?.kind !== 'all' || (!(args.categories?.length ?? 0) && !CHANGED_DEADLINES.test(question) && !DEADLINES_LEFT.test(question))) return null;
  const previous = await previousQuestion();
  // ("when do member states need to reply?", "reply deadline?" after "/rec Y.3188": that Recommendation's consultation.)
  const replyAsked = (args.categories ?? []).some((c) => c === 'consultation-reply' || c === 'liaison-reply') && !/\b(?:LSs?|liaisons?|statements?)\b/i.test(question);
  const rec = previous && replyAsked && !/\b(?:LSs?|liaisons?|statements?)\b/i.test(previous) ? REC_NUMBER.exec(withRecSeries(previous))?.[0] : undefined;
  if (rec) return `consultation deadline for ${rec}`;
  const subject = previous ? subjectOf(previous) : null;
  return subject && 'group' in subject ? `${question.replace(/[?!.]+\s*$/, '')} for ${subject.group}` : null;
}

/**
 * Route and run `input`; every failure becomes a reply (the caller's error sink handles only the unexpected). When
 * the context carries `metrics`, each request is counted by command, channel (`ctx.who.channel`) and outcome, and timed.
 * A follow-up ("and for SG17?") is read against the asker's previous question when the context keeps one; each
 * question answered is kept for the next.
 */
export async function answer(registry: Registry, context: CommandContext & { metrics?: CommandMetrics }, asked: string): Promise<Answered> {
  // ("q12-14/16", "Q.12/16": Questions named together are asked of through the first, in the form every reading knows.)
  const question = withQuestionLists(asked);
  const answered = await answerAsked(registry, context, question);
  // ("is sg13 involved?" read as whether it must reply: a group informed is involved all the same.)
  if (INVOLVED.test(question.trim()) && /^No: \S+ gets .* for information\b/.test(answered.reply.title)) {
    answered.reply = { ...answered.reply, title: answered.reply.title.replace(/^No: /, 'Yes, for information only: ') };
  }
  // The one document an answer is about is kept with the question it answered, for "who sent it?" next.
  const focus = answered.reply.ok && answered.read ? focusOf(answered.reply, answered.command) : null;
  if (focus && context.conversation?.setFocus) await context.conversation.setFocus(`${(answered.read ?? "").slice(0, 300)}\u0000${focus}`).catch(() => undefined);
  return answered;
}

/**
 * The one document `reply` is about, by its reference ("SG13-LS87", "TSB Circular 241"): its only source, or the one
 * its title names first; `null` when it is about several or none.
 */
function focusOf(reply: Reply, command: string | null): string | null {
  // A statement is named by its number ("SG13-LS87"); one with no such number (a Datatracker page, "TD 1204
  // (PLEN/15)") by its id, which `doc` reads too.
  const nameOf = (x: SourceRef): string | null => (x.kind === 'liaison-statement' && !(x.reference && STATEMENT_NUMBER.test(x.reference)) ? (x.docId?.slice(0, 12) ?? null) : x.reference);
  const only = reply.sources.length === 1 ? reply.sources[0] : undefined;
  if (only) {
    const named = nameOf(only);
    if (named) return named;
  }
  const titled = FOCUS_TITLE.exec(reply.title)?.[1];
  if (titled) return titled;
  // A list of statements whose first part holds one ("Replies SG15 expects from others": one, with what it asks): that
  // statement, which "who must reply?" next is of.
  const first = reply.sections.find((x) => x.items.length > 0)?.items ?? [];
  const ids = new Set(first.map((i) => i.source?.docId ?? null));
  const lone = command === 'ls' && ids.size === 1 && !ids.has(null) ? first[0]?.source : undefined;
  return lone?.kind === 'liaison-statement' ? nameOf(lone) : null;
}

/** A statement's number: "SG13-LS87", "TSAG-TD133". */
const STATEMENT_NUMBER = /-(?:LS|TD)\s?\d/i;

/** A title that names the one document it answers of ("What SG11-LS58 asks of SG13", "Contacts for SG17-LS45: …"). */
const FOCUS_TITLE = /^(?:What |Contacts? for |No: no reply to |Yes: |No: )?((?:SG\d{1,2}|TSAG)-(?:LS|TD)\s?\d{1,4}|TSB (?:Circular|Collective letter) \d{1,4}(?:\/(?:\d{1,2}|TSAG))?)\b/;

// What is asked of a document rather than of a group or meeting: "who sent it?", "which question is behind it?",
// "which rec does it flag?", "how long do we have to object?", "who can I contact?", "when is the reply due?".
const DOC_ASKED = /\b(?:sent|send|wrote|write|written|signed|asks?|asking|wants?|requests?|reply|replies|respond|answer(?:ed)?|object(?:ion)?s?|contacts?|editors?|questions?|recs?|recommendations?|drafts?|say|says|said|mentions?|flags?|covers?|about|why|purpose|copied|cc|deadline|due|action holders?|got|received|dated)\b/i;

async function answerAsked(registry: Registry, context: CommandContext & { metrics?: CommandMetrics }, text: string): Promise<Answered> {
  const conversation = context.conversation;
  // "is sg13 involved?", "is sg13 copied?" (after a statement): whether that group is asked to act or only informed.
  let question = text.replace(INVOLVED, (_m, group: string) => `does ${group} need to reply?`);
  if (!conversation) return { ...(await answerOne(registry, context, question)), read: question };
  // The asker's previous question, read from Redis once, when a reading needs it.
  let kept: Promise<string | null> | undefined;
  const previousQuestion = () => (kept ??= conversation.previous().catch(() => null));
  // ("and after?", "later?": after what was just shown; after a span that ended before a month, from that month.)
  if (AFTER_ALONE.test(text)) {
    const before = SPAN_BEFORE_MONTH.exec((await previousQuestion()) ?? '');
    question = before?.[1] ? `from ${before[1]}?` : 'after that?';
  }
  // "by when in NY time?", "and the opening, Tokyo time?": a short question that names nothing but a zone is read as
  // the question without it, its times in that zone.
  // ("… give me tokyo time too": the zone asked beside the question.)
  const zonedRaw = question.length <= 200 ? zoneNamed(withoutZoneCourtesy(question.trim())) : null;
  // ("by when must member states reply? give me tokyo time": the request for the zone is no part of the question.)
  const zoned = zonedRaw ? { ...zonedRaw, rest: zonedRaw.rest.replace(/(?<=[?!.,])\s*(?:and\s+)?(?:please\s+)?(?:give|show|tell|send|put|convert)(?:\s+(?:me|us|it|them|that|those))?(?:\s+(?:in|the|as))?\s*[?!.]*$/i, '').trim() || zonedRaw.rest } : null;
  // "what about in Sydney time", "put them in nairobi time", "in Paris time is that the same?": nothing asked but the
  // zone, so the previous question again, its times in that zone.
  if (zoned && ONLY_ZONE_ASKED.test(zoned.rest.trim())) {
    const previous = await previousQuestion();
    if (previous) {
      const again = await answerOne(registry, { ...context, tz: zoned.zone }, previous);
      if (again.reply.ok) return readAs(again, previous, `Read as "${previous}", with its times in ${zoned.zone}.`);
    }
  }
  // ("what's that in new york time?" is the last answer again, in that zone: read below.)
  if (zoned && zoned.rest.length >= 3 && namesNothing(zoned.rest) && !THAT_IN_PLACE.test(question.trim())) return answerAsked(registry, { ...context, tz: zoned.zone }, zoned.rest);
  // "which circular is that?", "what's the source?": the documents the previous answer came from. (The question
  // before stays the one to read the next against.)
  const whichDocument = question.length <= 120 ? WHICH_DOCUMENT.exec(question.trim()) : null;
  if (whichDocument) {
    const previous = await previousQuestion();
    const before = previous ? await answerOne(registry, context, previous) : null;
    const named = before?.reply.ok ? await sourcesReply(context, before.reply, whichDocument.groups?.['kind'] ?? whichDocument.groups?.['said'] ?? null) : null;
    if (previous && named) return readAs({ command: 'doc', reply: named }, null, `Of the answer to "${previous}".`);
  }
  // The asker's question before the previous one, for when the previous named nothing ("is there interpretation?")
  // and that one did ("when is the next TSAG meeting?"): one question back, no further.
  let keptBefore: Promise<string | null> | undefined;
  const beforeQuestion = () => (keptBefore ??= conversation.before?.().catch(() => null) ?? Promise.resolve(null));
  let keptNamed: Promise<string | null> | undefined;
  const namedQuestion = () =>
    (keptNamed ??= (async () => {
      const previous = await previousQuestion();
      if (previous && subjectOf(previous)) return previous;
      const before = await beforeQuestion();
      return before && subjectOf(before) ? before : previous;
    })());
  const keep = async (asked: string) => conversation.remember(asked, await previousQuestion()).catch(() => undefined);
  // `asked` in the question's place: its answer, kept as the conversation's question, when it reads well (and, with
  // `apart`, is no search by words); `null` when it does not.
  const askInstead = async (asked: string, apart = false): Promise<Answered | null> => {
    const again = await answerOne(registry, context, asked);
    if (!readsWell(again.reply) || (apart && again.command === 'search')) return null;
    await keep(asked);
    return readAs(again, asked);
  };
  // An answer that read every word of its question, about a known group.
  const readsWell = (r: Reply) => r.ok && !r.notes.some((n) => UNREAD_NOTE.test(n) || /\bis no group I know\b|\bis not an ITU-T group\b/.test(n));
  // The document the last answer was about, when it is kept for the question last kept …
  // (… or for the one before it: one question in between, "how long do we have to object?", does not lose it.)
  let keptFocus: Promise<string | null> | undefined;
  const focused = () =>
    (keptFocus ??= (async () => {
      const kept = await conversation.focus?.().catch(() => null);
      const [of, reference] = (kept ?? '').split('\u0000');
      if (!reference || !of) return null;
      return of === (await previousQuestion()) || of === (await beforeQuestion()) ? reference : null;
    })());
  // A question of a document asked of the one the last answer was about: "who sent it?" as "who sent SG13-LS87?",
  // "when is the reply due?" as "when is the reply due for SG13-LS87?". `null` when that reads nothing better.
  // A statement is kept as what the conversation is about; a letter (with `letters`, once nothing else reads the
  // question) answers but is not kept: the next question is still read of what was asked before it.
  const ofFocus = async (asked: string, letters = false): Promise<Answered | null> => {
    const reference = await focused();
    const statement = reference !== null && /-(?:LS|TD)\s?\d|^[0-9a-f]{12}$/i.test(reference);
    // (Of a letter, only a question: "machine learning terminology" after one is a search of its own.)
    const questionForm = /^\s*(?:(?:and|so|but)[,\s]+)?(?:why|what|where|how|when|who|which|is|are|can|could|do|does|did|will|would|should|must)\b/i.test(asked);
    if (!reference || (!statement && (!letters || !questionForm)) || (statement && !DOC_ASKED.test(asked))) return null;
    const named = POINTER_ONCE.test(asked) ? asked.replace(POINTER_ONCE, reference) : `${asked.trim().replace(/[?!.]+$/, '')} for ${reference}?`;
    const again = await answerOne(registry, context, named);
    if (!readsWell(again.reply) || again.command === 'search' || !standsAlone(again, named)) return null;
    // (A letter's card that only names the letter says nothing asked: its answer starts "What … says".)
    if (!statement && !/^What .* says$/.test(again.reply.title)) return null;
    if (!statement) return readAs(again, null, `Read as "${named}".`);
    await keep(named);
    return readAs(again, named);
  };
  // … and the command it was answered by (routed once).
  let keptRouted: Promise<{ previous: string; routed: Routed } | null> | undefined;
  const previousRouted = () =>
    (keptRouted ??= (async () => {
      const previous = await previousQuestion();
      return previous ? { previous, routed: route(registry, previous, { now: context.now, tz: context.tz }) } : null;
    })());
  // "when's that for me?", "and in my time zone?": the previous question again, whose times are in the asker's zone.
  if (IN_MY_TIME.test(question.trim())) {
    const previous = await previousQuestion();
    if (previous) {
      const again = await answerOne(registry, context, previous);
      if (again.reply.ok) return readAs(again, previous, `Read as "${previous}", with its times in ${context.tz}.`);
    }
  }
  // "what's that in tokyo time?", "what time is that in New York?": the previous question again, its times in the zone
  // of the place named.
  const placed = THAT_IN_PLACE.exec(question.trim())?.groups;
  const inPlace = placed?.['place'] ?? placed?.['place2'];
  const placeZone = inPlace ? resolveZone(inPlace.trim()) : null;
  if (placeZone) {
    const previous = await previousQuestion();
    if (previous) {
      const again = await answerOne(registry, { ...context, tz: placeZone }, previous);
      if (again.reply.ok) return readAs(again, previous, `Read as "${previous}", with its times in ${placeZone}.`);
    }
  }
  // "what does the emergency calls one ask?" after a list of liaison statements: asked of the statement on emergency
  // calls; "the sg13 one - when is that for me?" after open consultations: of SG13's consultation.
  // "the translation deadline for the june one" after a question on SG15's meetings: the SG15 meeting in June.
  const monthOne = ONE_GROUP_MENTION.test(question) ? null : MONTH_ONE.exec(question);
  if (monthOne?.[1]) {
    const named = await namedQuestion();
    const subject = named ? subjectOf(named) : null;
    if (subject && 'group' in subject) {
      const asked = await askInstead(`${question.slice(0, monthOne.index)}the ${subject.group} meeting in ${monthOne[1]}${question.slice(monthOne.index + monthOne[0].length)}`);
      if (asked) return asked;
    }
  }
  // "the second one", "number 3", "the 2nd LS" after a list: that one of the list, counted as shown.
  // ("who sent the first one?": one of the list named inside a question.)
  const nth = ORDINAL_ONE.exec(question) ?? ORDINAL_INSIDE.exec(question);
  if (nth?.groups) {
    const word = (nth.groups['word'] ?? nth.groups['num'] ?? '').toLowerCase();
    const index = ORDINALS.indexOf(word.replace(/(?<=\d)(?:st|nd|rd|th)$/, '')) % 5;
    const before = index >= 0 ? await previousRouted() : null;
    const listed = before && 'spec' in before.routed && before.routed.spec.name === 'ls' ? await answerOne(registry, context, before.previous) : null;
    const seen = new Set<string>();
    const statements = (listed?.reply.ok ? listed.reply.sections.flatMap((x) => x.items) : []).flatMap((i) => {
      const id = i.source?.docId;
      if (!id || seen.has(id)) return [];
      seen.add(id);
      return [i.source?.reference ?? id.slice(0, 12)];
    });
    const picked = statements[index];
    if (picked && statements.length > 1) {
      const rest = `${question.slice(0, nth.index)}${picked}${question.slice(nth.index + nth[0].length)}`;
      // ("the second one" alone: the statement itself.)
      const asked = rest.replace(/^[\s?!.,:;-]+|[\s?!.,:;-]+$/g, '') === picked ? `/doc ${picked}` : rest;
      const again = await answer(registry, context, asked);
      if (again.reply.ok) return readAs(again, asked, `Read as "${asked}": the ${ORDINALS[index]} of the ${statements.length} listed for "${before?.previous ?? ''}".`);
    }
    // A list of meetings ("which meetings are in april 2027?"): the group of the one picked, as its lines name it
    // ("SG13: 12–23 April 2027, Geneva").
    const meetings = before && 'spec' in before.routed && before.routed.spec.name === 'meeting' ? await answerOne(registry, context, before.previous) : null;
    const groups = (meetings?.reply.ok ? meetings.reply.sections.flatMap((x) => x.items) : []).flatMap((i) => {
      const who = /^([A-Z][\w/-]{1,20}(?:, [A-Z][\w/-]{1,20})*): /.exec(i.text)?.[1]?.split(', ')[0];
      return who && (canonicalGroup(who) || /^Q\d{1,2}\/\d{1,2}$/.test(who)) ? [who] : [];
    });
    const group = groups[index];
    if (group && groups.length > 1) {
      const left = `${question.slice(0, nth.index)} ${question.slice(nth.index + nth[0].length)}`.replace(/^[\s?!.,:;-]+|[\s?!.,:;-]+$/g, '').replace(/\s+/g, ' ');
      const asked = left === '' ? `/meeting ${group}` : POINTER_ONCE.test(left) ? left.replace(POINTER_ONCE, `the ${group} meeting`) : `${left} for the ${group} meeting`;
      const again = await answer(registry, context, asked);
      if (again.reply.ok) return readAs(again, asked, `Read as "${asked}": the ${ORDINALS[index]} of the ${groups.length} listed for "${before?.previous ?? ''}".`);
    }
  }
  const one = ONE_OF_THEM.exec(question) ?? ONE_FROM.exec(question);
  // (What was listed: named by the previous question, or the statements its answer listed.)
  const listedThing = one ? (LISTED_THING.exec((await previousQuestion()) ?? '')?.[1] ?? (await previousRouted().then((b) => (b && 'spec' in b.routed && b.routed.spec.name === 'ls' ? 'LS' : undefined)))) : undefined;
  if (one?.groups?.['which'] && listedThing) {
    const which = one.groups['which'].trim();
    const group = canonicalGroup(which);
    const thing = /^(?:LS|liaison)/i.test(listedThing) ? 'LS' : listedThing.toLowerCase();
    // ("the one from sg17": the statement from SG17; "the one to sg11": the one addressed to SG11.)
    const from = /^from$/i.test(one.groups['how'] ?? '');
    const to = /^(?:to|for)$/i.test(one.groups['how'] ?? '');
    // Of the statements the previous answer listed, the one so named, by its number: "SG17-LS45".
    const before = thing === 'LS' ? await previousRouted() : null;
    const listed = before && 'spec' in before.routed && before.routed.spec.name === 'ls' ? await before.routed.spec.run(context, before.routed.args).catch(() => null) : null;
    type Listed = { source: { reference: string | null; docId: string; title: string | null }; liaison: { from: string | null; to?: string[]; cc?: string[] } };
    const data = (listed?.data ?? {}) as Record<string, unknown>;
    const statements = ['awaitingAction', 'askedWithoutDate', 'expectedReplies', 'overdue', 'recent'].flatMap((k) => (Array.isArray(data[k]) ? (data[k] as Listed[]) : []));
    const words = which.toLowerCase().split(/\s+/).filter((w) => w.length >= 3);
    const addressedTo = (l: Listed) => [...(l.liaison.to ?? []), ...(l.liaison.cc ?? [])].some((x) => (canonicalGroup(x) ?? x).toLowerCase() === (group ?? which).toLowerCase());
    const picked = statements.filter((l) => to ? addressedTo(l) : (from || group ? (l.liaison.from !== null && (canonicalGroup(l.liaison.from) ?? l.liaison.from) === (group ?? which)) : words.length > 0 && words.every((w) => (l.source.title ?? '').toLowerCase().includes(w))));
    // (Of several so named, the one the group is asked to answer, when one is: listed first.)
    const asked = ['awaitingAction', 'askedWithoutDate'].flatMap((k) => (Array.isArray(data[k]) ? (data[k] as Listed[]) : [])).filter((l) => picked.includes(l));
    const only = picked.length === 1 ? picked[0] : asked.length === 1 ? asked[0] : undefined;
    const named = only ? (only.source.reference ?? only.source.docId.slice(0, 12)) : to ? `the ${thing} to ${group ?? which}` : from ? `the ${thing} from ${group ?? which}` : group ? `the ${group} ${thing}` : `the ${thing} on ${which}`;
    const rewritten = `${question.slice(0, one.index)}${named}${question.slice(one.index + one[0].length)}`;
    const again = await answer(registry, context, rewritten);
    // (Said once how it was read: the question as rewritten may have been read further.)
    if (again.reply.ok) return again.read === null || /^Read as "/.test(again.reply.notes[0] ?? '') ? again : readAs(again, again.read);
  }
  // "what's that LS asking?" after deadlines of which one is a reply to a liaison statement: asked of that statement,
  // by its number.
  if (THAT_STATEMENT.test(question) && !ONE_GROUP_MENTION.test(question)) {
    const before = await previousRouted();
    const reply = before && 'spec' in before.routed && before.routed.spec.name === 'deadlines' ? await before.routed.spec.run(context, before.routed.args).catch(() => null) : null;
    const due = ((reply?.data as { upcoming?: Array<{ category: string; source: { reference: string | null } }> } | null | undefined)?.upcoming ?? []).filter((d) => d.category === 'liaison-reply');
    const references = [...new Set(due.map((d) => d.source.reference))];
    const reference = references.length === 1 ? references[0] : null;
    if (reference) {
      const asked = question.replace(THAT_STATEMENT, reference);
      const again = await answerOne(registry, context, asked);
      if (again.reply.ok) {
        await keep(asked);
        return readAs(again, asked);
      }
    }
  }
  // "which of these is the earliest?" after deadlines or meetings listed: the first of them (the lists are soonest
  // first), or the last.
  const end = END_OF_THEM.exec(question.trim())?.groups;
  const endWord = end ? (end['end'] ?? end['end2'] ?? end['end3'] ?? end['end4'] ?? '').toLowerCase() : '';
  if (endWord) {
    const before = await previousRouted();
    const listing = before && 'spec' in before.routed && (before.routed.spec.name === 'deadlines' || before.routed.spec.name === 'meeting') ? before : null;
    const again = listing ? await answerOne(registry, context, listing.previous) : null;
    // (A list of meetings is a section per meeting, with its side events; a list of deadlines, one section of them.)
    const perMeeting = listing !== null && 'spec' in listing.routed && listing.routed.spec.name === 'meeting' && (again?.reply.sections.length ?? 0) > 1;
    if (again?.reply.ok && perMeeting) {
      const sections = again.reply.sections;
      const last = endWord === 'last' || endWord === 'latest';
      const chosen = last ? sections.at(-1) : sections[0];
      const cited = new Set(chosen?.items.map((i) => i.source?.docId));
      if (listing && chosen) return readAs({ ...again, reply: { ...again.reply, title: `${last ? 'The latest' : 'The earliest'} of the ${sections.length} in "${again.reply.title}"`, sections: [chosen], notes: again.reply.notes.filter((n) => /^Times are shown\b/.test(n)), sources: again.reply.sources.filter((x) => cited.has(x.docId)) } }, listing.previous, `Read of "${listing.previous}".`);
    }
    const section = again?.reply.ok ? (again.reply.sections.find((x) => /^upcoming\b/i.test(x.heading ?? '')) ?? again.reply.sections[0]) : undefined;
    const items = section?.items.filter((i) => i.text.trim() !== '' && !/^Known from /.test(i.text.trim())) ?? [];
    const last = endWord === 'last' || endWord === 'latest';
    const item = last ? items.at(-1) : items[0];
    if (again && listing && item && items.length > 1) {
      // (Deadlines due at the same time are all the first: their lines start with the same date and hour.)
      const when = (i: { text: string }) => (i.text.includes(' (in ') ? i.text.slice(0, i.text.indexOf(' (in ')) : i.text);
      const picked = items.filter((i) => when(i) === when(item));
      const cited = new Set(picked.map((i) => i.source?.docId));
      const title = `${last ? 'The latest' : 'The earliest'} of the ${items.length} in "${again.reply.title}"${picked.length > 1 ? ` (${picked.length} at the same time)` : ''}`;
      return readAs({ ...again, reply: { ...again.reply, title, sections: [{ ...section, items: picked }], notes: again.reply.notes.filter((n) => /^Times are shown\b/.test(n)), sources: again.reply.sources.filter((x) => cited.has(x.docId)) } }, listing.previous, `Read of "${listing.previous}".`);
    }
  }
  // "SG12RG-AFR - where and when did it last meet", "the SG15 TAP consultation - what's it about": the question
  // with its "it" made what comes before the dash, when that reads better than the question as written.
  const dashed = DASH_SUBJECT.exec(question.trim());
  if (dashed?.groups && POINTER_ONCE.test(dashed.groups['asked'] ?? '')) {
    const whole = `${(dashed.groups['asked'] ?? '').replace(POINTER_ONCE, dashed.groups['subject'] ?? '')}`;
    const again = await answerOne(registry, context, whole);
    if (again.reply.ok && again.command !== 'search' && !again.reply.notes.some((n) => UNREAD_NOTE.test(n))) {
      await keep(whole);
      return readAs(again, whole);
    }
  }
  // "sg3 meeting april 2018 - who prepared the agenda?": the question asked of the meeting before the dash, when the
  // whole reads nothing.
  // ("sg2 report july 2025 - how many people attended?": a report is of its meeting; "ml terminology LS to SC 42 - who
  // are the contacts": that statement's.)
  const statementFirst = dashed?.groups && /\b(?:LS|liaison(?:\s+statement)?)\b/i.test(dashed.groups['subject'] ?? '');
  const meetingFirst = dashed?.groups && !POINTER_ONCE.test(dashed.groups['asked'] ?? '') && (statementFirst || (/\b(?:meeting|report)\b/i.test(dashed.groups['subject'] ?? '') && ONE_GROUP_MENTION.test(withRegionalGroups(dashed.groups['subject'] ?? '')))) ? dashed.groups : null;
  if (meetingFirst) {
    const whole = await answerOne(registry, context, question);
    if (!readsWell(whole.reply)) {
      const subject = (meetingFirst['subject'] ?? '').trim().replace(/\breport\b/i, 'meeting').replace(/^(?:the\s+)?/i, 'the ');
      const asked = await askInstead(`${(meetingFirst['asked'] ?? '').replace(/[?!.\s]+$/, '')} for ${subject}`, true);
      if (asked) return asked;
    }
  }
  // "y.3207 consultation - when do replies have to reach tsb": where that Recommendation stands, with its
  // consultation's reply date, when the whole reads nothing.
  // ("y.3207" typed in lower case is Y.3207.)
  const recFirst = dashed?.groups && !POINTER_ONCE.test(dashed.groups['asked'] ?? '') ? /(?<![\w.])[A-Za-z]\.\d{1,4}(?:\.\d{1,3})*(?![\w]|\.\d)/.exec(dashed.groups['subject'] ?? '')?.[0]?.replace(/^[a-z]/, (c) => c.toUpperCase()) : undefined;
  if (recFirst) {
    const whole = await answerOne(registry, context, question);
    if (!readsWell(whole.reply)) {
      const asked = `rec ${recFirst}`;
      const again = await answerOne(registry, context, asked);
      if (readsWell(again.reply)) {
        await keep(`where does ${recFirst} stand`);
        return readAs(again, asked, `Read as "/${asked}": where ${recFirst} stands, with the deadlines its documents set.`);
      }
    }
  }
  // "what's their email?" after "who's the rapporteur for Q11/20": the same answer, which gives it.
  const contact = CONTACT_OF_THEM.test(question.trim()) ? await previousRouted() : null;
  if (contact && 'spec' in contact.routed && contact.routed.spec.name === 'officers') {
    const { previous } = contact;
    const again = await answerOne(registry, context, previous);
    if (again.reply.ok) return readAs(again, previous, `Read as "${previous}": the answer gives each person's e-mail where the documents do.`);
  }
  // "what does it ask?", "was it answered?", "who's the contact?" after liaison statements were asked of: the same
  // statements, with what each asks, whether a reply to each is stored, or whom to contact.
  const ofThem = OF_THE_STATEMENTS.find(([re]) => re.test(question.trim()));
  const listed = ofThem ? (contact ?? (await previousRouted())) : null;
  if (ofThem && listed && 'spec' in listed.routed && listed.routed.spec.name === 'ls') {
    const [, flag, how] = ofThem;
    const { previous, routed } = listed;
    const reply = await routed.spec.run(context, { ...(routed.args as object), [flag]: true } as never).catch(() => null);
    if (reply?.ok) return { command: 'ls', reply: { ...reply, notes: [`Read as "${previous}", ${how}.`, ...reply.notes] }, read: null };
  }
  // "is it online?" after meetings were listed with no one group named ("what's on in March?"): how each is held.
  if (FORMAT_OF_THEM.test(question.trim())) {
    const before = await previousRouted();
    if (before && 'spec' in before.routed && before.routed.spec.name === 'meeting' && !subjectOf(before.previous)) {
      const reply = await before.routed.spec.run(context, { ...(before.routed.args as object), format: true } as never).catch(() => null);
      if (reply?.ok) return { command: 'meeting', reply: { ...reply, title: `${reply.title}: how each is held`, notes: [`Read as "${before.previous}", with how each meeting is held.`, ...reply.notes] }, read: null };
    }
  }
  // "does sg13 need to reply?" after a question that picked out a liaison statement: whether SG13 must act on it.
  const actor = DOES_GROUP_ACT.exec(question.trim())?.groups?.['group'];
  if (actor) {
    const before = await previousRouted();
    const args = before && 'spec' in before.routed && before.routed.spec.name === 'ls' ? (before.routed.args as { topic?: string | null }) : null;
    if (before && args?.topic && 'spec' in before.routed) {
      const who = canonicalGroup(actor) ?? actor.replace(/\s+/g, '').toUpperCase();
      const reply = await before.routed.spec.run(context, { ...args, actor: who, to: null } as never).catch(() => null);
      if (reply?.ok && /^(?:Yes|No)\b/.test(reply.title)) return { command: 'ls', reply: { ...reply, notes: [`Read as "${before.previous}", asking whether ${who} must act on it.`, ...reply.notes] }, read: null };
    }
    // … or of the one statement the last answer was about.
    const byFocus = await ofFocus(question.replace(/\s+(?:to|on)\s+(?:it|that|this|them)\s*(?=[?!.]*$)/i, ''));
    if (byFocus) return byFocus;
  }
  // "and before that?" after a question on a deadline: the same group's deadlines due before it (or after it).
  const side = BEFORE_THAT.exec(question.trim())?.groups?.['side']?.toLowerCase();
  if (side) {
    const before = await previousRouted();
    if (before && 'spec' in before.routed && before.routed.spec.name === 'deadlines') {
      const first = await before.routed.spec.run(context, before.routed.args).catch(() => null);
      const listed = ((first?.data as { upcoming?: Array<{ due: number; date: string }> } | null | undefined)?.upcoming ?? []).map((d) => d.due).sort((a, b) => a - b);
      const bound = side === 'before' ? listed.at(-1) : listed[0];
      if (bound !== undefined) {
        const words = `${side} ${formatRange(new Date(bound).toISOString().slice(0, 10), new Date(bound).toISOString().slice(0, 10))}`;
        const range = side === 'before' ? { from: context.now, to: bound, words } : { from: bound + 1, to: null, words };
        const reply = await before.routed.spec.run(context, { ...(before.routed.args as object), categories: null, when: null, unread: null, meetingMonth: undefined, range } as never).catch(() => null);
        if (reply?.ok) return { command: 'deadlines', reply: { ...reply, notes: [`Read as "${before.previous}", ${side} its last deadline listed.`, ...reply.notes] }, read: null };
      }
    }
  }
  // "who's the contact?" after a question on a group's meeting or on a document: that group's secretariat, that
  // document's contacts.
  if (contact) {
    // (After an answer about one statement: its contacts.)
    const byFocus = await ofFocus(question);
    if (byFocus) return byFocus;
    const named = await namedQuestion();
    const subject = subjectOf(contact.previous) ?? (named ? subjectOf(named) : null);
    const of = subject ? ('group' in subject ? subject.group : subject.thing) : null;
    const asked = of ? `who is the contact for ${of}` : null;
    const again = asked ? await answerOne(registry, context, asked) : null;
    if (asked && again && again.reply.ok && again.reply.sections.length > 0 && !again.reply.notes.some((n) => UNREAD_NOTE.test(n))) {
      // (The previous question stays the one to read the next against: "was it answered?" is still of the statement.)
      return readAs(again, null, `Read as "${asked}".`);
    }
  }
  // "and when does SG15 meet to approve them?" after a question on a circular or a Recommendation: where the
  // approval of (the first of) its Recommendations stands, with the meeting planned for it.
  const stepGroups = STEP_OF_THEM.exec(question.trim())?.groups;
  const stepAsked = stepGroups?.['step'] ?? stepGroups?.['step2']?.replace(/d$/, '') ?? STEP_VERBS[stepGroups?.['step3']?.toLowerCase() ?? ''];
  if (stepAsked) {
    const named = await namedQuestion();
    const thing = named ? subjectOf(named) : null;
    const ref = thing && 'thing' in thing ? thing.thing : null;
    const rec = ref && REC_NUMBER.test(ref) ? ref : ref ? ((await context.store.findByReference(ref.replace(/^(?!TSB\s)(?=Circular|Collective)/i, 'TSB ')).catch(() => []))[0]?.parsed.recommendations[0]?.id ?? null) : null;
    if (rec) {
      const asked = `at which meeting will ${rec} be ${stepAsked.toLowerCase().replace(/e?$/, 'ed')}?`;
      const again = await answerOne(registry, context, asked);
      if (again.reply.ok) return readAs(again, asked);
    }
  }
  // "and QoS?" after "who leads work on security?" (or "and on IoT?" read so): who leads that topic.
  const bareTopic = FOLLOW_UP_THING.exec(question.trim())?.groups?.['kind'];
  if (bareTopic && !namesOnlyDeadlineKinds(bareTopic) && bareTopic.split(/\s+/).length <= 3 && !/^(?:on|for|about|in|at|regarding|of)\s/i.test(bareTopic)) {
    const lead = LEAD_QUESTION.exec((await previousQuestion()) ?? '');
    if (lead?.groups) {
      // ("quantum stuff", "IoT things": the topic without the filler.)
      const asked = `${lead.groups['lead']} ${bareTopic.replace(/\s+(?:stuff|things|matters|work|topics?|issues?)$/i, '')}${lead.groups['end'] ?? ''}`;
      const again = await answerOne(registry, context, asked);
      // (A topic nobody leads is answered so: the lead roles were looked up, not the documents' words.)
      if (again.reply.ok || again.command === 'lsg') {
        await keep(asked);
        return readAs(again, asked);
      }
    }
  }
  // "what about WP2?", "and Q4?" after a question on SG17: the working party or Question of that study group.
  const bare = /\b(WP|Q)\s?(\d{1,2})\b(?!\s*\/)/i.exec(question);
  if (bare?.[1] && bare[2] && /^(?:(?:and|so|ok|okay)[,\s]+)?(?:what about|how about|and|same for)\s+(?:the\s+|for\s+)?(?:WP|Q)\s?\d{1,2}\s*[?!.]*$/i.test(question.trim())) {
    const group = ONE_GROUP_MENTION.exec(withRegionalGroups((await previousQuestion()) ?? ''))?.[0];
    const sg = group ? /^(?:ITU-T[\s-]+)?(?:SG[\s-]?|study group\s+|(?:WP|Q)\s?\d{1,2}\/)(\d{1,2})$/i.exec(group)?.[1] : undefined;
    if (sg) question = `${question.slice(0, bare.index)}${bare[1].toUpperCase()}${bare[2]}/${sg}${question.slice(bare.index + bare[0].length)}`;
  }
  // "no wait, I meant for the africa regional group" after a question on SG12: SG12's regional group for Africa.
  const withGroups = withRegionalGroups(question);
  if (/\bregional\s+group\b/i.test(question) && !ONE_GROUP_MENTION.test(withGroups)) {
    const sg = /^(?:ITU-T[\s-]+)?SG[\s-]?(\d{1,2})(?:RG-[A-Z]{2,5})?$/i.exec(ONE_GROUP_MENTION.exec(withRegionalGroups((await previousQuestion()) ?? ''))?.[0] ?? '')?.[1];
    const regional = sg ? regionalGroupOf(question, `SG${sg}`) : null;
    if (regional) question = regional;
  } else {
    // ("what about the sg3 regional group for africa?", "same for the sg3 africa group": SG3RG-AFR, as a group named in
    // a follow-up.)
    question = withGroups;
  }
  const follow = followUpOf(question);
  // (A thing asked of "its" group, "and the fellowship deadline?", is of the last question that named one.)
  const read = follow ? (readAgainst(follow, await previousQuestion()) ?? ('thing' in follow ? readAgainst(follow, await namedQuestion()) : null)) : ((await unscopedDeadlines(registry, context, question, STILL_APPLIES_ASKED.test(question) ? namedQuestion : previousQuestion)) ?? undefined);
  if (read === null) {
    // No earlier question: read as it is ("and for SG17?"), or said so when that reads nothing or "its" points to
    // nothing.
    const alone = /\b(?:its|their)\b/i.test(question) ? null : await answerOne(registry, context, question);
    if (alone?.reply.ok) return { ...alone, read: question };
    return {
      read: null,
      command: null,
      reply: {
        ok: false,
        code: 'E_NO_ANSWER',
        title: `I don't have an earlier question of yours to read "${question.trim()}" against.`,
        sections: [],
        notes: ['I keep your last question for half an hour, per chat and person. Ask it in full, for example "when is the SG17 meeting" or "registration deadline for SG12".'],
        sources: [],
        data: null,
      },
    };
  }
  // "how many days until it starts?", "was that deadline changed?": a question that names nothing of its own and does
  // not read alone is read of the group the previous question named.
  // A question that points back ("what time does it open for me?") is read of what the previous one named first (the
  // asker's "it" is that, not every meeting), and as it is when that reads nothing.
  // "what's the deadline for that?" after a deadline of a kind was asked ("who do I register with?"): that one again.
  // (Only asked what or when it is: "was that deadline changed?" asks something else of it.)
  // "until when can we ask for it?" after "is there interpretation?": "it" is the kind of request asked of before, and
  // its deadline is asked, for the group the question before named.
  if (read === undefined && POINTS_BACK.test(question) && REQUEST_BY_WHEN.test(question) && REQUEST_IT.test(question) && namesNothing(question)) {
    const previous = await previousQuestion();
    const kinds = previous ? splitCategories(previous).categories : null;
    const group = previous ? ONE_GROUP_MENTION.exec(withRegionalGroups(previous))?.[0] : undefined;
    const word = kinds?.length === 1 && kinds[0] ? REQUEST_WORD[kinds[0]] : undefined;
    if (word && group) {
      const asked = `${word} deadline for ${group}`;
      const again = await answerOne(registry, context, asked);
      if (readsWell(again.reply)) return readAs(again, asked);
    }
  }
  if (read === undefined && POINTS_BACK.test(question) && /\b(?:deadline|due|cut-?off)\b/i.test(question) && /^(?:(?:and|so|ok)[,\s]+)?(?:what(?:'s|’s|\s+is|\s+was)?|whats|when(?:'s|’s|\s+is|\s+was)?|whens|by\s+when)\b/i.test(question.trim()) && !/\b(?:chang|mov|extend|postpon|still|new|again)\w*/i.test(question) && namesNothing(question)) {
    const before = await previousRouted();
    const kinds = before && 'spec' in before.routed && before.routed.spec.name === 'deadlines' ? (before.routed.args as { categories?: unknown[] | null }).categories : null;
    if (before && kinds && kinds.length > 0) {
      const again = await answerOne(registry, context, before.previous);
      if (readsWell(again.reply)) return readAs(again, before.previous);
    }
  }
  // "what does SG20 suggest?" after an answer about a statement SG20 sent: what that statement asks.
  const senderAsks = read === undefined ? /^(?:(?:and|so|but)[,\s]+)?what\s+(?:does|did|do)\s+((?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG))\s+(?:suggest|propose|recommend|ask|want|request|say|expect)s?(?:\s+(?:us|me|them|here|there|in it))?(?:\s+(?:to\s+do|for))?\s*[?!.]*$/i.exec(question.trim()) : null;
  if (senderAsks?.[1]) {
    const reference = await focused();
    const sender = canonicalGroup(senderAsks[1]);
    if (reference && sender && new RegExp(String.raw`^${sender}-(?:LS|TD)\s?\d`, 'i').test(reference)) {
      const asked = await askInstead(`what does ${reference} ask?`);
      if (asked) return asked;
    }
  }
  // "what does it ask sg21?" after an answer about one statement: of that statement, asked of that group.
  if (read === undefined && POINTS_BACK.test(question) && ONE_GROUP_MENTION.test(question) && /^(?:(?:and|so|but)[,\s]+)?(?:what|does|did|do|is|was)\s+(?:does\s+|did\s+)?(?:it|that|this)\s+(?:ask|want|request|say|tell|expect)\b/i.test(question.trim())) {
    const byFocus = await ofFocus(question);
    if (byFocus) return byFocus;
  }
  if (read === undefined && POINTS_BACK.test(question) && !ONE_GROUP_MENTION.test(question) && !REC_NUMBER.test(question)) {
    // (A question that names a thing of its own, "fronthaul timing LS – who is it to", is read as it is first: its "it"
    // is that thing.)
    // ("is there an LS about it?" names no statement of its own: "it" is what was asked before.)
    const pointsPast = /\b(?:about|on|regarding|concerning)\s+(?:it|that|this)\s*[?!.]*$/i.test(question);
    const previous = await previousQuestion();
    const subject = previous ? subjectOf(previous) : null;
    // A document's thing asked ("who sent it?") after an answer about one document, which the question before named
    // only by its groups: that document.
    // ("who's the rapporteur for that question?" points to the Question asked of, not to a statement shown.)
    // (Nor when the question names its own statement before a dash: "fronthaul timing LS – who is it to".)
    // (… or than a statement the question before named that is not stored, when the answer was about one that is: "what
    // recs does it mention?" after "who replied to SG13-LS96?" is of the reply.)
    const unstored = subject && 'thing' in subject && NUMBERED_DOCUMENT.test(subject.thing) && (await context.store.findByReference(subject.thing)).length === 0;
    if ((!(subject && 'thing' in subject) || unstored) && !/\b(?:that|this|the same)\s+(?:question|group|study group|working party|meeting|WP|SG)\b/i.test(question) && !DASH_SUBJECT.test(question.trim())) {
      const byFocus = await ofFocus(question);
      if (byFocus) return byFocus;
    }
    const back = NAMES_ITS_OWN.test(question) && !pointsPast ? null : pointedBack(question, previous);
    const backAnswered = back ? await answerOne(registry, context, back) : null;
    if (back && backAnswered && readsWell(backAnswered.reply)) {
      await keep(back);
      return readAs(backAnswered, back);
    }
    const alone = await answerOne(registry, context, question);
    if (readsWell(alone.reply)) {
      await keep(question);
      return { ...alone, read: question };
    }
    // ("who's the rapporteur for that question?": "that" taken for a group is no answer; what it points to, even found
    // to hold no one, is.)
    const pointerRefused = /^Which group do you mean by "/.test(alone.reply.title);
    if (pointerRefused && back && backAnswered && backAnswered.command !== null && backAnswered.reply.code !== 'E_NO_ANSWER') return readAs(backAnswered, back);
    // (… or, when that reads nothing, of what the question before it named: "whats the first deadline for it" after
    // "what are they going to consent?", asked after "when does study group 12 meet?".)
    const later = NAMES_ITS_OWN.test(question) ? pointedBack(question, previous) : back === null ? pointedBack(question, await namedQuestion()) : null;
    const again = later ? await answerOne(registry, context, later) : null;
    if (later && again && again.command !== null && again.reply.code !== 'E_NO_ANSWER' && pointerRefused && !readsWell(again.reply)) return readAs(again, later);
    if (!later || !again || !readsWell(again.reply)) return { ...alone, read: question };
    await keep(later);
    return readAs(again, later);
  }
  // "is there interpretation?", "who must reply?", "which working parties meet there?": a short question that names
  // nothing, after one that named a meeting or a statement, is asked of that when alone it only finds documents by
  // its words or lists every group's.
  if (read === undefined && namesNothing(question)) {
    const named = await namedQuestion();
    const subject = named ? subjectOf(named) : null;
    const of = subject ? askedOf(question, subject) : null;
    if (of) {
      // "when does the meeting start?", "what are the deadlines?" after a question on SG12: SG12's, read first.
      // ("how do I join their mailing list?": "their" is of what was named before, never any group's.)
      // (… and of an event named before, whatever is asked of it: "what time does registration start?" after "is there an
      // ITU workshop on satellites coming up?".)
      // (… and of a statement named before by its number, when a thing of a document is asked: "deadline in tokyo time"
      // after "who must reply to TD 1204 (PLEN/15)?".)
      const ofEvent = subject && 'thing' in subject && (NAMES_TOPIC_EVENT.test(subject.thing) || (NUMBERED_DOCUMENT.test(subject.thing) && DOC_ASKED.test(question)));
      if (subject && (ofEvent || ('group' in subject && (DEFINITE_THING.test(question) || EVENT_OF_IT.test(question) || BARE_THING.test(question) || /\btheir\b/i.test(question))))) {
        const first = await answerOne(registry, context, of);
        if (readsWell(first.reply) && standsAlone(first, of)) {
          await keep(of);
          return readAs(first, of);
        }
      }
      const alone = await answerOne(registry, context, question);
      if (standsAlone(alone, question)) {
        if (alone.reply.ok) await keep(question);
        return { ...alone, read: question };
      }
      // "who's copied?", "when is the reply due?" after an answer about one statement that the question before named
      // only by its groups: of that statement.
      if (subject && !('thing' in subject)) {
        const byFocus = await ofFocus(question);
        if (byFocus) return byFocus;
      }
      const again = await answerOne(registry, context, of);
      if (readsWell(again.reply) && standsAlone(again, of)) {
        await keep(of);
        return readAs(again, of);
      }
      // "why?", "what if someone objects?" after an answer about one letter: what the letter says of it.
      const fromLetter = await ofFocus(question, true);
      if (fromLetter) return fromLetter;
      // (A search by its words is no subject for the next question: the one asked before stays it.)
      return { ...alone, read: question };
    }
  }
  const asked = read ?? question;
  const answered = await answerOne(registry, context, asked);
  // A short question that names nothing ("where do objections go?") read by nothing but a search by its words, after
  // an answer about one document: what that document says of it.
  // (… or any question no command could read: "and who is the action holder on the IETF side?".)
  // (Not a question that names its own statement before a dash: "fronthaul timing LS – who is it to".)
  const ownSubject = DASH_SUBJECT.test(question.trim()) || /\b(?:LS|liaison|letter|circular|TD)\b/i.test(question);
  const aboutParties = answered.command === null && answered.reply.code === 'E_NO_ANSWER' && /\b(?:contacts?|action holders?|signed|copied|reply|replies|deadline)\b/i.test(question);
  if (!ownSubject && (((namesNothing(question) || POINTS_BACK.test(question)) && (!answered.reply.ok || answered.command === 'search' || !standsAlone(answered, question))) || aboutParties)) {
    const fromFocus = await ofFocus(question, true);
    if (fromFocus) return fromFocus;
  }
  // "what about the sg3 regional group for africa?" after a question its group cannot be asked in ("which questions
  // will the SG3 meeting work on?"): the previous question's command for it ("meeting SG3RG-AFR").
  if (read && follow && 'target' in follow && !readsWell(answered.reply)) {
    const before = await previousRouted();
    if (before && 'spec' in before.routed) {
      const asked = await askInstead(`${before.routed.spec.name} ${withRegionalGroups(follow.target)}`);
      if (asked) return asked;
    }
  }
  // A span, "when" or a topic read against the previous question that reads nothing so: the question as it is.
  if (read && !readsWell(answered.reply) && follow && !('target' in follow) && !('thing' in follow)) {
    const alone = await answerOne(registry, context, question);
    if (alone.reply.ok) await keep(question);
    return { ...alone, read: question };
  }
  if (answered.reply.ok) await keep(asked);
  // A follow-up says how it was read.
  return read ? readAs(answered, asked) : { ...answered, read: asked };
}

async function answerOne(registry: Registry, context: CommandContext & { metrics?: CommandMetrics }, question: string): Promise<{ command: string | null; reply: Reply }> {
  const memo = context.answers;
  if (!memo) return computeOne(registry, context, question);
  // Kept for others only when every command that answered changes nothing and reads nothing of the asker (what the
  // metrics are told is what ran); the metrics count an answer given again as answered, at once.
  let computed = false;
  const { answered, ran } = await memo.get(`${context.tz}\u0000${question.trim()}`, context.now, async () => {
    computed = true;
    const ran: Array<[string, string]> = [];
    const metrics: CommandMetrics = {
      commandAnswered: (command, channel, outcome, seconds) => {
        ran.push([command, outcome]);
        context.metrics?.commandAnswered(command, channel, outcome, seconds);
      },
    };
    const answered = await computeOne(registry, { ...context, metrics }, question);
    const keep = ran.length > 0 && ran.every(([command]) => command.split('+').every((c) => c === 'none' || ANSWERS_ONLY.has(c)));
    return { value: { answered, ran }, keep };
  });
  if (!computed) for (const [command, outcome] of ran) context.metrics?.commandAnswered(command, context.who?.channel ?? 'unknown', outcome, 0);
  return answered;
}

async function computeOne(registry: Registry, context: CommandContext & { metrics?: CommandMetrics }, question: string): Promise<{ command: string | null; reply: Reply }> {
  // "what time does the SG11 meeting start, New York time": the times in the zone named, the question without it.
  // ("…, tokyo time pls": the courtesy after the zone named.)
  const named = zoneNamed(question.length <= 400 ? withoutZoneCourtesy(question) : question);
  const ctx = named ? { ...context, tz: named.zone } : context;
  // "the SG12 regional group for Africa", "the SG13 Arab regional group": the regional group's code (SG12RG-AFR), read
  // as one group wherever the question is split or scanned.
  // A remark after the question ("… meet next? need to book flights from Tokyo") asks nothing.
  // ("what time does it open, my time?": every time is shown in the asker's zone already.)
  const input = withoutRemark(withRegionalGroups(named ? named.rest : question)).replace(/(?:,|\s)[ \t]{0,3}(?:in[ \t]+|on[ \t]+)?my[ \t]+(?:local[ \t]+)?time(?:[ \t]?zone)?[ \t]{0,3}(?=[?!.]{0,3}$)/i, '');
  const started = performance.now();
  const record = (command: string | null, outcome: string) => ctx.metrics?.commandAnswered(command ?? 'none', ctx.who?.channel ?? 'unknown', outcome, (performance.now() - started) / 1000);
  const clock = { now: ctx.now, tz: ctx.tz };
  // "what's happening in the next two weeks", "events next week", "what's on for SG5 this month": the deadlines and the
  // meetings (with their side events) of that span, together.
  const asked = input.trim();
  const agenda = asked.length <= MAX_FALLBACK_TEXT ? WHATS_ON.exec(asked)?.groups?.['rest'] : undefined;
  if (agenda !== undefined) {
    const span = agenda.trim() === '' ? 'in the next 14 days' : agenda.trim();
    const parts = [`deadlines ${span}`, `meetings ${span}`].map((text) => route(registry, text, clock));
    if (parts.every((p) => !('reply' in p) && !leftOver(p.args))) {
      const answered = await runParts(ctx, parts);
      // No meeting in the span: the next one only, said to be after it (not every meeting to come).
      const [deadlines, meetings] = answered.map((a) => a.reply) as [Reply, Reply];
      const none = (meetings.data as { noneInSpan?: string } | undefined)?.noneInSpan;
      const kept = meetings.sections.slice(0, 1);
      const cited = new Set(kept.flatMap((x) => x.items.map((i) => i.source?.docId ?? null)));
      const agendaMeetings = none
        ? { ...meetings, title: none.replace(/; these are the next ones\.$|; this is the next one\.$/, '; the next one'), sections: kept, notes: meetings.notes.filter((n) => n !== none), sources: meetings.sources.filter((x) => cited.has(x.docId ?? null)) }
        : meetings;
      const reply = combined([deadlines, agendaMeetings]);
      record(answered.map((a) => a.name).join('+'), reply.ok ? 'ok' : (reply.code ?? 'error'));
      return { command: answered[0]?.name ?? null, reply };
    }
  }
  // "which is sooner, the SG13 or the SG15 meeting?": each group's next meeting, and which opens first.
  const sooner = asked.length <= MAX_FALLBACK_TEXT ? WHICH_SOONER.exec(asked) : null;
  if (sooner?.groups) {
    const year = sooner.groups['year'] ? ` ${sooner.groups['year']}` : '';
    const parts = [sooner.groups['a'], sooner.groups['b']].map((g) => route(registry, `meeting ${g}${year}`, clock));
    if (parts.every((p) => !('reply' in p))) {
      const replies = (await runParts(ctx, parts)).map((a) => a.reply);
      const next = replies.map((r) => ({ group: (r.data as { group?: string } | undefined)?.group ?? null, meeting: (r.data as { meetings?: Array<{ start: string; end: string }> } | undefined)?.meetings?.[0] }));
      const [a, b] = next;
      const reply = combined(replies);
      record('meeting', reply.ok ? 'ok' : (reply.code ?? 'error'));
      if (a?.meeting && b?.meeting && a.group && b.group && a.meeting.start !== b.meeting.start) {
        const [first, second] = a.meeting.start < b.meeting.start ? [a, b] : [b, a];
        return { command: 'meeting', reply: { ...reply, title: `${first.group} meets first: ${formatRange(first.meeting?.start ?? '', first.meeting?.end ?? '')}, then ${second.group}: ${formatRange(second.meeting?.start ?? '', second.meeting?.end ?? '')}` } };
      }
      return { command: 'meeting', reply };
    }
  }
  const routed = route(registry, input, clock);
  // A question of several parts that no command reads whole ("sg12 meeting dates + contribution deadline + who's the
  // counsellor"): each part answered, when every part can be.
  // … or that one command reads whole by dropping a part: "when's sg3 and what's the deadline for fellowships" asks of
  // the meeting and of a deadline, two commands.
  // A part may name the zone its times are asked in ("… in February 2026 in Brasilia time, and did I need to register").
  const split = partsOf(input).map((part) => (named ? null : zoneNamed(part)) ?? { zone: null, rest: part });
  const texts = split.map((x) => x.rest);
  const partZone = split.find((x) => x.zone)?.zone;
  const partsCtx = partZone ? { ...ctx, tz: partZone } : ctx;
  const parts = texts.map((part) => route(registry, part, partZone ? { ...clock, tz: partZone } : clock));
  // A meeting part with words of its own ("is translation provided for WP3/17") is answered from the meeting's letter.
  const readable = parts.length > 1 && parts.every((p) => !('reply' in p) && (!leftOver(p.args) || namesABody(p.args) || lettersWords(p)));
  // "… and what's the deadline", "… and when is it due" after a question on liaison statements: the statements read
  // whole give their reply dates.
  const lsWithDue = 'spec' in routed && routed.spec.name === 'ls' && !leftOver(routed.args) && new RegExp(`${DUE_ASKED_TOO.source}\\s*[?!.]*$`, 'i').test(input);
  const twoCommands = readable && !lsWithDue && new Set(parts.map((p) => ('spec' in p ? p.spec.name : ''))).size > 1;
  let whole: Reply | null = null;
  // (A search for the whole question is a last resort: parts that other commands answer come first.)
  if ('reply' in routed || leftOver(routed.args) || twoCommands || (routed.spec.name === 'search' && parts.length > 1)) {
    if (readable) {
      const answered = await runParts(partsCtx, parts);
      const reply = combined(answered.map((a) => a.reply));
      record(answered.map((a) => a.name).join('+'), reply.ok ? 'ok' : (reply.code ?? 'error'));
      return { command: answered[0]?.name ?? null, reply };
    }
    // Parts with words of their own, each of which its command finds ("the registration deadline for the AI native
    // networks workshop, and what time does it start"): answered part by part when every part is answered in full.
    // (When the question read whole is answered with nothing left unread, that answer stands; it is not run again.)
    // Only commands that change nothing are run so, on trial.
    if (parts.length > 1 && parts.every((p) => 'spec' in p && ANSWERS_ONLY.has(p.spec.name)) && (!('spec' in routed) || ANSWERS_ONLY.has(routed.spec.name))) {
      // Parts that two commands other than search answer, each in full ("when is the sg 20 meeting? and is there a
      // fellowship deadline for it"), are read as parts even when one command would take the whole and drop a part.
      // (Not when the meeting command takes the whole: it reads the letter for every thing asked, and gives their
      // deadlines with them: "will there be interpretation at TSAG? how do I get captioning?".)
      const strongParts = new Set(parts.map((p) => ('spec' in p ? p.spec.name : ''))).size > 1 && parts.every((p) => 'spec' in p && p.spec.name !== 'search') && !('spec' in routed && routed.spec.name === 'meeting');
      // The parts are run once, whichever reading asks for them first; their answer when each part is answered in full.
      let byParts: Promise<{ command: string | null; reply: Reply } | null> | null = null;
      const inFull = () =>
        (byParts ??= runParts(partsCtx, parts).then((answered) => {
          if (!answered.every((a) => a.reply.ok && a.reply.sections.length > 0 && !a.reply.notes.some((n) => UNREAD_NOTE.test(n)))) return null;
          record(answered.map((a) => a.name).join('+'), 'ok');
          return { command: answered[0]?.name ?? null, reply: combined(answered.map((a) => a.reply)) };
        }));
      if (strongParts) {
        const read = await inFull();
        if (read) return read;
      }
      if ('spec' in routed) {
        whole = await routed.spec.run(partsCtx, routed.args);
        if (whole.ok && whole.sections.length > 0 && !whole.notes.some((n) => UNREAD_NOTE.test(n) || /^I can't answer all of /.test(n))) {
          record(routed.spec.name, 'ok');
          return { command: routed.spec.name, reply: routed.readAs ? { ...whole, notes: [routed.readAs, ...whole.notes] } : whole };
        }
      }
      const read = await inFull();
      if (read) return read;
    }
  }
  if ('reply' in routed) {
    // A few words no command reads ("what do we have on MPLS-TP", "e164.arpa", "who is working on digital twin
    // terminology"): the documents that hold every one of them, when some do, rather than a refusal.
    const searched = routed.reply.code === 'E_NO_ANSWER' && routed.reply.data !== DECLINED ? await searchInstead(registry, ctx, input) : null;
    if (searched && 'reply' in searched) {
      record('search', 'ok');
      return { command: 'search', reply: searched.reply };
    }
    // Some parts read and others not, and no document holds all the words ("ai-native networks workshop dates? I
    // registered for the old dates, do I need to register again?"): the parts read are answered, the rest named.
    const read = parts.flatMap((p, i) => (!('reply' in p) && (!leftOver(p.args) || namesABody(p.args) || lettersWords(p)) ? [{ p, text: texts[i] ?? '' }] : []));
    if (read.length > 0 && read.length < parts.length) {
      const answered = (await runParts(partsCtx, read.map((r) => r.p))).filter((a) => a.reply.ok);
      if (answered.length > 0) {
        const unread = texts.filter((t) => !read.some((r) => r.text === t));
        const reply = combined(answered.map((a) => a.reply));
        record(answered.map((a) => a.name).join('+'), 'ok');
        return { command: answered[0]?.name ?? null, reply: { ...reply, notes: [...reply.notes, `I could not read this part of the question: ${unread.map((t) => `"${t}"`).join(', ')}.`] } };
      }
    }
    record(null, routed.reply.code ?? 'error');
    // Searched and found in no document: the refusal says so rather than offering that search.
    if (searched) {
      const said = `No stored document mentions "${searched.missing}".`;
      return { command: null, reply: { ...routed.reply, notes: [said, ...routed.reply.notes.filter((n) => !/^The closest I can do: search\b/.test(n))] } };
    }
    return { command: null, reply: routed.reply };
  }
  try {
    const ran = whole ?? (await routed.spec.run(partsCtx, routed.args));
    const reply = routed.readAs ? { ...ran, notes: [routed.readAs, ...ran.notes] } : ran;
    record(routed.spec.name, reply.ok ? 'ok' : (reply.code ?? 'error'));
    return { command: routed.spec.name, reply };
  } catch (err) {
    record(routed.spec.name, 'error');
    throw err;
  }
}

/** A command's note that it read part of what was asked and not the rest ("I read "SG20" and not "…""). */
const UNREAD_NOTE = /^I read .{1,200}? and not "/;

/** A question about everything in a span: "what's happening next week", "any events this month for SG5". */
/** "which is sooner, the SG13 or the SG15 meeting?", "which comes first: TSAG or SG17?" */
const GROUP_NAME = String.raw`(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}|Q\d{1,2}\/\d{1,2})`;
const WHICH_SOONER = new RegExp(String.raw`^which (?:one )?(?:is|comes|will be|happens|meets|is held) (?:sooner|first|earlier|next)(?:\s+in\s+(?<year>(?:19|20)\d{2}))?[,:]?\s+(?:the )?(?<a>${GROUP_NAME})(?:['’]s)?(?: meeting)? or (?:the )?(?<b>${GROUP_NAME})(?:['’]s)?(?: meeting)?\s*[?!.]*$`, 'i');
const WHATS_ON = /^(?:what(?:'s|’s| is| are)?\s+(?:happening|on|going on|coming up|scheduled|planned)|(?:are there\s+)?(?:any\s+)?(?:upcoming\s+)?events?|what do (?:I|we) have(?:\s+on)?|(?:is there\s+)?anything\s+(?:happening|on|coming up|scheduled))\b(?!\s+(?:the|an?)\s+(?:agenda|list|table)\b)(?<rest>[^?!.]*)[?!.]*$/i;

/** Words of a question that ask, not name what is asked about. */
const ASKING_WORDS = new Set(
  'and or what whats which who whom whose where when how why is are was were be been do does did have has had we you i me my our us they it its this that these those the a an any anything something some of on in at to for from by with about regarding concerning there here can could would should will shall may might must please tell show give find know info information status update updates latest news doing working work works done happening going new need needs needed require requires required'.split(' '),
);

/** Most words read as a search when no command reads a question: a topic, not a sentence. */
const MAX_SEARCH_WORDS = 5;

/**
 * The search answer for a question no command reads, when it is short and every word left after the asking ones is
 * in some stored document; the words when no document holds them; `null` otherwise (the refusal stands as it is).
 */
async function searchInstead(registry: Registry, ctx: CommandContext, input: string): Promise<{ reply: Reply } | { missing: string } | null> {
  const spec = registry.get('search');
  if (!spec || input.length > MAX_FALLBACK_TEXT) return null;
  const words = addressed(input)
    .split(/[^\p{L}\p{N}./-]+/u)
    .map((w) => w.replace(/^[./-]+|[./-]+$/g, ''))
    .filter((w) => w.length >= 2 && !ASKING_WORDS.has(w.toLowerCase()));
  if (words.length === 0 || words.length > MAX_SEARCH_WORDS) return null;
  const parsed = spec.args.safeParse(spec.parseText(words.join(' ')));
  if (!parsed.success) return null;
  const reply = await spec.run(ctx, parsed.data);
  const hits = (reply.data as { hits?: Array<{ partial?: boolean }> } | undefined)?.hits ?? [];
  if (reply.code === 'E_NOT_FOUND') return { missing: words.join(' ') };
  if (!reply.ok || hits.length === 0 || hits.some((h) => h.partial)) return null;
  return { reply: { ...reply, notes: [`I read this as a search for "${words.join(' ')}".`, ...reply.notes] } };
}

/** Whether routed arguments left words unread or named no known group. */
/** A meeting question about a named group whose other words its letter is searched for. */
function lettersWords(p: Routed): boolean {
  const a = ('spec' in p ? p.args : null) as { unread?: unknown; scope?: { kind?: unknown } } | null;
  return 'spec' in p && p.spec.name === 'meeting' && typeof a?.unread === 'string' && a.scope?.kind === 'group';
}

function leftOver(args: unknown): boolean {
  const a = args as { unread?: unknown; scope?: { kind?: unknown } } | null;
  return Boolean(a && typeof a === 'object' && (a.unread || a.scope?.kind === 'unknown'));
}

/** Whether what a command could not read as a group is only a name ("SG17 CG-QSM"), no question words left in it. */
function namesABody(args: unknown): boolean {
  const a = args as { unread?: unknown; scope?: { kind?: unknown; text?: unknown } } | null;
  return Boolean(a && !a.unread && a.scope?.kind === 'unknown' && typeof a.scope.text === 'string' && !/\b(?:how|what|when|where|who|which|why|and|is|are|do|does|can)\b/i.test(a.scope.text));
}

/** {@link GROUP_MENTION} without its global flag: the first mention of a text, read with no state between calls. */
const ONE_GROUP_MENTION = new RegExp(GROUP_MENTION.source, 'i');

/** A later part ending on its verb ("and how do I join"): it asks of what the first part names. */
const OBJECTLESS = /\b(?:join|subscribe(?: to)?|attend|register(?: for)?|take part(?: in)?|participate(?: in)?|sign up(?: for)?)$/i;

/** The month a part names its meeting by: "the SG13 meeting in April 2027". */
const MEETING_IN_MONTH = new RegExp(String.raw`\bmeeting\s+(?:in|of)\s+((?:${MONTH_PATTERN})\.?(?:\s+(?:19|20)\d{2})?)\b`, 'i');

/** An event a part names by its title: "the AI native networks workshop", "the contribution clinic". */
const NAMED_EVENT = /\bthe\s+(?:(?!the\b)[\w-]+\s+){0,6}?(?:workshop|forum|symposium|seminar|webinar|clinic|briefing|hackathon|summit|tutorial|session)\b(?:\s+on\s+(?:(?!and\b|or\b|the\b)[\w-]+\s*){1,5})?/i;

/** A part that says what the asker heard changed: "I heard it moved", "I was told the meeting was cancelled". */
const HEARSAY = /^(?:but\s+)?(?:(?:I|we)\s+)?(?:heard|read|was told|were told|understand|think|believe|saw)\s+(?:that\s+)?(it|the\s+[\w\s/-]{2,40}?)\s+(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+|got\s+|'s\s+been\s+|’s\s+been\s+)?(moved|postponed|cancell?ed|rescheduled|changed|delayed|brought forward)\b[^?!]*[?!.]*$/i;

/**
 * The parts of a question asking several things: split at a question mark inside it, a "+", a ";", or an "and" before
 * a question word; a part that names no group gets the first part's ("… + who's the counsellor" of SG12). At most four.
 */
export function partsOf(input: string): string[] {
  const text = input.trim();
  if (text.length > MAX_FALLBACK_TEXT || text.startsWith('/')) return [];
  const parts = text
    .split(/\s*\?\s+(?=\S)|\s+\+\s+|\s*;\s*|,?\s+and\s+(?=(?:what|whats|what['’]s|who|whos|who['’]s|when|whens|when['’]s|where|wheres|where['’]s|which|how|is|are|does|do|did|will|can|could|should|was|were)\b)/i)
    // "WP3/17 deadlines? and is translation provided?": the joining word starts no part.
    .map((p) => p.trim().replace(/^(?:and|also|plus|&)\s+/i, ''))
    .filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > 4) return [];
  const mention = ONE_GROUP_MENTION.exec(parts[0] ?? '');
  // The group with the body of it named after it: "the SG17 CG-QSM", "SG13 FG-AINN".
  const named = mention ? `${mention[0]}${/^\s+(?:[A-Z][A-Za-z]*-[A-Z0-9-]{2,})\b/.exec((parts[0] ?? '').slice(mention.index + mention[0].length))?.[0] ?? ''}` : undefined;
  // "where is the SG13 meeting in April 2027 and what's the contribution deadline": the deadline is that meeting's.
  const month = MEETING_IN_MONTH.exec(parts[0] ?? '')?.[1];
  // "the registration deadline for the AI native networks workshop, and what time does it start", "what time was the
  // SG21 contribution clinic, and did I need to register": "it", or what is registered for, is that event.
  const event = NAMED_EVENT.exec(parts[0] ?? '')?.[0];
  // "who is the editor of the A.1 revision and was TSAG asked to approve it": "it" is the Recommendation.
  const rec = REC_NUMBER.exec(parts[0] ?? '')?.[0];
  // "what does TSB Circular 241 ask for, and what's the reply deadline": the deadline is that document's.
  const docRef = /\b(?:TSB\s+)?(?:Circular|Collective letter)\s+\d{1,4}(?:\/(?:\d{1,2}|TSAG))?\b|\b(?:SG\d{1,2}|TSAG)-(?:LS|TD)\s?\d{1,4}\b/i.exec(parts[0] ?? '')?.[0];
  return parts.map((said, i) => {
    if (i === 0) return said;
    // "I heard it moved", "I was told it's been cancelled": whether it was.
    const p = said.replace(HEARSAY, (_m, what: string, change: string) => `${/^it$/i.test(what) ? 'was it' : `was ${what}`} ${change}?`);
    // "contribution deadline for the sg21 meeting? heard it moved": "it" is that deadline.
    if (p !== said && /\b(?:deadlines?|due)\b/i.test(parts[0] ?? '') && /^was it\b/i.test(p)) return `${(parts[0] ?? '').replace(/[?!.]+$/, '')} ${p.replace(/^was it\s+/i, '').replace(/[?!.]+$/, '')}?`;
    // "when is the sg13 meeting in 2027? I heard it moved": "it" is that meeting.
    if (p !== said && named && /\bmeeting\b/i.test(parts[0] ?? '') && /\bit\b/.test(p) && !ONE_GROUP_MENTION.test(p)) return p.replace(/\bit\b/, `the ${named} meeting${month ? ` in ${month}` : ''}`);
    if (rec && !event && /\b(?:approve|approved|consent|consented|determine|determined|delete|deleted|adopt|adopted)\s+it\b/.test(p)) return p.replace(/\bit\b/, rec);
    if (docRef && !ONE_GROUP_MENTION.test(p) && !REC_NUMBER.test(p) && /\b(?:deadlines?|due|reply date)\b/i.test(p) && !/\b(?:for|of)\s+(?:the\s+)?\S+\s*[?!.]*$/i.test(p)) return `${p.replace(/[?!.]+$/, '')} for ${docRef}`;
    const bare = p.replace(/[?!.]+$/, '');
    // "is Q.3950 being deleted? until when can we object": the objection or comment is to that Recommendation.
    if (rec && !event && !REC_NUMBER.test(p) && /\b(?:object|objections?|comment|comments|oppose|support|reply|respond)\s*$/i.test(bare)) return `${bare} to ${rec}`;
    if (event && OBJECTLESS.test(bare)) return `${bare}${/\b(?:for|in|to)$/i.test(bare) ? '' : ' for'} ${event.trim()}`;
    // (Only "it" written so: "IT security" is no pronoun.)
    if (event && /\bit\b/.test(p) && !ONE_GROUP_MENTION.test(p)) return p.replace(/\bit\b/, event.trim());
    // "when was the AI-native networks workshop and when did registration close": that event's registration.
    if (event && !ONE_GROUP_MENTION.test(p) && !NAMED_EVENT.test(p) && /\b(?:registration|register|deadlines?|due)\b/i.test(bare)) return `${bare} for ${event.trim()}`;
    // "was the SG13 regional group meeting in muscat hybrid? what time did it start": "it" is that meeting, as named.
    const meetingNamed = /\bthe\s+((?:(?!the\b)[\w/-]+\s+){0,4}meeting\s+in\s+\p{L}[\p{L}-]+)/iu.exec(parts[0] ?? '')?.[0];
    if (meetingNamed && /\bit\b/.test(p) && !ONE_GROUP_MENTION.test(p)) return p.replace(/\bit\b/, meetingNamed);
    // "when is the SG12 meeting next year and when is the fellowship deadline for it": "it" is that meeting.
    if (named && /\bmeeting\b/i.test(parts[0] ?? '') && /\b(?:for|of|at|to)\s+it\b/i.test(p) && !ONE_GROUP_MENTION.test(p)) return p.replace(/\b(for|of|at|to)\s+it\b/i, `$1 the ${named} meeting${month ? ` in ${month}` : ''}`);
    if (!named || ONE_GROUP_MENTION.test(p)) return p;
    if (OBJECTLESS.test(bare)) return `${bare} the ${named}`;
    return month && /\b(?:deadlines?|due|submit|register|registration|contributions?)\b/i.test(bare) ? `${bare} for the ${named} meeting in ${month}` : `${bare} for ${named}`;
  });
}

/** The answers to the parts of one question, as one reply: each part's title heads its lines. */
function combined(all: readonly Reply[]): Reply {
  // Two parts answered alike ("wp3/17 meeting when, and is there a sg17 plenary?" both give SG17's next meeting): once.
  const seen = new Set<string>();
  const replies = all.filter((r) => {
    const key = JSON.stringify([r.title, r.sections]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ok = replies.some((r) => r.ok);
  return {
    ok,
    // A refusal of every part carries the first part's code, as a refusal always does.
    ...(ok ? {} : { code: replies.find((r) => r.code)?.code ?? 'E_NO_ANSWER' }),
    // (Two parts of one meeting give one title.)
    title: [...new Set(replies.map((r) => r.title))].join(' · '),
    sections: replies.flatMap((r) => {
      const items = r.sections.flatMap((x) => x.items);
      return [{ heading: r.title, items: items.length > 0 ? items : r.notes.slice(0, 1).map((text) => ({ text })) }];
    }),
    notes: [...new Set(replies.flatMap((r) => r.notes))],
    sources: replies.flatMap((r) => r.sources).filter((s, i, all) => all.findIndex((o) => o.docId === s.docId && o.title === s.title) === i),
    data: { parts: replies.map((r) => ({ title: r.title, ok: r.ok, data: r.data ?? null })) },
  };
}