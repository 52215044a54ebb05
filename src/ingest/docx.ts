/**
 * Word (.docx) to text with mammoth, after the zip bomb guard (which hands on the parts it inflated).
 */

import { createRequire } from 'node:module';
import { isMainThread, Worker } from 'node:worker_threads';
import mammoth from 'mammoth';
import { invalidDocx, unpackSafeDocx } from './zip-guard.ts';
import { normaliseLineEnds } from './text.ts';
import type { ExtractLimits } from './types.ts';

/**
 * The raw text of a .docx: paragraphs separated by blank lines; table cells each in their own paragraph, as
 * mammoth gives them (a two-column row "2 March 2026 | Contributions" becomes two paragraphs).
 *
 * @throws SgbotError E_TOO_LARGE for a zip bomb, E_BAD_DOCUMENT for a damaged file or one that is not a .docx.
 * @example await extractDocxText(await readFile('letter.docx'), 'letter.docx', DEFAULT_LIMITS)
 */
export async function extractDocxText(buf: Buffer, name: string, limits: ExtractLimits): Promise<string> {
  // The guard inflates every part to check it: mammoth reads those inflated parts, never inflating them again.
  const unpacked = unpackSafeDocx(buf, name, limits);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: unpacked }));
  } catch (err) {
    if (!(err instanceof RangeError) || !isMainThread) throw invalidDocx(name, describeMammothError(err), err);
    try {
      value = await extractInBiggerStack(unpacked);
    } catch (again) {
      throw invalidDocx(name, describeMammothError(again), again);
    }
  }
  return normaliseLineEnds(value);
}

const MAMMOTH = createRequire(import.meta.url).resolve('mammoth');
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.mammoth).extractRawText({ buffer: Buffer.from(workerData.buf) }).then(
  (r) => parentPort.postMessage({ value: r.value }),
  (e) => parentPort.postMessage({ error: String(e && e.message), overflow: e instanceof RangeError }),
);`;

/**
 * mammoth's XML reader recurses once per element, so a deeply nested document.xml runs out of stack. Node 24's
 * frames are larger: the main thread's ~1 MB stack holds fewer than 1,500 levels, under 1,000 when the caller is
 * itself deep (Node 20: over 2,000). Read on the main thread, such a file is read again in a worker thread with a
 * 4 MB stack (several thousand levels); deeper still, it stays a RangeError and so E_BAD_DOCUMENT.
 */
function extractInBiggerStack(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { mammoth: MAMMOTH, buf }, resourceLimits: { stackSizeMb: 4 }, execArgv: [] });
    worker.once('message', (m: { value?: string; error?: string; overflow?: boolean }) => {
      void worker.terminate();
      if (typeof m.value === 'string') resolve(m.value);
      else reject(m.overflow ? new RangeError(m.error) : new Error(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the reader stopped (exit code ${code})`)));
  });
}

function describeMammothError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/main document part/i.test(message)) return 'it has no main document part';
  if (/xml|parse|unexpected|tag/i.test(message)) return 'its XML is malformed';
  return 'it cannot be unpacked';
}
