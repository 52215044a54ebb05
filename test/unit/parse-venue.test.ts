/**
 * The building a meeting away from ITU headquarters is held in, as its letter names it: a "VENUE:" field, a bullet's
 * "Venue:", or a sentence ("The venue is the “Palais des Congrès de Tunis”, …"). Letters of the fixture corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { findVenue } from '../../src/parse/meeting.ts';

const DOCS = join(import.meta.dirname, '../fixtures/docs');
const venueOf = (name: string) => parseDocument(readFileSync(join(DOCS, name), 'utf8')).meeting?.venue ?? null;

describe("a meeting's venue", () => {
  it('is read from a field, a bullet or a sentence of the letter', () => {
    expect(venueOf('cl-sg13rg-arb-2026-muscat-hybrid.txt')).toBe('Oman Convention and Exhibition Centre, Muscat');
    expect(venueOf('cl-sg12-2019-tunis-nbsp.txt')).toBe('Palais des Congrès de Tunis, avenue Mohamed V, 1001 Tunis, Tunisia');
    expect(venueOf('cl-sg12rg-afr-2025-abidjan-bullets.txt')).toBe("Sofitel Abidjan Hôtel Ivoire, Cocody, Abidjan, Côte d'Ivoire");
    expect(findVenue('The venue is the “Palais des Congrès de Tunis”, avenue Mohamed V, Tunis.')).toBe('Palais des Congrès de Tunis');
  });

  it('is none for a meeting at ITU headquarters, or a letter that names no building', () => {
    expect(venueOf('cl-sg20-2027-mixed-date-formats.txt')).toBeNull();
    expect(findVenue('VENUE: ITU headquarters, Geneva')).toBeNull();
    expect(findVenue('The meeting will be held in Geneva.')).toBeNull();
  });
});
