/** The reading limits from the settings reach what ingest uses (services.limits). */
import { expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/main.ts';

it('passes the size, zip-bomb and PDF budgets of the settings to ingest', async () => {
  const env = { REDIS_URL: inject('redisUrl'), SGBOT_PREFIX: `it-limits-${process.pid}`, SGBOT_MAX_FILE_MB: '3', SGBOT_MAX_DOCX_EXPANSION: '40', SGBOT_MAX_PDF_PAGES: '7', SGBOT_MAX_PDF_SECONDS: '2.5' };
  const services = await createServices(loadConfig(env, '/nonexistent'));
  try {
    expect(services.limits).toMatchObject({ maxFileBytes: 3 * 1024 * 1024, maxDocxExpansion: 40, maxPdfPages: 7, maxPdfMs: 2500 });
  } finally {
    await services.close();
  }
});
