/**
 * Zod rules for settings given as text (environment variables, `.env`), shared by the one settings schema
 * (src/config.ts) and the platform schemas it composes (src/chat/slack/settings.ts, src/chat/teams/settings.ts). A
 * blank value counts as unset. Each rule says, in its message, what is wrong and how to fix it; a secret is never
 * repeated in a message.
 */
import { z } from 'zod';
import { SgbotError } from './core/errors.ts';
import { isValidZone } from './core/time.ts';

/** Checks a set value (trimmed) and reports each problem through `say`. */
export type SettingCheck = (value: string, say: (message: string) => void) => void;

/** A value as read: trimmed, `undefined` when unset or blank. */
export function settingValue(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** An optional text setting, checked by `check` when set; it stays text (the platform schemas read it). */
export function textSetting(check?: SettingCheck) {
  return z
    .string()
    .optional()
    .superRefine((raw, ctx) => {
      const v = settingValue(raw);
      if (v !== undefined && check) check(v, (message) => ctx.addIssue({ code: 'custom', message }));
    });
}

/** A check for a whole number from `min` to `max`. */
export function wholeNumber(name: string, min: number, max: number): SettingCheck {
  return (v, say) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) say(`${name} must be a whole number from ${min} to ${max}, not "${v}".`);
  };
}

/** `value` as a whole number, `fallback` when unset (call after {@link wholeNumber} passed). */
export function numberOr(value: string | undefined, fallback: number): number {
  const v = settingValue(value);
  return v === undefined ? fallback : Number(v);
}

/** `SGBOT_TZ`: an IANA zone. */
export const zoneCheck: SettingCheck = (v, say) => {
  if (!isValidZone(v)) say(`SGBOT_TZ must be an IANA time zone such as Europe/Zurich, not "${v}".`);
};

/** `SGBOT_DOC_URL`: an http(s) URL with `{id}` where the document id goes. */
export const docUrlCheck: SettingCheck = (v, say) => {
  if (!/^https?:\/\/\S*\{id\}\S*$/.test(v)) say('SGBOT_DOC_URL must be an http(s) URL containing {id}, such as https://sgbot.example.org/doc/{id}.');
};

/** Run `check` on `env[key]` when set, adding its problems to `ctx` (for checks that depend on other settings). */
export function checkSetting(env: Record<string, string | undefined>, key: string, check: SettingCheck, ctx: z.RefinementCtx): void {
  const v = settingValue(env[key]);
  if (v !== undefined) check(v, (message) => ctx.addIssue({ code: 'custom', message, path: [key] }));
}

/**
 * Parse `env` with a platform's schema; every problem is listed in one `E_CONFIG` error, `label` naming the platform.
 *
 * @example parseSettings(slackSchema, process.env, 'Slack')
 */
export function parseSettings<T>(schema: z.ZodType<T>, env: Record<string, string | undefined>, label: string): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.message}`);
  throw new SgbotError('E_CONFIG', `Invalid ${label} settings:\n${problems.join('\n')}\nTo resolve, fix these environment variables (or .env).`);
}
