// The words and numbers of a rendered letter in its language: dates, counts, and the labels the
// renderer writes (Cited reports, Signatories …).
import { formatMonth } from './dates';

/** A date in the letter's language: "May 7, 2013", "7 mai 2013", "2013年5月7日". */
export function formatDate(iso: string, lang: string): string {
  if (iso.length === 7) return formatMonth(iso, lang);
  const [y, m, d] = iso.split('-').map(Number);
  const when = new Date(Date.UTC(y, m - 1, d));
  return dateFormat(lang).format(when);
}

// Intl formatters are costly to make: one per language, made once.
export const dateFormats = new Map<string, Intl.DateTimeFormat>();
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
};

export function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, DATE_OPTIONS);
    } catch {
      format = new Intl.DateTimeFormat('en', DATE_OPTIONS);
    }
    dateFormats.set(lang, format);
  }
  return format;
}

export const numberFormats = { en: new Intl.NumberFormat('en'), ja: new Intl.NumberFormat('ja') };

export interface Strings {
  /** Between a label and its value: none after a full-width colon. */
  space: string;
  replyBy: string;
  subject: string;
  cc: string;
  signatories(people: number, organizations: number): string;
  organizations(count: number): string;
}

export const plural = (n: number, one: string, many: string) => `${numberFormats.en.format(n)} ${n === 1 ? one : many}`;

export const STRINGS: Record<string, Strings> = {
  en: {
    space: ' ',
    replyBy: 'Reply requested by',
    subject: 'Subject:',
    cc: 'cc:',
    signatories: (people, organizations) =>
      `${plural(people, 'signatory', 'signatories')} from ${plural(organizations, 'organization', 'organizations')}`,
    organizations: (count) => `Signed by ${plural(count, 'organization', 'organizations')}`,
  },
  ja: {
    space: '',
    replyBy: '回答期限：',
    subject: '件名：',
    cc: '写し：',
    signatories: (people, organizations) =>
      `署名者${numberFormats.ja.format(people)}名（${numberFormats.ja.format(organizations)}団体）`,
    organizations: (count) => `署名団体 ${numberFormats.ja.format(count)}団体`,
  },
};

export function stringsFor(lang: string): Strings {
  return STRINGS[lang.toLowerCase().split('-')[0]] ?? STRINGS.en;
}
