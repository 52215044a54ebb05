/**
 * Letters in Chinese, one of ITU's six languages, read through the same patterns as English ones: their dates
 * ("2012年 2月 20日-3月 2日") and the few fixed phrases of a TSB letter (reference, subject, salutation, opening and
 * registration times, "no later than") are written the English way before anything else reads the text. Pure.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CJK = /[\u4e00-\u9fff]/;

function month(m: string): string {
  return MONTHS[Number(m) - 1] ?? m;
}

// "2012年 2月 20日-3月 2日", "2012年 2月 20日至 3月 2日", "2012年 2月 20日至 24日".
const RANGE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:-|至|到|–)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/电信标准化局第\s*(\d{1,3})\s*\/\s*(\d{1,2})\s*号集体函/g, 'TSB Collective letter $1/$2'],
  [/电信标准化局第\s*(\d{1,4})\s*号通函/g, 'TSB Circular $1'],
  [/第\s*(\d{1,4})\s*号通函/g, 'TSB Circular $1'],
  [/^(\s*)文号\s*[:：]/gm, '$1Ref: '],
  [/^(\s*)事由\s*[:：]/gm, '$1Subject: '],
  [/尊敬的先生\s*\/\s*女士\s*[:：]?/g, '\nDear Sir/Madam,\n'],
  [/第\s*(\d{1,2})\s*研究组/g, ' Study Group $1 '],
  [/日内瓦/g, ' Geneva'],
  [/于\s*(\d{1,2}[:：]\d{2})\s*开幕/g, ' will open at $1 '],
  [/自\s*(\d{1,2}[:：]\d{2})\s*起[^。]{0,40}?注册/g, ' participants can register from $1 '],
  [/不晚于/g, ' no later than '],
  [/中部欧洲时间/g, 'CET'],
  [/[，]/g, ', '],
  [/[。]/g, '. '],
  [/[：]/g, ': '],
];

/** `text` with its Chinese dates and fixed phrases in English; unchanged when it has no Chinese characters. */
export function fromChinese(text: string): string {
  if (!CJK.test(text)) return text;
  let t = text.replace(RANGE, (_m, y: string, m1: string, d1: string, m2: string | undefined, d2: string) =>
    m2 ? ` ${Number(d1)} ${month(m1)} - ${Number(d2)} ${month(m2)} ${y} ` : ` ${Number(d1)}-${Number(d2)} ${month(m1)} ${y} `,
  );
  t = t.replace(DATE, (_m, y: string, m: string, d: string) => ` ${Number(d)} ${month(m)} ${y} `);
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  return t;
}
