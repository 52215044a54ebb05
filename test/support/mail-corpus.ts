/**
 * A hostile mail corpus, generated in the tests' own words: MIME as real lists send it (digests, forwards,
 * charsets, inline parts) and as broken senders send it (no boundary, truncated base64, binary junk, no headers),
 * plus the bytes a mail carries (a Word 97 .doc built here, a zip bomb .docx, a 50 MB attachment written to disk).
 * Nothing here uses the code under test.
 */

import { open } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';

/** A MIME entity: headers in order, then either a body or parts (a multipart, with `boundary`). */
export interface Entity {
  headers: Array<[string, string]>;
  body?: Buffer | string;
  parts?: Entity[];
  boundary?: string;
  /** Leave out the closing delimiter `--boundary--` (a mail cut short). */
  unterminated?: boolean;
}

/** Bytes of an entity, CRLF line ends; a string body is written as Latin-1 bytes (so "\xe8" is one byte). */
export function render(entity: Entity): Buffer {
  const head = entity.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
  const chunks: Buffer[] = [Buffer.from(head, 'latin1')];
  if (entity.parts !== undefined) {
    const boundary = entity.boundary ?? 'sgbot-corpus-boundary';
    for (const part of entity.parts) chunks.push(Buffer.from(`--${boundary}\r\n`), render(part), Buffer.from('\r\n'));
    if (entity.unterminated !== true) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  } else if (entity.body !== undefined) {
    chunks.push(typeof entity.body === 'string' ? Buffer.from(entity.body, 'latin1') : entity.body);
  }
  return Buffer.concat(chunks);
}

/** Standard headers of a list mail from the SG20 secretariat. */
export function listHeaders(overrides: Record<string, string> = {}): Array<[string, string]> {
  const base: Record<string, string> = {
    From: '"ITU-T TSB" <tsbsg20@itu.int>',
    To: 't22sg20@lists.itu.int',
    Subject: 'Collective letter 9/20',
    Date: 'Wed, 04 Mar 2026 08:30:00 +0000',
    'Message-ID': '<cl9-20@itu.int>',
    'MIME-Version': '1.0',
    ...overrides,
  };
  return Object.entries(base).filter(([, v]) => v !== '');
}

/** base64 wrapped at 76 characters. */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
}

/** Quoted-printable (RFC 2045): bytes that are not printable ASCII as =XX, soft line breaks before 76. */
export function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (const line of Buffer.from(bytes).toString('latin1').split(/\r?\n/)) {
    let out = '';
    let width = 0;
    for (let i = 0; i < line.length; i += 1) {
      const c = line.charCodeAt(i);
      const last = i === line.length - 1;
      const plain = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !last);
      const token = plain ? line[i] ?? '' : `=${c.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + token.length > 75) {
        out += '=\r\n';
        width = 0;
      }
      out += token;
      width += token.length;
    }
    lines.push(out);
  }
  return lines.join('\r\n');
}

const reverseMaps = new Map<string, Map<string, number[]>>();

/**
 * Encodes text in a legacy charset by inverting the platform's decoder: windows-1252 / iso-8859-1, koi8-r
 * (single byte) and gb2312 (double byte, GBK range). Throws on a character the charset does not have.
 */
export function encodeCharset(text: string, charset: 'windows-1252' | 'iso-8859-1' | 'koi8-r' | 'gb2312'): Buffer {
  if (charset === 'iso-8859-1') return Buffer.from(text, 'latin1');
  let map = reverseMaps.get(charset);
  if (map === undefined) {
    map = new Map();
    if (charset === 'gb2312') {
      const decoder = new TextDecoder('gbk');
      for (let hi = 0xa1; hi <= 0xf7; hi += 1) {
        for (let lo = 0xa1; lo <= 0xfe; lo += 1) map.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
      }
    } else {
      const decoder = new TextDecoder(charset);
      for (let b = 0x80; b <= 0xff; b += 1) map.set(decoder.decode(Uint8Array.of(b)), [b]);
      // Node's windows-1252 decoder maps 0x80-0x9F to C1 controls; the characters Windows puts there:
      if (charset === 'windows-1252') for (const [ch, b] of [['€', 0x80], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['–', 0x96], ['—', 0x97]] as const) map.set(ch, [b]);
    }
    reverseMaps.set(charset, map);
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const encoded = map.get(ch);
    if (encoded === undefined) throw new Error(`encodeCharset: ${ch} is not in ${charset}`);
    bytes.push(...encoded);
  }
  return Buffer.from(bytes);
}

/** An RFC 2047 encoded word. */
export function encodedWord(bytes: Uint8Array, charset: string, encoding: 'B' | 'Q'): string {
  const text =
    encoding === 'B'
      ? Buffer.from(bytes).toString('base64')
      : [...bytes].map((b) => (b === 0x20 ? '_' : b > 32 && b < 127 && b !== 61 && b !== 63 && b !== 95 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?${charset}?${encoding}?${text}?=`;
}

