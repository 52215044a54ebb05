/**
 * TSB letters and circulars in Russian, one of ITU's six languages, read through the same patterns as English ones:
 * their dates ("14 апреля 2011 года", "6–7 июня 2011 г.", "с 6 по 7 июня 2011 года") and the few fixed phrases of a
 * TSB letter (reference, subject, study group, salutation, Geneva) are written the English way before anything else
 * reads the text, as `romance.ts` does for Spanish and French. Pure.
 */
import { monthOf } from './romance.ts';

// Month names as dates write them (genitive), with the nominative for "апрель 2011".
const RUSSIAN_MONTHS = ['январ[яь]', 'феврал[яь]', 'марта?', 'апрел[яь]', 'ма[яй]', 'июн[яь]', 'июл[яь]', 'августа?', 'сентябр[яь]', 'октябр[яь]', 'ноябр[яь]', 'декабр[яь]'];
const MONTH = RUSSIAN_MONTHS.join('|');

// A TSB letter in Russian names its Bureau, or itself, in words no other letter uses.
const RUSSIAN = /Бюро стандартизации электросвязи|Циркуляр\s+\d{1,4}\s+БСЭ|Коллективное письмо/;

const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/Циркуляр\s+(\d{1,4})\s+БСЭ/g, 'TSB Circular $1'],
  [/Коллективное письмо(?:\s+БСЭ)?\s+(\d{1,3})\s*\/\s*(\d{1,2})/g, 'TSB Collective letter $1/$2'],
  // (A flattened copy runs it on after the copy list: "… в Женеве Предмет: Семинар-практикум …".)
  [/(^|[ \t])Предмет[ \t]*:/gm, '$1Subject:'],
  // "11й Исследовательской комиссии", "11-й …" (the 11th study group).
  [/(?<!\d)(\d{1,2})\s*-?(?:й|ой|ая|ей|я)\s+Исследовательск(?:ая|ой|ую)\s+комисси(?:я|и|ю)/g, 'Study Group $1'],
  [/Исследовательск(?:ая|ой|ую) комисси(?:я|и|ю)\s+(\d{1,2})/g, 'Study Group $1'],
  // "Собрание 11й Исследовательской комиссии": the meeting of it.
  [/(?<!\p{L})Собрани[еяю](?=\s+Study Group)/gu, 'Meeting of'],
  [/(?<!\p{L})собрани[еяю](?=\s+Study Group)/gu, 'meeting of'],
  // "Открытие собрания состоится … в 09 час. 30 мин.", "Регистрация участников начнется в 08 час. 30 мин.".
  [/Открытие собрания состоится/g, 'The meeting will open'],
  [/Регистрация участников начн[её]тся/g, 'Registration will begin'],
  [/в первый день (?:его |ее |её )?работы/g, 'on the first day'],
  [/(?<!\p{L})в\s+(\d{1,2})\s*час\.\s*(\d{2})\s*мин\./gu, 'at $1$2 hours'],
  // A name run into the word before it by a converter ("комиссииЖенева"): kept apart.
  [/(?<=[\p{L}\d])(?=Женев[аеуы])/gu, ', '],
  [/Уважаем(?:ая|ый) госпож(?:а|а,)\s*,?\s*уважаем(?:ый|ая) господин\s*,?/gi, '\nDear Sir/Madam,\n'],
  [/Женев[аеуы]/g, 'Geneva'],
  [/Швейцари[яи]/g, 'Switzerland'],
];

/** `text` with its Russian dates and fixed phrases in English; unchanged when it is no Russian TSB text. */
export function fromRussian(text: string): string {
  if (!RUSSIAN.test(text.slice(0, 6000))) return text;
  let t = text
    // "8–9 (первая половина дня) июля 2013 года": the half day said of the last day is no part of the date.
    .replace(/(?<=\d)[ \t]*\((?:первая|вторая)[ \t]+половина[ \t]+дня\)(?=[ \t])/g, '')
    // "с 6 по 7 июня 2011 года": a range.
    .replace(new RegExp(String.raw`(?<![\p{L}\d])с\s+(\d{1,2})\s+по\s+(\d{1,2})\s+(${MONTH})(?:\s+(\d{4})(?:\s+(?:года|г\.))?)?`, 'giu'), (_x, d1: string, d2: string, mo: string, y?: string) => `from ${d1} to ${d2} ${monthOf(mo, RUSSIAN_MONTHS)}${y ? ` ${y}` : ''}`)
    // "2428 января 2011 года": a range whose dash a converter lost (two days, the first the smaller).
    .replace(new RegExp(String.raw`(?<!\d)([0-3]\d)([0-3]\d)(?=\s+(?:${MONTH})(?![\p{L}]))`, 'giu'), (whole, d1: string, d2: string) => (Number(d1) >= 1 && Number(d1) < Number(d2) && Number(d2) <= 31 ? `${d1}-${d2}` : whole))
    // "14 апреля 2011 года", "6–7 июня 2011 г.".
    .replace(new RegExp(String.raw`(?<!\d)(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)\s+(${MONTH})(?![\p{L}])(?:\s+(\d{4})(?:\s+(?:года|г\.))?)?`, 'giu'), (_x, d: string, mo: string, y?: string) => `${d} ${monthOf(mo, RUSSIAN_MONTHS)}${y ? ` ${y}` : ''}`);
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  return t;
}
