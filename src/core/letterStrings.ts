// The words and numbers of a rendered letter in its language: dates, counts, and the labels the
// renderer writes (Cited reports, Signatories …).
import { formatMonth } from './dates';
import type { LetterDate } from './model';

/** A letter's date as the letter's language writes it, or as written when it could not be read. */
export const dateText = (date: Pick<LetterDate, 'raw' | 'iso'>, lang: string): string =>
  date.iso ? formatDate(date.iso, lang) : date.raw;

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
const numberFormatsByLang = new Map<string, Intl.NumberFormat>();

/** A count in the letter's language: `8,778`, `8.778`, `8 778`. */
export function formatNumber(n: number, lang: string): string {
  let format = numberFormatsByLang.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang);
    } catch {
      format = numberFormats.en;
    }
    numberFormatsByLang.set(lang, format);
  }
  return format.format(n);
}

/** What the cover's totals line says, from the counts (cover.ts) and the numbers as the letter writes them. */
export interface TotalsWords {
  organizations: number;
  individuals: number;
  affiliations: number;
  n: (count: number) => string;
}

export interface Strings {
  /** Between a label and its value: none after a full-width colon. */
  space: string;
  replyBy: string;
  subject: string;
  cc: string;
  signatories(people: number, organizations: number): string;
  organizations(count: number): string;
  /** The cover's line: `Signed by 35 organizations and 8,778 individuals`; empty when nobody signs. */
  signedBy(words: TotalsWords): string;
  addressedTo: string;
  byGroup: string;
  byCountry: string;
  /** The row of entries under no group heading. */
  other: string;
  /** The row of entries with no country. */
  noCountry: string;
}

export const plural = (n: number, one: string, many: string) => `${numberFormats.en.format(n)} ${n === 1 ? one : many}`;
const counted = (n: number, shown: string, one: string, many: string) => `${shown} ${n === 1 ? one : many}`;

export const STRINGS: Record<string, Strings> = {
  en: {
    space: ' ',
    replyBy: 'Reply requested by',
    subject: 'Subject:',
    cc: 'cc:',
    signatories: (people, organizations) =>
      `${plural(people, 'signatory', 'signatories')} from ${plural(organizations, 'organization', 'organizations')}`,
    organizations: (count) => `Signed by ${plural(count, 'organization', 'organizations')}`,
    signedBy: ({ organizations, individuals, affiliations, n }) => {
      const orgs = (k: number) => counted(k, n(k), 'organization', 'organizations');
      const people = counted(individuals, n(individuals), 'individual', 'individuals');
      if (organizations > 0)
        return individuals > 0 ? `Signed by ${orgs(organizations)} and ${people}` : `Signed by ${orgs(organizations)}`;
      if (individuals === 0) return '';
      return affiliations > 0 ? `Signed by ${people} from ${orgs(affiliations)}` : `Signed by ${people}`;
    },
    addressedTo: 'To',
    byGroup: 'Signatories by group',
    byCountry: 'Signatories by country',
    other: 'Other',
    noCountry: 'Not given',
  },
  ja: {
    space: '',
    replyBy: '回答期限：',
    subject: '件名：',
    cc: '写し：',
    signatories: (people, organizations) =>
      `署名者${numberFormats.ja.format(people)}名（${numberFormats.ja.format(organizations)}団体）`,
    organizations: (count) => `署名団体 ${numberFormats.ja.format(count)}団体`,
    signedBy: ({ organizations, individuals, affiliations, n }) => {
      if (organizations > 0)
        return individuals > 0 ? `${n(organizations)}団体・${n(individuals)}名が署名` : `${n(organizations)}団体が署名`;
      if (individuals === 0) return '';
      return affiliations > 0 ? `${n(affiliations)}団体の${n(individuals)}名が署名` : `${n(individuals)}名が署名`;
    },
    addressedTo: '宛先',
    byGroup: 'グループ別の署名数',
    byCountry: '国・地域別の署名数',
    other: 'その他',
    noCountry: '記載なし',
  },
};

export function stringsFor(lang: string): Strings {
  return STRINGS[lang.toLowerCase().split('-')[0]] ?? STRINGS.en;
}
