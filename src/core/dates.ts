// Dates as letters write them: ISO, "May 7, 2013", "7 May 2013", "2013年5月7日", and a year alone in a citation.

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const JA_WEEKDAY = String.raw`(?:\s*[（(][月火水木金土日](?:曜日?)?[)）])?`;

const FULL_DATE = new RegExp(
  String.raw`^\s*${WEEKDAY}(?:` +
    String.raw`${YEAR}-(\d{1,2})-(\d{1,2})` +
    String.raw`|${MONTH}\s+${DAY}(?:\s*,\s*|\s+)${YEAR}` +
    String.raw`|${DAY}\s+(?:of\s+)?${MONTH},?\s+${YEAR}` +
    String.raw`|${YEAR}\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日${JA_WEEKDAY}` +
    String.raw`)\s*[.。]?\s*$`,
  'i',
);

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Full-width digits as ASCII, one character for one, so offsets stay valid. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * The ISO date (`YYYY-MM-DD`) a letter's date field means, or null when it is not a date.
 * @example parseDate('May 7th, 2013') === '2013-05-07'
 */
export function parseDate(text: string): string | null {
  const m = FULL_DATE.exec(asciiDigits(text));
  if (!m) return null;
  if (m[1]) return isoDate(+m[1], +m[2], +m[3]);
  if (m[4]) return isoDate(+m[6], monthNumber(m[4]), +m[5]);
  if (m[7]) return isoDate(+m[9], monthNumber(m[8]), +m[7]);
  return isoDate(+m[10], +m[11], +m[12]);
}

/** A citation's date: a year from 1800 to 2100, optionally with month and day. */
export interface CitationDate {
  year: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the citation is. */
  iso: string;
  /** Offsets of the date within the searched text. */
  start: number;
  end: number;
}

const CITATION_DATE = String.raw`(?:` +
  String.raw`${MONTH}\s+${DAY},?\s+${YEAR}` +
  String.raw`|${DAY}\s+${MONTH},?\s+${YEAR}` +
  String.raw`|${MONTH},?\s+${YEAR}` +
  String.raw`|${YEAR}\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?` +
  String.raw`|${YEAR}(?:-(\d{1,2})(?:-(\d{1,2}))?)?` +
  String.raw`)`;
/** A date at the very end, after a separator (comma, space, opening parenthesis) or at the start. */
const TRAILING_DATE = new RegExp(String.raw`(?:^|[\s,，、(（])(${CITATION_DATE})\)?\s*$`, 'i');
const WHOLE_DATE = new RegExp(String.raw`^\s*(${CITATION_DATE})\s*$`, 'i');
// Long entries are searched only near their end: a date is short.
const TAIL = 64;

// Capture groups of CITATION_DATE (inside the outer group 1), per alternative: year, month, day.
const ALTERNATIVES: [number, number, number][] = [[4, 2, 3], [7, 6, 5], [9, 8, 0], [10, 11, 12], [13, 14, 15]];

function dateOf(match: RegExpExecArray): { year: number; iso: string } | null {
  for (const [y, m, d] of ALTERNATIVES) {
    if (!match[y]) continue;
    const year = +match[y];
    if (year < 1800 || year > 2100) return null;
    const month = match[m] ? (/^\d+$/.test(match[m]) ? +match[m] : monthNumber(match[m])) : 0;
    const day = d && match[d] ? +match[d] : 0;
    if (month >= 1 && month <= 12 && day >= 1) return { year, iso: isoDate(year, month, day) ?? `${year}-${pad(month)}` };
    if (month >= 1 && month <= 12) return { year, iso: `${year}-${pad(month)}` };
    return { year, iso: String(year) };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function citationDate(pattern: RegExp, text: string): CitationDate | null {
  const from = Math.max(0, text.length - TAIL);
  const tail = asciiDigits(text.slice(from));
  const m = pattern.exec(tail);
  if (!m) return null;
  if (from > 0 && m.index === 0 && pattern === TRAILING_DATE && !/[\s,，、(（]/.test(tail[0])) return null;
  const date = dateOf(m);
  if (date === null) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { ...date, start, end: start + m[1].length };
}

/** The date that ends a citation (`…, NKDB, 2012`, `… (NKDB Seoul) 2012`), if any. */
export function trailingCitationDate(text: string): CitationDate | null {
  return citationDate(TRAILING_DATE, text);
}

/** The date when a whole comma-separated part of a citation is one (`Title, Publisher, 2012, pp. 4–9`). */
export function wholeCitationDate(text: string): CitationDate | null {
  return citationDate(WHOLE_DATE, text);
}
