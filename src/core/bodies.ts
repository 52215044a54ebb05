/**
 * Standards bodies outside ITU-T by the names people and documents give them: a statement stored as from "BBF" is
 * the one asked about as from "the Broadband Forum", and one from "Broadband Forum" the one asked about as "BBF".
 */

/** Full names and the short name each is known by. */
const BODY_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBroadband\s+Forum\b/gi, 'BBF'],
  [/\bMetro\s+Ethernet\s+Forum\b|\bMEF\s+Forum\b/gi, 'MEF'],
  [/\bInternet\s+Engineering\s+Task\s+Force\b/gi, 'IETF'],
  [/\bInternet\s+Architecture\s+Board\b/gi, 'IAB'],
  [/\bInternet\s+Engineering\s+Steering\s+Group\b/gi, 'IESG'],
  [/\b(?:3rd|Third)\s+Generation\s+Partnership\s+Project\b/gi, '3GPP'],
  [/\bEuropean\s+Telecommunications?\s+Standards?\s+Institute\b/gi, 'ETSI'],
  [/\bInstitute\s+of\s+Electrical\s+and\s+Electronics?\s+Engineers\b/gi, 'IEEE'],
  [/\bWorld\s+Wide\s+Web\s+Consortium\b/gi, 'W3C'],
  [/\bGSM\s+Association\b/gi, 'GSMA'],
  [/\bOpen\s+Mobile\s+Alliance\b/gi, 'OMA'],
  [/\bOptical\s+Internetworking\s+Forum\b/gi, 'OIF'],
  [/\bOpen\s+Networking\s+Foundation\b/gi, 'ONF'],
  [/\bInternational\s+Organization\s+for\s+Standardization\b/gi, 'ISO'],
  [/\bInternational\s+Electrotechnical\s+Commission\b/gi, 'IEC'],
  [/\bJoint\s+Technical\s+Committee\s+1\b/gi, 'JTC 1'],
  [/\bTele[- ]?Management\s+Forum\b|\bTM\s+Forum\b/gi, 'TMF'],
  [/\bMultimedia\s+Telecommunications?\s+Consortium\b|\bInternational\s+Multimedia\s+Telecommunications?\s+Consortium\b/gi, 'IMTC'],
];

/** `text` with each body's full name written as its short name: "the Broadband Forum" → "the BBF". */
export function withBodyShortNames(text: string): string {
  let out = text;
  for (const [full, short] of BODY_NAMES) out = out.replace(full, short);
  return out;
}
