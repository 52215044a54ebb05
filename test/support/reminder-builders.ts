/**
 * Builders for the reminder tests: deadline records, stored documents, people, and the texts of collective letters
 * and liaison statements (written for the project) that the real parser reads.
 */
import type { Person, Role } from '../../src/people/roster.ts';
import type { DeadlineRecord } from '../../src/reminders/keys.ts';
import type { StoredDocument } from '../../src/store/facts.ts';
import type { ParsedDocument } from '../../src/core/types.ts';

export function makeRecord(overrides: Partial<DeadlineRecord> = {}): DeadlineRecord {
  return {
    key: '0123456789ab-contributions-0',
    base: 'collective-letter:collectiveletter5/20',
    docId: 'aaaaaaaaaaaaaaaaaaaa',
    due: Date.UTC(2036, 3, 14, 21, 59, 59),
    date: '2036-04-14',
    time: null,
    timezone: 'Europe/Zurich',
    action: 'Submit ITU-T Member contributions',
    category: 'contributions',
    group: 'SG20',
    questions: [],
    source: { docId: 'aaaaaaaaaaaaaaaaaaaa', reference: 'TSB Collective letter 5/20', title: 'Meeting of Study Group 20', kind: 'collective-letter', date: '2036-02-01' },
    messageId: '<cl-5-20@test.itu.int>',
    ...overrides,
  };
}

export function makeParsed(overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  return {
    kind: 'collective-letter',
    group: 'SG20',
    reference: 'TSB Collective letter 5/20',
    date: '2036-02-01',
    title: 'Meeting of Study Group 20',
    meeting: null,
    events: [],
    deadlines: [],
    liaison: null,
    roles: [],
    recommendations: [],
    questions: [],
    addresses: [],
    revision: null,
    ...overrides,
  };
}

export function makeStored(overrides: Partial<Omit<StoredDocument, 'parsed'>> & { parsed?: Partial<ParsedDocument> } = {}): StoredDocument {
  const { parsed, ...rest } = overrides;
  return {
    id: 'aaaaaaaaaaaaaaaaaaaa',
    hash: 'h',
    seq: 1,
    ingestedAt: '2036-04-01T08:00:00.000Z',
    source: { name: 'cl.eml', path: null, messageId: '<cl-5-20@test.itu.int>', format: 'eml', subject: null, from: null, sentAt: null },
    parsed: makeParsed(parsed),
    baseKey: 'collective-letter:collectiveletter5/20',
    supersededBy: null,
    ...rest,
  };
}

/** A person; `slackId` and `teamsId` (as older rosters wrote them) go into `chat`. */
export function makePerson(id: string, roles: Role[] = [], overrides: Partial<Person> & { slackId?: string | null; teamsId?: string | null } = {}): Person {
  const { slackId, teamsId, chat, ...rest } = overrides;
  return { id, name: id.split('@')[0] ?? id, email: id.includes('@') ? id : null, chat: { ...(slackId ? { slack: slackId } : {}), ...(teamsId ? { teams: teamsId } : {}), ...chat }, tz: 'Europe/Zurich', roles, ...rest };
}

/** A collective letter of SG`sg` with key deadlines `rows` (`['14 April 2036', 'Submit ITU-T Member contributions']`). */
export function letter(opts: { n: number; sg: number; rows: Array<[string, string]>; revision?: string; date?: string }): string {
  return [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    `Geneva, ${opts.date ?? '2 February 2036'}`,
    `Ref: TSB Collective letter ${opts.n}/${opts.sg}${opts.revision ? ` ${opts.revision}` : ''}`,
    `Subject: Meeting of Study Group ${opts.sg}; Geneva, 5-14 May 2036`,
    '',
    'Dear Sir/Madam,',
    `1 You are invited to the meeting of Study Group ${opts.sg}, held at ITU headquarters from 5 to 14 May 2036.`,
    '',
    'Key deadlines:',
    ...opts.rows.map(([date, what]) => `${date}\t${what}`),
    '',
    'Yours faithfully,',
    'Director, TSB',
  ].join('\n');
}

/** A liaison statement from another body to SG`sg`, for action, naming `questions`, with a reply deadline. */
export function liaison(opts: { sg: number; questions: string[]; deadline: string; title?: string }): string {
  return [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION SECTOR',
    `STUDY GROUP ${opts.sg}`,
    '',
    `Question(s): ${opts.questions.map((q) => q.replace(/^Q/, '')).join(', ')}`,
    '',
    'LIAISON STATEMENT',
    '',
    'Source: ISO/IEC JTC 1/SC 41',
    `Title: ${opts.title ?? 'Liaison statement on digital twin terminology'}`,
    '',
    'Purpose: Action',
    `Deadline: ${opts.deadline}`,
    '',
    'LIAISON STATEMENT',
    `For action to: ITU-T Study Group ${opts.sg}`,
    'Approval: SC 41 plenary',
    '',
    `SC 41 asks Study Group ${opts.sg} to comment on the attached terminology draft and to reply by ${opts.deadline}.`,
  ].join('\n');
}
