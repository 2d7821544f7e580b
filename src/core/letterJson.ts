import type { Letter } from './model';

/** The letter model as `advocacy-letter parse` prints it: lines 1-based, absent parts null. */
export interface LetterJson {
  title: string | null;
  addressees: { name: string; titles: string[] }[];
  date: string | null;
  replyBy: string | null;
  subject: string | null;
  cc: string[];
  lang: string;
  paper: string | null;
  signedBy: 'people' | 'organizations';
  reports: { title: string | null; publisher: string | null; year: number | null; url: string | null; line: number }[];
  signatories: {
    name: string | null;
    role: string | null;
    organization: string | null;
    place: string | null;
    line: number;
  }[];
}

export function letterToJson(letter: Letter): LetterJson {
  return {
    title: letter.title?.text ?? null,
    addressees: letter.addressees.map((a) => ({ name: a.name, titles: a.titles.map((t) => t.text) })),
    date: letter.date?.iso ?? null,
    replyBy: letter.replyBy?.iso ?? null,
    subject: letter.subject?.text ?? null,
    cc: letter.cc.map((c) => c.text),
    lang: letter.lang,
    paper: letter.paper,
    signedBy: letter.signedBy,
    reports: letter.reports.map((r) => ({
      title: r.title,
      publisher: r.publisher,
      year: r.year,
      url: r.url,
      line: r.range.start.line + 1,
    })),
    signatories: letter.signatories.map((s) => ({
      name: s.name,
      role: s.role,
      organization: s.organization,
      place: s.place,
      line: s.range.start.line + 1,
    })),
  };
}
