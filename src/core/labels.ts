/** Words for people for the domain's codes. */
import type { DeadlineCategory, DocumentKind } from './types.ts';

export const CATEGORY_LABELS: Record<DeadlineCategory, string> = {
  contributions: 'Contributions',
  'translated-contributions': 'Contributions needing translation',
  registration: 'Registration',
  visa: 'Visa support letter requests',
  fellowship: 'Fellowship requests',
  captioning: 'Captioning requests',
  interpretation: 'Interpretation requests',
  'consultation-reply': 'Consultation reply',
  'liaison-reply': 'Liaison reply',
  other: 'Other',
};

export const KIND_LABELS: Record<DocumentKind, string> = {
  'collective-letter': 'Collective letter',
  circular: 'TSB circular',
  'liaison-statement': 'Liaison statement',
  td: 'TD',
  contribution: 'Contribution',
  report: 'Report',
  presentation: 'Presentation',
  other: 'Document',
};
