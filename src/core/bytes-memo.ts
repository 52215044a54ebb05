/**
 * Records read from Redis again and again (a deadline's fact, a search entry), parsed once per stored form: a record
 * read before with the very same bytes is the value parsed then, with no JSON.parse and no schema check. Keyed and
 * compared byte for byte, it never gives a record that changed: a correction or a new parse writes other bytes.
 * Bounded: cleared when full.
 */
export class BytesMemo<K, T> {
  private readonly known = new Map<K, { raw: Buffer; value: T }>();

  constructor(private readonly max: number) {}

  /** The value parsed before from the very bytes `raw` under `key`, or `undefined` when there is none. */
  peek(key: K, raw: Buffer): T | undefined {
    const known = this.known.get(key);
    return known && known.raw.equals(raw) ? known.value : undefined;
  }

  /** The value of `raw` stored under `key`: the one parsed before from the same bytes, else `parse`'s (kept unless `null`). */
  read(key: K, raw: Buffer, parse: (text: string) => T | null): T | null {
    const known = this.known.get(key);
    if (known && known.raw.equals(raw)) return known.value;
    const value = parse(raw.toString());
    if (value !== null) {
      if (this.known.size >= this.max) this.known.clear();
      // A copy: a reply's Buffer is a view on the socket's read chunk, which it would keep alive.
      this.known.set(key, { raw: Buffer.from(raw), value });
    }
    return value;
  }
}