/** A text/plain part in a charset and transfer encoding. */
export function textPart(text: string, charset: 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'koi8-r' | 'gb2312', cte: '8bit' | 'quoted-printable' | 'base64'): Entity {
  const bytes = charset === 'utf-8' ? Buffer.from(text, 'utf8') : encodeCharset(text, charset);
  const body = cte === 'base64' ? base64(bytes) : cte === 'quoted-printable' ? quotedPrintable(bytes) : bytes;
  return { headers: [['Content-Type', `text/plain; charset=${charset}`], ['Content-Transfer-Encoding', cte]], body };
}

/** An attachment, base64, with a file name. */
export function attachment(filename: string, type: string, content: Uint8Array, disposition = 'attachment'): Entity {
  return {
    headers: [
      ['Content-Type', `${type}; name="${filename}"`],
      ['Content-Transfer-Encoding', 'base64'],
      ['Content-Disposition', `${disposition}; filename="${filename}"`],
    ],
    body: base64(content),
  };
}

/** A mail forwarding another, `depth` times nested: level N's body says "Forward level N". */
export function nestedForwards(depth: number): Buffer {
  let inner: Buffer = render({
    headers: listHeaders({ 'Message-ID': `<level-${depth}@example.org>`, Subject: `Level ${depth}`, From: 'rapporteur@example.org' }),
    body: `Forward level ${depth}: the Q11/20 meeting is moved to 20 April 2026.\r\n`,
  });
  for (let level = depth - 1; level >= 0; level -= 1) {
    inner = render({
      headers: [
        ...listHeaders({ 'Message-ID': `<level-${level}@example.org>`, Subject: `Fwd: level ${level + 1}` }),
        ['Content-Type', `multipart/mixed; boundary="fwd-${level}"`],
      ],
      boundary: `fwd-${level}`,
      parts: [
        textPart(`Forward level ${level}: see the mail below.`, 'utf-8', '8bit'),
        { headers: [['Content-Type', 'message/rfc822'], ['Content-Disposition', 'inline']], body: inner },
      ],
    });
  }
  return inner;
}

/**
 * A MIME digest of three messages, as list servers send it: a table of contents, then a multipart/digest whose
 * first message is typed explicitly and the two others rely on the digest's default type (message/rfc822), one
 * of them starting with its headers right after the delimiter.
 */
