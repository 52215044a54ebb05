/**
 * Public iCalendar feeds: `GET /ical/SG20.ics`, `/ical/TSAG.ics`, `/ical/SG12RG-AFR.ics`, `/ical/Q4-20.ics`. The
 * canonical name of a Question's feed writes its slash as `-` ({@link calendarPath}); `/ical/Q4%2F20.ics`, other
 * spellings of a group (`sg20`) and a working party (`WP2-5`, the feed of SG5) are served too. No sign-in: calendar
 * clients cannot sign in, and the feeds hold only what the lists published.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildCalendar, calendarPath, parseCalendarScope, REFRESH_SECONDS, scopeLabel } from '../calendar/ical.ts';
import { feedItems } from '../calendar/feed-items.ts';
import type { DocumentStore } from '../store/store.ts';

/** What the feeds need. */
export interface IcalRouteDeps {
  store: DocumentStore;
  /** The address people reach sgbot at (`SGBOT_PUBLIC_URL`), without a trailing slash or with one. */
  publicUrl: string;
  /** Link to a document, `{id}` replaced by its id (`SGBOT_DOC_URL`); default `<publicUrl>/doc/{id}`. */
  docUrl?: string | null;
  /** The clock (epoch ms); the real one by default. */
  now?: () => number;
}

/** How far back a feed reaches: events of the past year stay in subscribers' calendars. */
const HISTORY_MS = 366 * 86_400_000;

/** How long a proxy or client may reuse a feed without asking again (s); shorter than the refresh hint. */
const MAX_AGE_S = Math.min(900, REFRESH_SECONDS);

function notFound(res: FastifyReply, text: string) {
  return res.code(404).type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(`${text}\n`);
}

/** Register `GET /ical/:file` (and its HEAD) on `app`. */
export function registerIcalRoutes(app: FastifyInstance, deps: IcalRouteDeps): void {
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const docUrl = (id: string) => (deps.docUrl ? deps.docUrl.replace('{id}', encodeURIComponent(id)) : `${publicUrl}/doc/${encodeURIComponent(id)}`);
  const now = deps.now ?? Date.now;

  app.get<{ Params: { file: string } }>('/ical/:file', async (req, res) => {
    const name = /^(.+)\.ics$/i.exec(req.params.file)?.[1];
    const scope = name ? parseCalendarScope(name) : null;
    if (!scope) {
      const shown = req.params.file.slice(0, 60).replace(/[^\x20-\x7e]/g, '?');
      return notFound(res, `No calendar "${shown}": name an ITU-T group or Question, such as /ical/SG20.ics, /ical/TSAG.ics, /ical/SG12RG-AFR.ics or /ical/Q4-20.ics.`);
    }
    const items = await feedItems(deps.store, scope, now() - HISTORY_MS);
    const feedUrl = `${publicUrl}${calendarPath(scopeLabel(scope))}`;
    const body = `${buildCalendar(scope, items, { feedUrl, docUrl }).toString()}\r\n`;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    res
      .header('etag', etag)
      .header('cache-control', `public, max-age=${MAX_AGE_S}`)
      .header('content-disposition', `inline; filename="${scopeLabel(scope).replace('/', '-')}.ics"`);
    const modified = Math.max(0, ...items.map((i) => i.modified));
    if (modified > 0) res.header('last-modified', new Date(modified).toUTCString());
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return res.code(304).send();
    return res.type('text/calendar; charset=utf-8').send(body);
  });
}
