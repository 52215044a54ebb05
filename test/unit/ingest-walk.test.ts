import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listInputFiles } from '../../src/ingest/walk.ts';
import { useTmpDir } from './ingest-builders.ts';

describe('listInputFiles', () => {
  const tmp = useTmpDir();

  async function makeInbox(): Promise<string> {
    const inbox = tmp.path('inbox');
    for (const folder of ['inbox/2026/march', 'inbox/.git', 'inbox/B-folder']) {
      await mkdir(tmp.path(folder), { recursive: true });
    }
    for (const file of [
      'inbox/b.eml',
      'inbox/a.TXT',
      'inbox/2026/march/CL-7-20.docx',
      'inbox/2026/march/circular.pdf',
      'inbox/2026/logo.png',
      'inbox/.DS_Store',
      'inbox/.hidden.eml',
      'inbox/.git/config.txt',
      'inbox/B-folder/page.htm',
      'inbox/notes.text',
      'inbox/index.html',
    ]) {
      await tmp.write(file, 'x');
    }
    return inbox;
  }

  it('expands a folder recursively in code-point order, skipping hidden and unsupported files silently', async () => {
    const inbox = await makeInbox();
    const { files, problems } = await listInputFiles([inbox]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.slice(inbox.length + 1))).toEqual([
      '2026/march/CL-7-20.docx',
      '2026/march/circular.pdf',
      'B-folder/page.htm',
      'a.TXT',
      'b.eml',
      'index.html',
      'notes.text',
    ]);
  });

  it('keeps explicit files in the order given, lists each file once, and reports bad paths as problems', async () => {
    const inbox = await makeInbox();
    const letter = await tmp.write('letter.docx', 'x');
    const image = await tmp.write('scan.png', 'x');
    const missing = tmp.path('missing.pdf');
    const { files, problems } = await listInputFiles([letter, missing, join(inbox, 'b.eml'), inbox, image, letter]);
    expect(files[0]).toBe(letter);
    expect(files[1]).toBe(join(inbox, 'b.eml'));
    expect(files.filter((f) => f.endsWith('b.eml'))).toHaveLength(1);
    expect(files).toHaveLength(8);
    expect(problems.map((p) => [p.path, p.error.code])).toEqual([
      [missing, 'E_FILE'],
      [image, 'E_UNSUPPORTED'],
    ]);
    expect(problems[0]?.error.message).toMatch(/missing\.pdf does not exist/);
  });

  it('follows symbolic links to folders without looping, and takes extra extensions when asked', async () => {
    const inbox = tmp.path('lists');
    await mkdir(join(inbox, 'sub'), { recursive: true });
    await tmp.write('lists/sub/archive.mbox', 'From x');
    await tmp.write('lists/sub/a.eml', 'x');
    await symlink(inbox, join(inbox, 'sub', 'loop'));
    const { files, problems } = await listInputFiles([inbox], { extensions: ['.eml', '.mbox'] });
    expect(problems).toEqual([]);
    expect(files).toEqual([join(inbox, 'sub', 'a.eml'), join(inbox, 'sub', 'archive.mbox')]);
  });

  it('reports a broken symbolic link inside a folder', async () => {
    const inbox = tmp.path('links');
    await mkdir(inbox);
    await symlink(tmp.path('gone.pdf'), join(inbox, 'annex.pdf'));
    const { files, problems } = await listInputFiles([inbox]);
    expect(files).toEqual([]);
    expect(problems.map((p) => [p.path, p.error.code])).toEqual([[join(inbox, 'annex.pdf'), 'E_FILE']]);
    expect(problems[0]?.error.message).toMatch(/symbolic link to nothing/);
  });
});