export function digestOfThree(): Buffer {
  const message = (n: number, subject: string, text: string): Buffer =>
    render({
      headers: [
        ['From', `delegate${n}@example.org`],
        ['To', 't22sg20q1@lists.itu.int'],
        ['Subject', subject],
        ['Date', `Mon, 02 Mar 2026 0${n}:00:00 +0000`],
        ['Message-ID', `<digest-msg-${n}@example.org>`],
      ],
      body: `${text}\r\n`,
    });
  const digest = Buffer.concat([
    Buffer.from('--dig\r\nContent-Type: message/rfc822\r\n\r\n'),
    message(1, 'Q1/20 draft agenda', 'The draft agenda of the Q1/20 meeting is posted.'),
    Buffer.from('\r\n--dig\r\n\r\n'),
    message(2, 'Re: Q1/20 draft agenda', 'Please add an item on digital twins.'),
    Buffer.from('\r\n--dig\r\n'),
    message(3, 'Contribution deadline', 'Contributions are due by 12 May 2026.'),
    Buffer.from('\r\n--dig--\r\n'),
  ]);
  return render({
    headers: [
      ...listHeaders({ From: 't22sg20q1-request@lists.itu.int', To: 't22sg20q1@lists.itu.int', Subject: 't22sg20q1 Digest, Vol 4, Issue 2', 'Message-ID': '<digest-4-2@lists.itu.int>' }),
      ['Content-Type', 'multipart/mixed; boundary="outer"'],
    ],
    boundary: 'outer',
    parts: [
      textPart("Today's Topics:\r\n  1. Q1/20 draft agenda\r\n  2. Re: Q1/20 draft agenda\r\n  3. Contribution deadline", 'utf-8', '8bit'),
      { headers: [['Content-Type', 'multipart/digest; boundary="dig"']], body: digest },
    ],
  });
}

/** A .docx zip bomb: one 8 MiB part of spaces that deflates to a few KiB. */
export function zipBombDocx(): Buffer {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const compressed = deflateRawSync(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A minimal Word 97 document: an OLE compound file with a WordDocument stream (its FIB, then the text as UTF-16)
 * and a 1Table stream holding a one-piece piece table. Paragraphs end with CR, as Word writes them.
 */
export function makeDoc(paragraphs: string[]): Buffer {
  const text = `${paragraphs.join('\r')}\r`;
  const textBytes = Buffer.from(text, 'utf16le');
  const TEXT_AT = 0x800;
  const word = Buffer.alloc(Math.max(4096, TEXT_AT + textBytes.length + 512));
  word.writeUInt16LE(0xa5ec, 0); // wIdent
  word.writeUInt16LE(0x00c1, 2); // nFib: Word 97
  word.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: the piece table is in 1Table
  word.writeUInt32LE(TEXT_AT, 0x18); // fcMin
  word.writeUInt32LE(text.length, 0x4c); // ccpText
  textBytes.copy(word, TEXT_AT);
  const clx = Buffer.alloc(21);
  clx.writeUInt8(2, 0); // Pcdt
  clx.writeUInt32LE(16, 1); // two CPs and one piece descriptor
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(text.length, 9);
  clx.writeUInt32LE(TEXT_AT, 15); // fc without the "compressed" bit: UTF-16 text at this offset
  const table = Buffer.alloc(4096);
  clx.copy(table, 0);
  word.writeUInt32LE(0, 0x1a2); // fcClx
  word.writeUInt32LE(clx.length, 0x1a6); // lcbClx
  return makeOle([
    { name: 'WordDocument', data: word },
    { name: '1Table', data: table },
  ]);
}

/** An OLE compound file (version 3, 512-byte sectors) of streams of 4096 bytes or more (no mini stream). */
export function makeOle(streams: Array<{ name: string; data: Buffer }>): Buffer {
  const SECTOR = 512;
  const sectorsOf = (n: number): number => Math.ceil(n / SECTOR);
  const starts: number[] = [];
  let next = 2; // sector 0 is the FAT, sector 1 the directory
  for (const s of streams) {
    if (s.data.length < 4096) throw new Error('makeOle: a stream under 4096 bytes would need a mini stream');
    starts.push(next);
    next += sectorsOf(s.data.length);
  }
  if (next > SECTOR / 4 || streams.length > 3) throw new Error('makeOle: one FAT sector and one directory sector only');
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeInt32LE(-3, 0);
  fat.writeInt32LE(-2, 4);
  streams.forEach((s, i) => {
    const first = starts[i] ?? 0;
    const count = sectorsOf(s.data.length);
    for (let k = 0; k < count; k += 1) fat.writeInt32LE(k === count - 1 ? -2 : first + k + 1, 4 * (first + k));
  });
  const dir = Buffer.alloc(SECTOR);
  for (let i = 0; i < 4; i += 1) dir.fill(0xff, i * 128 + 68, i * 128 + 80);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number): void => {
    const at = index * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67);
    dir.writeInt32LE(right, at + 72);
    dir.writeInt32LE(child, at + 76);
    dir.writeInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : -1, -1, -2, 0);
  streams.forEach((s, i) => entry(i + 1, s.name, 2, -1, i + 2 <= streams.length ? i + 2 : -1, starts[i] ?? 0, s.data.length));
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeInt32LE(1, 0x2c); // one FAT sector
  header.writeInt32LE(1, 0x30); // the directory is sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeInt32LE(-2, 0x3c); // no mini FAT
  header.writeInt32LE(-2, 0x44); // no DIFAT sector
  header.fill(0xff, 0x4c);
  header.writeInt32LE(0, 0x4c); // the FAT is sector 0
  const body = streams.map((s) => {
    const padded = Buffer.alloc(sectorsOf(s.data.length) * SECTOR);
    s.data.copy(padded);
    return padded;
  });
  return Buffer.concat([header, fat, dir, ...body]);
}

