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

/** Secrets inside text, and what replaces them. */
const SECRET_TEXT: ReadonlyArray<[RegExp, string]> = [
  // scheme://user:password@host → scheme://user:***@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s/]+@/gi, '$1***@'],
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
  let out = text;
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

/** Paths pino redacts after serializers ran (request and response headers of HTTP serializers). */
const HEADER_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]', '*.headers.authorization', '*.headers.cookie'];

/**
 * A logger at `level` writing JSON lines to stderr (stdout is kept for command output).
 *
 * @example createLogger('info').child({ jobId: 'raw-…' }).info({ docs: 2 }, 'ingested')
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
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
        logMethod(args: unknown[], method) {
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
