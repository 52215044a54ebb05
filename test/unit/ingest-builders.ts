/**
 * Builders of test inputs for the ingest tests: Word files, PDFs, zip archives and MIME mails made on the fly,
 * and a temporary folder per test.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, expect } from 'vitest';
import { SgbotError } from '../../src/core/errors.ts';

/** A temporary folder: `path(name)` is a path inside it, `write(name, data)` writes a file there. */
export interface TmpDir {
  dir: string;
  path: (name: string) => string;
  write: (name: string, data: string | Uint8Array) => Promise<string>;
}

/** A fresh temporary folder for each test of the calling file, removed afterwards. */
export function useTmpDir(): TmpDir {
  const tmp: TmpDir = {
    dir: '',
    path: (name: string) => join(tmp.dir, name),
    write: async (name: string, data: string | Uint8Array) => {
      const path = join(tmp.dir, name);
      await writeFile(path, data);
      return path;
    },
  };
  beforeEach(async () => {
    tmp.dir = await mkdtemp(join(tmpdir(), 'sgbot-ingest-'));
  });
  afterEach(async () => {
    await rm(tmp.dir, { recursive: true, force: true });
  });
  return tmp;
}

/** A .docx with an introductory paragraph and a two-row key-deadlines table. */
export async function makeDeadlinesDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Collective letter 7/20: fourth meeting of the study group.')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('12 May 2026'), cell('Deadline for written contributions')] }),
              new TableRow({ children: [cell('26 May 2026'), cell('Registration closes')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A PDF with the given lines of text on its first page (and an optional second page). */
export async function makePdf(lines: string[], secondPage?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - 20 * i, size: 12, font }));
  if (secondPage !== undefined) doc.addPage().drawText(secondPage, { x: 50, y: 750, size: 12, font });
  return doc.save();
}

/** A PDF with one blank page: no text layer, like a scan. */
export async function makeBlankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

/** A PDF that asks for a user password (its /U entry matches no empty password). */
export async function makePasswordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Confidential', { x: 50, y: 750, size: 12 });
  const context = doc.context;
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      Length: 40,
      P: -4,
      O: PDFHexString.of('a'.repeat(64)),
      U: PDFHexString.of('b'.repeat(64)),
    }),
  );
  context.trailerInfo.ID = context.obj([PDFHexString.of('c'.repeat(32)), PDFHexString.of('c'.repeat(32))]);
  return doc.save({ useObjectStreams: false });
}

/** One file of {@link makeZip}: `declaredSize` overrides the uncompressed size written in the headers. */
export interface ZipInput {
  name: string;
  data: Buffer;
  declaredSize?: number;
}

/** A zip archive (deflated entries) written byte by byte, so that tests can make it lie about sizes. */
export function makeZip(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const compressed = deflateRawSync(input.data);
    const crc = crc32(input.data);
    const size = input.declaredSize ?? input.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An attachment of {@link makeMail}. */
export interface MailAttachment {
  filename?: string;
  contentType: string;
  content: Buffer | Uint8Array | string;
}

/** Parts of a hand-written MIME mail. */
export interface MailInput {
  /** The mail's Date header (default Tue, 03 Mar 2026 10:15:00 +0100). */
  date?: string;
  messageId?: string;
  subject?: string;
  /** `text/plain` body (sent as UTF-8 8bit), or none. */
  text?: string;
  /** `text/html` body, sent quoted-printable exactly as given (write `=3D` for "="). */
  htmlQuotedPrintable?: string;
  attachments?: MailAttachment[];
}

/** A multipart/mixed mail with CRLF line ends, base64 attachments wrapped at 76 characters. */
export function makeMail(input: MailInput): Buffer {
  const boundary = '----=_sgbot_test_boundary_42';
  const lines = [
    'From: "ITU-T TSB" <tsbsg20@itu.int>',
    'To: t25sg20@lists.itu.int',
    `Subject: ${input.subject ?? 'Collective letter 7/20'}`,
    `Date: ${input.date ?? 'Tue, 03 Mar 2026 10:15:00 +0100'}`,
    `Message-ID: ${input.messageId ?? '<cl7-20@itu.int>'}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
  ];
  if (input.text !== undefined) {
    lines.push(`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
    lines.push('', input.text);
  }
  if (input.htmlQuotedPrintable !== undefined) {
    lines.push(`--${boundary}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable');
    lines.push('', input.htmlQuotedPrintable);
  }
  for (const attachment of input.attachments ?? []) {
    const name = attachment.filename === undefined ? '' : `; filename="${attachment.filename}"`;
    if (attachment.contentType === 'message/rfc822') {
      lines.push(`--${boundary}`, 'Content-Type: message/rfc822', `Content-Disposition: attachment${name}`);
      lines.push('', String(attachment.content));
      continue;
    }
    const base64 = Buffer.from(attachment.content).toString('base64').replace(/.{76}/g, '$&\r\n');
    lines.push(
      `--${boundary}`,
      `Content-Type: ${attachment.contentType}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment${name}`,
      '',
      base64,
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n').replace(/\r?\n/g, '\r\n'), 'utf8');
}

/** The MIME type of .docx files. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Awaits `action` and returns the SgbotError it rejects with; fails the test if it resolves or rejects otherwise. */
export async function failure(action: Promise<unknown>): Promise<SgbotError> {
  const err: unknown = await action.then(
    () => new Error('expected a rejection, but it resolved'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SgbotError);
  return err as SgbotError;
}
