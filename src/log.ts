/**
 * Structured logs (pino) to stderr, with secrets redacted wherever they appear: values of fields named like secrets
 * (passwords, tokens, signing and client secrets, API and private keys, authorization headers, cookies) at any depth,
 * and inside any logged text — the message, field values, child-logger bindings and error messages — the password of
 * a connection URL (`redis://:pw@host`, `imap://user:pw@host`, `smtp://…`), secret query parameters (`?token=…`),
 * `Bearer`/`Basic` credentials and Slack tokens.
 */
import { pino, stdSerializers, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are never logged (case-insensitive, at any depth). */
const SECRET_KEY = /^(?:pass|passwd|.*passw(?:or)?d.*|.*secret|.*token|.*tokens|authorization|proxy-authorization|.*cookie|.*cookies|.*api[-_]?key|.*private[-_]?key|credentials?)$/i;

/** A URL-like token: a scheme, `//`, and what follows up to white space or a quote. */
const URL_TOKEN = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s"'<>`]+)/gi;

/**
 * The part of a URL after `scheme://` with its password replaced by `***`, also when the URL is malformed: the
 * password runs from the first `:` of the user part to the last `@` (`user@host:pw@mail` → `user@host:***@mail`,
 * `user:p@ss/w@host` → `user:***@host`); with no `@`, a "port" that is not a number is taken for a password
 * (`user:pw` → `user:***`). A port followed by a path (`host:8080/a@b`) is left as it is.
 */
function redactAuthority(rest: string): string {
  const at = rest.lastIndexOf('@');
  const colon = rest.indexOf(':');
  if (at > 0) {
    if (colon < 0 || colon > at) return rest;
    const afterColon = rest.slice(colon + 1, at);
    if (/^\d{1,5}\//.test(afterColon) && !rest.slice(0, colon).includes('/')) return rest;
    if (rest.slice(0, colon).includes('/')) return rest;
    return `${rest.slice(0, colon + 1)}***${rest.slice(at)}`;
  }
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const c = authority.indexOf(':');
  if (c < 0 || /^\d*$/.test(authority.slice(c + 1)) || authority.startsWith('[')) return rest;
  return `${authority.slice(0, c + 1)}***${end < 0 ? '' : rest.slice(end)}`;
}

/** Secrets inside text, and what replaces them. */
const SECRET_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/([?&](?:token|access_token|password|pass|secret|api_key|apikey|key|sig|signature)=)[^&\s#"'<>]+/gi, '$1***'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 ***'],
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, '$1-***'],
];

const CENSOR = '***';

/**
 * `text` with the secrets it contains replaced by `***`.
 *
 * @example redactText('connecting to redis://:hunter2@db:6379') === 'connecting to redis://:***@db:6379'
 */
export function redactText(text: string): string {
  let out = text.replace(URL_TOKEN, (_m, scheme: string, rest: string) => scheme + redactAuthority(rest));
  for (const [re, by] of SECRET_TEXT) out = out.replace(re, by);
  return out;
}

/** A copy of `value` with secret-named fields censored and secrets in strings redacted (plain objects and arrays). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? CENSOR : redactValue(v, depth + 1);
  return out;
}

/** How long an identical warning is not written again, ms. */
const REPEAT_WINDOW_MS = 60_000;

/** Paths pino redacts after serializers ran (request and response headers of HTTP serializers). */
const HEADER_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]', '*.headers.authorization', '*.headers.cookie'];

/**
 * A logger at `level` writing JSON lines to stderr (stdout is kept for command output).
 *
 * @example createLogger('info').child({ jobId: 'raw-…' }).info({ docs: 2 }, 'ingested')
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  // A warning or error said again in the same words within a minute (each connection retrying while Redis is down)
  // is written once; the next one after the minute carries how many were left out.
  const seen = new Map<string, { at: number; skipped: number }>();
  const repeated = (args: unknown[]): boolean => {
    const fields = typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : {};
    const err = fields['err'];
    const key = `${args.find((a) => typeof a === 'string') ?? ''}\u0000${err instanceof Error ? err.message : typeof err === 'string' ? err : ''}`;
    const now = Date.now();
    const last = seen.get(key);
    if (last && now - last.at < REPEAT_WINDOW_MS) {
      last.skipped++;
      return true;
    }
    if (seen.size > 500) seen.clear();
    seen.set(key, { at: now, skipped: 0 });
    if (last?.skipped && typeof args[0] === 'object' && args[0] !== null && !(args[0] instanceof Error)) args[0] = { ...fields, repeated: last.skipped };
    return false;
  };
  const logger = pino(
    {
      level,
      base: { name: 'sgbot' },
      redact: { paths: HEADER_PATHS, censor: CENSOR },
      // The serialized error is not a plain object: copy it so that its message and stack are redacted too.
      // `err` is an Error in some calls and its message (a string) in others: only an Error is serialized as one.
      serializers: { err: (err: unknown) => (err instanceof Error ? redactValue({ ...stdSerializers.err(err) }) : redactValue(err)) as ReturnType<typeof stdSerializers.err> },
      formatters: { log: (obj) => redactValue(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args: unknown[], method, level: number) {
          if (level >= 40 && repeated(args)) return;
          // The message (and printf-style arguments) may carry secrets too.
          const clean = args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>;
          method.apply(this, clean);
        },
      },
    },
    destination,
  );
  // pino applies no formatter to the bindings of child loggers: redact them here (children inherit this method).
  const child = Object.getPrototypeOf(logger) as Pick<Logger, 'child'>;
  logger.child = function (this: Logger, bindings, options) {
    return child.child.call(this, redactValue(bindings) as typeof bindings, options);
  } as Logger['child'];
  return logger;
}
