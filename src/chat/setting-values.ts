/**
 * Small readers shared by the chat adapters' settings: a value from a settings record (blank counts as unset) and a
 * whole number in a range, each collecting a message for people instead of throwing, so one error lists them all.
 */

/** A reader of `env` where an empty or blank value counts as unset. */
export function settingReader<K extends string>(env: Record<string, string | undefined>): (key: K) => string | undefined {
  return (key) => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
}

/** `value` as a whole number from `min` to `max`; `fallback` when unset; on a bad value, a message in `problems`. */
export function settingInt(value: string | undefined, fallback: number, name: string, min: number, max: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
    return fallback;
  }
  return n;
}
