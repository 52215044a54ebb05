import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { writeMailWithHugeAttachment } from '../support/mail-corpus.ts';
import { useTmpDir } from './ingest-builders.ts';

const MIB = 1024 * 1024;

describe('a mail with a 51 MiB attachment', () => {
  const tmp = useTmpDir();

  it('is read without the attachment, which is reported E_TOO_LARGE, in bounded memory', async () => {
    const path = tmp.path('report.eml');
    const size = await writeMailWithHugeAttachment(path, 51 * MIB);
    // base64 makes the mail about 70 MiB: under the 100 MiB mail limit, so it is read, not refused whole.
    expect(size).toBeGreaterThan(69 * MIB);

    const before = process.memoryUsage.rss();
    let peak = before;
    // Sampling, not waiting: the timer only records the highest resident size seen while the mail is read.
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 2);
    let result;
    try {
      result = await extractFile(path);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());

    expect(result.parts.map((p) => [p.name, p.text])).toEqual([['report.eml (body)', 'The report and its annexes are attached.']]);
    expect(result.problems.map((p) => [p.name, p.error.code])).toEqual([['report.eml#1 (annex.pdf)', 'E_TOO_LARGE']]);
    expect(result.problems[0]?.error.message).toMatch(/^report\.eml#1 \(annex\.pdf\) is 51\.0 MiB, more than the limit of 50\.0 MiB per attachment/);
    // Streamed from the disk and the attachment dropped as it is decoded: what stays is garbage not yet collected.
    // Reading the file whole and keeping the attachment (simpleParser on readFile) grows by about 390 MiB here.
    expect(peak - before).toBeLessThan(160 * MIB);
  });
});
