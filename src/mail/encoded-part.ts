/**
 * A text part of a message (plain text or HTML) encoded once and sent many times with other values in its slots: the
 * per-recipient tokens of a reminder's links. Encoding a 25 KB part as quoted-printable for every recipient is most of
 * what building a reminder mail costs; here it is done once per template, and filling a slot only joins strings.
 *
 * Substituting into an encoded body is safe only where the encoding cannot split or change the value: each literal
 * stretch of the text is quoted-printable encoded on its own and ends with a line break (a soft one, `=` CRLF, where
 * the text has none), and a slot's value goes on lines of its own, at most 75 characters each, every one ended by a
 * soft line break. A value may hold only characters quoted-printable writes as themselves and that are no line end
 * and no `=` (base64url, `.`, `~`): decoded, the part is then exactly the text with the values in the slots.
 * Pure: no I/O.
 */
import { encode, wrap } from 'nodemailer/lib/qp';

/** What a slot's value may hold: characters quoted-printable writes as is; no line end, no `=`, no space. */
const SLOT_VALUE = /^[A-Za-z0-9._~-]*$/;

/** Longest encoded line before its soft line break (RFC 2045: 76 characters with the `=`). */
const LINE = 75;

/** A part's headers as nodemailer writes them for a text part it encodes as quoted-printable. */
function partHeaders(contentType: string): string {
  return `Content-Type: ${contentType}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
}

/** `text` encoded as quoted-printable, ending with a line break (a soft one when the text itself ends in none). */
function encodeStretch(text: string, last: boolean): string {
  if (text.length === 0) return '';
  const out = wrap(encode(text), LINE);
  return last || out.endsWith('\n') ? out : `${out}=\r\n`;
}

/** `value` on lines of its own, each ended by a soft line break; `null` when it holds a character it may not. */
function encodeValue(value: string): string | null {
  if (!SLOT_VALUE.test(value)) return null;
  let out = '';
  for (let i = 0; i < value.length; i += LINE) out += `${value.slice(i, i + LINE)}=\r\n`;
  return out;
}

/** A text part encoded once, with slots. */
export class EncodedPart {
  /** Encoded stretches at the even places, slot names at the odd ones. */
  private readonly pieces: readonly string[];

  /**
   * @param contentType the part's Content-Type, e.g. `text/html; charset=utf-8`
   * @param parts the part's text split around its slots: literal text at the even places, slot names at the odd ones
   *   (what `text.split(/(slot)/)` gives)
   */
  constructor(contentType: string, parts: readonly string[]) {
    this.pieces = parts.map((part, i) => (i % 2 === 1 ? part : (i === 0 ? partHeaders(contentType) : '') + encodeStretch(part, i === parts.length - 1)));
  }

  /**
   * The whole MIME part (its headers and its encoded body) with `value(slot)` in every slot: for nodemailer's `raw`
   * content of a text or HTML part. `null` when a value holds a character no slot may hold (then encode the text
   * filled in as usual).
   */
  fill(value: (slot: string) => string): string | null {
    let out = '';
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i] as string;
      if (i % 2 === 0) {
        out += piece;
        continue;
      }
      const encoded = encodeValue(value(piece));
      if (encoded === null) return null;
      out += encoded;
    }
    return out;
  }
}
