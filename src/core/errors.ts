/**
 * The error catalogue: every failure a user can meet has a stable code, a message for people that says how to fix
 * it, and an exit code for the CLI. Tests assert codes, users never see a stack trace.
 */

export const ERROR_CODES = {
  E_USAGE: { exit: 2, retryable: false, summary: 'The command was not used correctly.' },
  E_UNKNOWN_COMMAND: { exit: 2, retryable: false, summary: 'No such command.' },
  E_UNKNOWN_GROUP: { exit: 1, retryable: false, summary: 'No such study group is known.' },
  E_NOT_FOUND: { exit: 1, retryable: false, summary: 'Nothing matches.' },
  E_FILE: { exit: 1, retryable: false, summary: 'The file cannot be read.' },
  E_BAD_DOCUMENT: { exit: 1, retryable: false, summary: 'The document cannot be parsed.' },
  E_TOO_LARGE: { exit: 1, retryable: false, summary: 'The input is larger than the configured limit.' },
  E_UNSUPPORTED: { exit: 1, retryable: false, summary: 'This kind of file is not supported.' },
  E_CONFIG: { exit: 1, retryable: false, summary: 'A setting is missing or wrong.' },
  E_BUSY: { exit: 1, retryable: true, summary: 'Another worker is doing the same thing; it is retried.' },
  E_FORBIDDEN: { exit: 1, retryable: false, summary: 'You may not do this.' },
  E_MAIL_DELIVERY: { exit: 1, retryable: true, summary: 'Mail could not be handed to the SMTP server (retried unless the server refused it for good).' },
  E_CHAT_DELIVERY: { exit: 1, retryable: true, summary: 'A chat platform did not take a post (retried unless it refused it for good).' },
  E_SLACK_DELIVERY: { exit: 1, retryable: false, summary: 'Slack did not take a reply, after its retries or for good.' },
  E_TEAMS_DELIVERY: { exit: 1, retryable: false, summary: 'Teams did not take a message, after its retries or for good.' },
  E_RETRY_LATER: { exit: 1, retryable: true, summary: 'Nothing could be delivered now; it is tried again later.' },
  E_STORE: { exit: 1, retryable: true, summary: 'The store (Redis) cannot be reached or answered an error.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * An error meant for people: `message` says what went wrong and how to fix it.
 *
 * @example throw new SgbotError('E_UNKNOWN_GROUP', 'No study group "SG99". Known groups: SG2, SG3, …')
 */
export class SgbotError extends Error {
  readonly code: ErrorCode;
  /** How long to wait before trying again, when whoever refused said so (a platform's `Retry-After`); else `null`. */
  readonly retryAfterMs: number | null;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterMs?: number | null }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SgbotError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }

  /** Process exit code for the CLI: 1 for a failure the user can fix, 2 for bad usage. */
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /**
   * Whether trying the same thing again later may succeed (the store was busy or unreachable). Errors about the
   * input itself are not: jobs give them up at once instead of retrying.
   */
  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }
}

/** `true` when `err` is an {@link SgbotError}, optionally of the given code. */
export function isSgbotError(err: unknown, code?: ErrorCode): err is SgbotError {
  return err instanceof SgbotError && (code === undefined || err.code === code);
}