/**
 * Writes to `path` a mail whose attachment `annex.pdf` decodes to `attachmentBytes` bytes, streaming it in 1 MiB
 * writes so that the test process never holds it. Returns the file size.
 */
export async function writeMailWithHugeAttachment(path: string, attachmentBytes: number): Promise<number> {
  const file = await open(path, 'w');
  try {
    const head = render({
      headers: [...listHeaders({ Subject: 'Meeting report with all annexes' }), ['Content-Type', 'multipart/mixed; boundary="big"']],
      boundary: 'big',
      unterminated: true,
      parts: [textPart('The report and its annexes are attached.', 'utf-8', '8bit')],
    });
    await file.write(head);
    await file.write('--big\r\nContent-Type: application/pdf; name="annex.pdf"\r\nContent-Transfer-Encoding: base64\r\n' +
      'Content-Disposition: attachment; filename="annex.pdf"\r\n\r\n');
    // 57 bytes make one 76-character base64 line; a block of 18 240 lines is about 1 MiB of bytes.
    const LINE = 57;
    const block = Buffer.alloc(LINE * 18_240);
    for (let i = 0; i < block.length; i += 1) block[i] = (i * 2_654_435_761) >>> 24;
    const encodedBlock = Buffer.from(base64(block) + '\r\n');
    let written = 0;
    while (written + block.length <= attachmentBytes) {
      await file.write(encodedBlock);
      written += block.length;
    }
    const tail = block.subarray(0, attachmentBytes - written);
    await file.write(Buffer.from(base64(tail) + '\r\n--big--\r\n'));
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
}

/** An mbox (mboxrd) of the given raw messages, with `From ` lines and quoting of `>*From ` body lines. */
export function makeMbox(messages: Buffer[], options: { eol?: '\n' | '\r\n'; trailingNewline?: boolean } = {}): Buffer {
  const eol = options.eol ?? '\n';
  const out: string[] = [];
  messages.forEach((raw, i) => {
    const text = raw.toString('latin1').replace(/\r?\n/g, eol);
    const quoted = text.replace(/^(>*From )/gm, '>$1');
    out.push(`From sender${i}@example.org Tue Mar  3 10:1${i % 10}:00 2026${eol}${quoted}`);
    if (!quoted.endsWith(eol)) out.push(eol);
    out.push(eol);
  });
  let mbox = out.join('');
  if (options.trailingNewline === false) mbox = mbox.replace(/(?:\r?\n)+$/, '');
  return Buffer.from(mbox, 'latin1');
}
