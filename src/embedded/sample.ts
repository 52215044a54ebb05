/**
 * The sample inbox of `sgbot start`: mail templates under `sample/inbox/` rendered for the current ISO week, so the
 * meetings are months ahead and every deadline is still to come whenever sgbot is started (in 2026 or in 2030).
 *
 * Dates hang on one anchor, the Monday (UTC) of the week of `today`: the letters are dated that Monday, the SG20
 * meeting opens on the Tuesday 12 weeks later and the SG13 meeting on the Monday 15 weeks later, and each deadline
 * sits at the usual distance before its meeting (two months, six weeks, one month, twelve days…). The same week
 * always gives the same bytes, so ingesting again is a no-op (content hash); a later week gives later letter dates
 * under the same references, so the store treats them as revisions that supersede the earlier ones.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { SgbotError } from '../core/errors.ts';

/** Where the templates and the demo roster live (`sample/` at the top of the repository). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** The named dates of one week's sample, as ISO dates (`2027-05-12`), and the week they were made for. */
export interface SampleDates {
  /** ISO week of the anchor, `2027-W19`: names the generation (Message-IDs carry it). */
  week: string;
  dates: Readonly<Record<SampleDateName, string>>;
}

export type SampleDateName =
  | 'sent'
  | 'lsApproved'
  | 'lsDeadline'
  | 'sg20Start'
  | 'sg20End'
  | 'sg20Newcomers'
  | 'sg20Caption'
  | 'sg20Fellow'
  | 'sg20Reg'
  | 'sg20Contrib'
  | 'circReply'
  | 'sg13Start'
  | 'sg13End'
  | 'sg13Interp'
  | 'sg13Fellow'
  | 'sg13Reg'
  | 'sg13Visa'
  | 'sg13Contrib';

/** A deadline that falls on a weekend moves back to the Friday before, as the secretariat would write it. */
function workday(d: DateTime): DateTime {
  return d.weekday === 6 ? d.minus({ days: 1 }) : d.weekday === 7 ? d.minus({ days: 2 }) : d;
}

/**
 * The dates of the sample for the week of `today` (its UTC calendar date).
 *
 * @example sampleDates(new Date('2026-11-21T10:00:00Z')).dates.sg20Start === '2027-02-09'
 */
export function sampleDates(today: Date): SampleDates {
  const anchor = DateTime.fromJSDate(today, { zone: 'utc' }).startOf('week');
  const sg20Start = anchor.plus({ weeks: 12, days: 1 });
  const sg13Start = anchor.plus({ weeks: 15 });
  const d: Record<SampleDateName, DateTime> = {
    sent: anchor,
    lsApproved: anchor.minus({ days: 3 }),
    lsDeadline: anchor.plus({ days: 18 }),
    sg20Start,
    sg20End: sg20Start.plus({ days: 9 }),
    sg20Newcomers: sg20Start.minus({ days: 5 }),
    sg20Caption: workday(sg20Start.minus({ months: 2 })),
    sg20Fellow: sg20Start.minus({ weeks: 6 }),
    sg20Reg: workday(sg20Start.minus({ months: 1 })),
    sg20Contrib: sg20Start.minus({ days: 13 }),
    circReply: sg20Start.minus({ days: 21 }),
    sg13Start,
    sg13End: sg13Start.plus({ days: 11 }),
    sg13Interp: workday(sg13Start.minus({ months: 2 })),
    sg13Fellow: sg13Start.minus({ weeks: 7 }),
    sg13Reg: workday(sg13Start.minus({ months: 1 })),
    sg13Visa: workday(sg13Start.minus({ months: 1 })),
    sg13Contrib: sg13Start.minus({ days: 12 }),
  };
  const dates = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.toISODate() as string])) as Record<SampleDateName, string>;
  return { week: anchor.toFormat("kkkk-'W'WW"), dates: Object.freeze(dates) };
}

const long = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('d LLLL yyyy');

/** `12-21 May 2027`, `28 April - 7 May 2027`, `28 December 2027 - 6 January 2028`: as letters write meeting dates. */
function range(startIso: string, endIso: string): string {
  const a = DateTime.fromISO(startIso, { zone: 'utc' }).setLocale('en-GB');
  const b = DateTime.fromISO(endIso, { zone: 'utc' }).setLocale('en-GB');
  if (a.year !== b.year) return `${a.toFormat('d LLLL yyyy')} - ${b.toFormat('d LLLL yyyy')}`;
  if (a.month !== b.month) return `${a.toFormat('d LLLL')} - ${b.toFormat('d LLLL yyyy')}`;
  return `${a.day}-${b.toFormat('d LLLL yyyy')}`;
}

/** A mail `Date:` header for the morning of `iso` (09:00 UTC). */
const rfc = (iso: string) => DateTime.fromISO(`${iso}T09:00:00`, { zone: 'utc' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");

/**
 * Fill the placeholders of one template: `{{d:NAME}}` (`12 May 2027`), `{{range:A..B}}` (`12-21 May 2027`),
 * `{{rfc:NAME}}` (a `Date:` header) and `{{week}}`.
 *
 * @throws SgbotError E_BAD_DOCUMENT naming a placeholder it does not know, so a typo in a template fails at once.
 */
export function renderSample(template: string, sample: SampleDates, name = 'template'): string {
  const date = (key: string): string => {
    const iso = sample.dates[key as SampleDateName];
    if (!iso) throw new SgbotError('E_BAD_DOCUMENT', `${name}: unknown sample date "${key}" (known: ${Object.keys(sample.dates).join(', ')}).`);
    return iso;
  };
  return template.replace(/\{\{([^{}]*)\}\}/g, (_m, body: string) => {
    const [kind = '', arg = ''] = body.trim().split(':', 2);
    if (kind === 'week' && arg === '') return sample.week;
    if (kind === 'd') return long(date(arg));
    if (kind === 'rfc') return rfc(date(arg));
    if (kind === 'range') {
      const [from = '', to = ''] = arg.split('..');
      return range(date(from), date(to));
    }
    throw new SgbotError('E_BAD_DOCUMENT', `${name}: unknown placeholder {{${body}}}.`);
  });
}

/** The sample templates (`*.eml` under `sample/inbox`), by file name, in name order. */
export async function readSampleTemplates(dir = join(SAMPLE_DIR, 'inbox')): Promise<Array<{ name: string; text: string }>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/** What {@link writeSampleInbox} wrote. */
export interface SampleInbox {
  week: string;
  dir: string;
  paths: string[];
}

/**
 * Render the sample inbox for the week of `today` into `<dataDir>/sample-inbox/` and return the paths of its mails.
 * Files keep their template names, so a new week overwrites the last one's; an unchanged file is not rewritten.
 */
export async function writeSampleInbox(opts: { dataDir: string; today?: Date; templatesDir?: string }): Promise<SampleInbox> {
  const sample = sampleDates(opts.today ?? new Date());
  const dir = join(opts.dataDir, 'sample-inbox');
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const t of await readSampleTemplates(opts.templatesDir)) {
    const path = join(dir, t.name);
    const text = renderSample(t.text, sample, t.name);
    const before = await readFile(path, 'utf8').catch(() => null);
    if (before !== text) await writeFile(path, text);
    paths.push(path);
  }
  return { week: sample.week, dir, paths };
}
