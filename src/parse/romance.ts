/**
 * Letters in Spanish and French, two of ITU's six languages, read through the same patterns as English ones: their
 * dates ("del 20 al 28 de septiembre de 2011", "du 20 au 28 septembre 2011") and the few fixed phrases of a TSB
 * letter (reference, subject, salutation, study group, opening and registration times, "no later than") are written
 * the English way before anything else reads the text, as `cjk.ts` does for Chinese. Pure.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'];
const FRENCH_MONTHS = ['janvier', 'f[ée]vrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'ao[ûu]t', 'septembre', 'octobre', 'novembre', 'd[ée]cembre'];

// A TSB letter in Spanish or French names itself (or greets) in words no English letter uses.
const SPANISH = /\bCarta Colectiva\b|\bMuy Señor mío\b|\bComisi[óo]n de Estudio \d/i;
const FRENCH = /\bLettre collective\b|\bMadame(?:,|\s+et)\s+Monsieur\b|\bCommission d'[ée]tudes? \d/i;

function monthPattern(names: readonly string[]): string {
  return names.join('|');
}

/** The English month of `word`, one of `names` (patterns in calendar order); `word` itself when none matches. */
export function monthOf(word: string, names: readonly string[]): string {
  const i = names.findIndex((n) => new RegExp(`^(?:${n})$`, 'i').test(word));
  return MONTHS[i] ?? word;
}

// Towns where ITU meets, as the two languages spell them.
const TOWNS: ReadonlyArray<[RegExp, string]> = [
  [/\bGinebra\b|\bGen[èe]ve\b/g, 'Geneva'],
  [/\bSe[úu]l\b|\bS[ée]oul\b/g, 'Seoul'],
  [/\bRep[úu]blica de Corea(?![a-z])|\bR[ée]publique de Cor[ée]e(?![a-z])/g, 'Republic of Korea'],
  [/\bSuiza\b|\bSuisse\b/g, 'Switzerland'],
  [/\bPek[íi]n\b|\bP[ée]kin\b/g, 'Beijing'],
  [/\bTokio\b/g, 'Tokyo'],
  [/\bJap[óo]n\b/g, 'Japan'],
];

/** `text` with its Spanish or French dates and fixed phrases in English; unchanged when it is neither. */
export function fromSpanishOrFrench(text: string): string {
  const head = text.slice(0, 6000);
  const spanish = SPANISH.test(head);
  if (!spanish && !FRENCH.test(head)) return text;
  const names = spanish ? SPANISH_MONTHS : FRENCH_MONTHS;
  const m = monthPattern(names);
  const de = spanish ? String.raw`\s+de` : '';
  let t = text
    // "del 20 al 28 de septiembre de 2011", "du 20 au 28 septembre 2011".
    .replace(new RegExp(String.raw`\b(?:del|du)\s+(\d{1,2})\s+(?:al|au)\s+(\d{1,2})${de}\s+(${m})(?:${de}\s+(\d{4}))?`, 'gi'), (_x, d1: string, d2: string, mo: string, y?: string) => `from ${d1} to ${d2} ${monthOf(mo, names)}${y ? ` ${y}` : ''}`)
    // "8 a 17 de diciembre de 2010" (a subject's range without "del").
    .replace(new RegExp(String.raw`(?<![\d\p{L}])(\d{1,2})\s+a\s+(\d{1,2})${de}\s+(${m})(?:${de}\s+(\d{4}))?`, 'giu'), (_x, d1: string, d2: string, mo: string, y?: string) => `${d1}-${d2} ${monthOf(mo, names)}${y ? ` ${y}` : ''}`)
    // "24 de junio de 2011", "20-28 de septiembre de 2011", "24 juin 2011".
    // A converter may glue the date to the word before: "República de Corea20-28 de septiembre de 2011".
    .replace(new RegExp(String.raw`(?<!\d)(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)${de}\s+(${m})\b(?:${de}\s+(\d{4}))?`, 'gi'), (_x, d: string, mo: string, y?: string) => ` ${d} ${monthOf(mo, names)}${y ? ` ${y}` : ''}`);
  const phrases: ReadonlyArray<[RegExp, string]> = spanish
    ? [
        [/\bCarta Colectiva(?: de la)? TSB (\d{1,3})\s*\/\s*(\d{1,2})\b/gi, 'TSB Collective letter $1/$2'],
        [/\bCarta Colectiva (\d{1,3})\s*\/\s*(\d{1,2})(?: de la TSB)?\b/gi, 'TSB Collective letter $1/$2'],
        [/^(\s*)Asunto\s*:/gm, '$1Subject:'],
        [/\bReuni[óo]n de la (?=Comisi[óo]n)/gi, 'Meeting of '],
        [/Muy Señor mío\s*\/\s*Muy Señora mía\s*:?/g, '\nDear Sir/Madam,\n'],
        [/\bComisi[óo]n de Estudio (\d{1,2})/g, ' Study Group $1 '],
        [/\bse reunir[áa] en\b/g, 'will meet in'],
        [/\bLa reuni[óo]n comenzar[áa] a las\b/g, 'The meeting will open at'],
        [/\bLa inscripci[óo]n de los participantes comenzar[áa] a las\b/g, 'Registration of participants will start at'],
        [/(\d{1,2}[.:]\d{2})\s+horas\b/g, '$1 hours'],
        [/\ba m[áa]s tardar el\b/g, 'no later than'],
      ]
    : [
        [/\bLettre collective(?: de la)? TSB (\d{1,3})\s*\/\s*(\d{1,2})\b/gi, 'TSB Collective letter $1/$2'],
        [/^(\s*)Objet\s*:/gm, '$1Subject:'],
        [/\bR[ée]union de la (?=Commission)/g, 'Meeting of '],
        [/\bMadame(?:,|\s+et)\s+Monsieur\s*,?/g, '\nDear Sir/Madam,\n'],
        [/\bCommission d'[ée]tudes? (\d{1,2})/g, ' Study Group $1 '],
        [/\bse r[ée]unira [àa](?=\s)/g, 'will meet in'],
        [/\bLa r[ée]union (?:s'ouvrira|commencera|d[ée]butera) [àa](?=\s)/g, 'The meeting will open at'],
        [/\bL'inscription des participants (?:commencera|d[ée]butera) [àa](?=\s)/g, 'Registration of participants will start at'],
        [/\b(\d{1,2})\s*h\s*(\d{2})\b/g, '$1.$2 hours'],
        [/\bau plus tard le\b/g, 'no later than'],
      ];
  for (const [re, to] of [...phrases, ...TOWNS]) t = t.replace(re, to);
  return t;
}
