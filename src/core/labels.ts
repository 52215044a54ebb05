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
  circular: 'Circular',
  'liaison-statement': 'Liaison statement',
  td: 'TD',
  contribution: 'Contribution',
  report: 'Report',
  presentation: 'Presentation',
  'meeting-notice': 'Meeting notice',
  other: 'Document',
};

/**
 * What an event of a meeting is called in answers: "Session" for the meeting's own opening or closing plenary (held
 * on a day of its own), "Side event" for the rest (workshops, briefings, trainings).
 */
export function eventLabel(title: string): 'Session' | 'Side event' {
  return /^(?:the\s+)?(?:opening|closing)\s+(?:plenary|session)s?\b/i.test(title) ? 'Session' : 'Side event';
}
