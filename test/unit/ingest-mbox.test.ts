import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { iterateMaildir, maildirKey } from '../../src/ingest/maildir.ts';
import { iterateMbox, splitMbox, type MboxMessage } from '../../src/ingest/mbox.ts';
import { listInputFiles } from '../../src/ingest/walk.ts';
import { attachment, listHeaders, makeMbox, render, textPart } from '../support/mail-corpus.ts';
import { DOCX_TYPE, failure, makeDeadlinesDocx, useTmpDir } from './ingest-builders.ts';

const message = (n: number, body: string, eol = '\n'): Buffer =>
  Buffer.from(
    [`From: delegate${n}@example.org`, 'To: t22sg20@lists.itu.int', `Subject: Message ${n}`, `Message-ID: <m${n}@example.org>`, '', body].join(eol) + eol,
    'latin1',
  );

async function collect(iterable: AsyncIterable<MboxMessage>): Promise<MboxMessage[]> {
  const out: MboxMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

describe('iterateMbox', () => {
  const tmp = useTmpDir();
  const messages = [
    message(1, 'First body.'),
    message(2, 'From the chair: the meeting opens at 09:30.\n>From an earlier mail, quoted.\n\nFrom Tue Mar  3 10:15:00 2026 on, see above.'),
    message(3, 'Third body, last.'),
  ];

  it('yields each message as sent, with the offset of its From line and where the next one starts', async () => {
    const mbox = makeMbox(messages);
    const path = await tmp.write('archive.mbox', mbox);
    const read = await collect(iterateMbox(path));
    expect(read.map((m) => m.raw.toString('latin1'))).toEqual(messages.map((m) => m.toString('latin1')));
    expect(read.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(read.map((m) => m.truncated)).toEqual([false, false, false]);
    expect(read[1]?.fromLine).toBe('From sender1@example.org Tue Mar  3 10:11:00 2026');
    for (const [i, m] of read.entries()) {
      expect(mbox.toString('latin1', m.offset, m.offset + 5)).toBe('From ');
      expect(m.nextOffset).toBe(read[i + 1]?.offset ?? mbox.length);
      expect(m.size).toBe(m.raw.length);
    }
    // The same whatever the chunk size: lines and From lines cut across chunks are put together again.
    const small = await collect(iterateMbox(path, { chunkBytes: 7 }));
    expect(small.map((m) => [m.raw.toString('latin1'), m.offset, m.nextOffset])).toEqual(read.map((m) => [m.raw.toString('latin1'), m.offset, m.nextOffset]));
  });

  it('reads CRLF archives and a last message without a final line end', () => {
    const crlf = messages.map((m) => Buffer.from(m.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'));
    const mbox = makeMbox(crlf, { eol: '\r\n', trailingNewline: false });
    expect(mbox.subarray(-2).toString()).not.toBe('\r\n');
    const read = [...splitMbox(mbox, 'crlf.mbox', { chunkBytes: 5 })];
    expect(read.map((m) => m.raw.toString('latin1'))).toEqual([
      crlf[0]?.toString('latin1'),
      crlf[1]?.toString('latin1'),
      crlf[2]?.toString('latin1').replace(/\r\n$/, ''),
    ]);
  });

  it('resumes at a nextOffset, and refuses an offset that is not the start of a message', async () => {
    const path = await tmp.write('archive.mbox', makeMbox(messages));
    const all = await collect(iterateMbox(path));
    const second = all[1];
    if (second === undefined) throw new Error('no second message');
    const rest = await collect(iterateMbox(path, { startOffset: all[0]?.nextOffset ?? 0, startIndex: 1 }));
    expect(rest.map((m) => [m.index, m.offset, m.raw.toString('latin1')])).toEqual(all.slice(1).map((m) => [m.index, m.offset, m.raw.toString('latin1')]));
    const err = await failure(collect(iterateMbox(path, { startOffset: second.offset + 3 })));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toBe(
      `${path}: offset ${second.offset + 3} is not the start of a message (no "From " line there). ` +
        'Resume from the nextOffset of the last message read, or from 0.',
    );
  });

  it('cuts a message over maxMessageBytes, says so, and goes on with the next', async () => {
    const big = message(9, 'x'.repeat(5000));
    const path = await tmp.write('big.mbox', makeMbox([messages[0] ?? Buffer.alloc(0), big, messages[2] ?? Buffer.alloc(0)]));
    const read = await collect(iterateMbox(path, { maxMessageBytes: 1000, chunkBytes: 512 }));
    expect(read.map((m) => [m.truncated, m.raw.length])).toEqual([
      [false, messages[0]?.length],
      [true, 1000],
      [false, messages[2]?.length],
    ]);
    expect(read[1]?.size).toBe(big.length);
    expect(read[2]?.raw.toString('latin1')).toBe(messages[2]?.toString('latin1'));
  });

  it('refuses a file that does not start with a From line', async () => {
    const err = await failure(collect(iterateMbox(await tmp.write('mail.mbox', message(1, 'Hello')))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/mail\.mbox is not an mbox archive: it does not start with a "From " line/);
  });

  it('yields a message as soon as the next From line arrives, before the archive is complete', async () => {
    // A named pipe has no end until the writer closes it: reading it whole first could not yield anything.
    const fifo = tmp.path('live.mbox');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    const iterator = iterateMbox(fifo, { chunkBytes: 64 })[Symbol.asyncIterator]();
    const mbox = makeMbox(messages);
    // Up to the end of the second message's From line: the first message is then complete.
    const cut = mbox.indexOf('\n', mbox.indexOf('From sender1@')) + 1;
    writer.write(mbox.subarray(0, cut));
    const first: IteratorResult<MboxMessage> = await iterator.next();
    if (first.done === true) throw new Error('the archive ended before its first message');
    expect(first.value.raw.toString('latin1')).toBe(messages[0]?.toString('latin1'));
    writer.end(mbox.subarray(cut));
    const rest: MboxMessage[] = [];
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) rest.push(next.value);
    expect(rest.map((m) => m.index)).toEqual([1, 2]);
  });
});

describe('extractFile on .mbox', () => {
  const tmp = useTmpDir();

  it('extracts every message of the archive, each with its own Message-ID, and reports the unreadable ones', async () => {
    const withAnnex = render({
      headers: [...listHeaders({ 'Message-ID': '<with-annex@itu.int>' }), ['Content-Type', 'multipart/mixed; boundary="b"']],
      boundary: 'b',
      parts: [textPart('Collective letter attached.', 'utf-8', '8bit'), attachment('CL-9-20.docx', DOCX_TYPE, await makeDeadlinesDocx())],
    });
    const empty = Buffer.from('Subject: nothing here\n\n\n');
    const path = await tmp.write('sg20.mbox', makeMbox([message(1, 'Plain message.'), withAnnex, empty]));
    const { parts, problems } = await extractFile(path);
    expect(parts.map((p) => [p.name, p.origin.messageId, p.origin.path])).toEqual([
      ['sg20.mbox#1 (body)', '<m1@example.org>', path],
      ['sg20.mbox#2 (body)', '<with-annex@itu.int>', path],
      ['sg20.mbox#2#1 (CL-9-20.docx)', '<with-annex@itu.int>', path],
    ]);
    expect(parts[2]?.text).toContain('Deadline for written contributions');
    expect(problems.map((p) => [p.name, p.error.code])).toEqual([['sg20.mbox#3', 'E_BAD_DOCUMENT']]);
    expect(problems[0]?.error.message).toMatch(/^sg20\.mbox#3 has no text body/);
  });

  it('refuses a .mbox that is not an archive', async () => {
    const err = await failure(extractFile(await tmp.write('notes.mbox', 'Just some notes.\n')));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/notes\.mbox is not an mbox archive/);
  });

  it('is found in folders like the other formats', async () => {
    await tmp.write('archive.mbox', makeMbox([message(1, 'x')]));
    await tmp.write('letter.doc', 'x');
    const { files } = await listInputFiles([tmp.dir]);
    expect(files.map((f) => f.slice(tmp.dir.length + 1))).toEqual(['archive.mbox', 'letter.doc']);
  });
});

describe('iterateMaildir', () => {
  const tmp = useTmpDir();

  it('yields the messages of cur/ and new/ sorted by name, with keys that survive a move and flags', async () => {
    for (const folder of ['cur', 'new', 'tmp']) await mkdir(tmp.path(`Maildir/${folder}`), { recursive: true });
    await tmp.write('Maildir/cur/1712000003.M3P1.mx:2,RS', message(3, 'Third'));
    await tmp.write('Maildir/new/1712000001.M1P1.mx', message(1, 'First'));
    await tmp.write('Maildir/cur/1712000002.M2P1.mx:2,S', message(2, 'Second'));
    await tmp.write('Maildir/cur/.hidden', 'x');
    await tmp.write('Maildir/tmp/1712000004.M4P1.mx', 'being delivered');
    const read = [];
    for await (const m of iterateMaildir(tmp.path('Maildir'))) read.push(m);
    expect(read.map((m) => [m.key, m.folder, m.flags, m.raw.toString('latin1')])).toEqual([
      ['1712000001.M1P1.mx', 'new', '', message(1, 'First').toString('latin1')],
      ['1712000002.M2P1.mx', 'cur', 'S', message(2, 'Second').toString('latin1')],
      ['1712000003.M3P1.mx', 'cur', 'RS', message(3, 'Third').toString('latin1')],
    ]);
    expect(read[0]?.path).toBe(join(tmp.path('Maildir'), 'new', '1712000001.M1P1.mx'));
    expect(maildirKey('1712000002.M2P1.mx:2,S')).toBe(maildirKey('1712000002.M2P1.mx'));
  });

  it('is walked like a folder of mails: its cur/ and new/ files are found and read as .eml, tmp/ is skipped', async () => {
    for (const folder of ['inbox/Maildir/cur', 'inbox/Maildir/new', 'inbox/Maildir/tmp']) await mkdir(tmp.path(folder), { recursive: true });
    await tmp.write('inbox/Maildir/cur/1712000002.M2P1.mx:2,S', message(2, 'Second'));
    await tmp.write('inbox/Maildir/new/1712000001.M1P1.mx', message(1, 'First'));
    await tmp.write('inbox/Maildir/tmp/1712000003.M3P1.mx', 'being delivered');
    await tmp.write('inbox/Maildir/dovecot-uidlist', '3 V1 N4');
    await tmp.write('inbox/notes.txt', 'x');
    const { files, problems } = await listInputFiles([tmp.path('inbox')]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.slice(tmp.path('inbox').length + 1))).toEqual([
      'Maildir/cur/1712000002.M2P1.mx:2,S',
      'Maildir/new/1712000001.M1P1.mx',
      'notes.txt',
    ]);
    const { parts } = await extractFile(files[0] ?? '');
    expect(parts.map((p) => [p.name, p.origin.messageId, p.text])).toEqual([['1712000002.M2P1.mx:2,S (body)', '<m2@example.org>', 'Second\n']]);
    // The same file name outside a maildir is not a mail.
    const stray = await tmp.write('1712000002.M2P1.mx', message(2, 'Second'));
    expect((await failure(extractFile(stray))).code).toBe('E_UNSUPPORTED');
  });

  it('reads only the beginning of a message over maxMessageBytes, and refuses a folder that is not a maildir', async () => {
    await mkdir(tmp.path('box/new'), { recursive: true });
    const raw = message(1, 'y'.repeat(3000));
    await tmp.write('box/new/1.M1.mx', raw);
    const read = [];
    for await (const m of iterateMaildir(tmp.path('box'), { maxMessageBytes: 100 })) read.push(m);
    expect(read.map((m) => [m.truncated, m.size, m.raw.toString('latin1')])).toEqual([[true, raw.length, raw.subarray(0, 100).toString('latin1')]]);
    expect((await readFile(tmp.path('box/new/1.M1.mx'))).length).toBe(raw.length);

    const err = await failure(
      (async () => {
        for await (const m of iterateMaildir(tmp.dir)) void m;
      })(),
    );
    expect(err.code).toBe('E_FILE');
    expect(err.message).toMatch(/is not a maildir: it has neither a cur\/ nor a new\/ folder/);
  });
});
