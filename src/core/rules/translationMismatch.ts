import { compareDates } from '../dates';
import type { RelatedInformation } from '../diagnostic';
import { message, saidAt, templates, type MessageArg, type Template } from '../messages';
import type { Entry, Letter, Range, SectionKind, Signatory } from '../model';
import { declaredTranslation } from '../translation';
import { foldKey, letterAnchor, type RuleDefinition } from './rule';

const none = () => message(templates.translationNone);
const shown = (value: string | number | null): MessageArg => (value === null ? none() : value);

/** Where a section of this kind begins (its heading), else its first entry, else the letter's top. */
function sectionAnchor(letter: Letter, kind: Exclude<SectionKind, 'other'>, entries: readonly Entry[]): Range {
  return letter.sections.find((s) => s.kind === kind)?.headingRange ?? entries[0]?.textRange ?? letterAnchor(letter);
}

/** A name as written in Latin letters, folded for comparison (case and accents aside), or null in another script. */
function latinKey(name: string | null): string | null {
  if (!name || !/\p{Script=Latin}/u.test(name)) return null;
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '');
  if (/[^\p{Script=Latin}\p{Script=Common}]/u.test(folded)) return null;
  return folded
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A link as two versions may write the same: no trailing slash, the scheme and host in lower case. */
function urlKey(url: string | null): string | null {
  if (!url) return null;
  const trimmed = url.trim().replace(/\/+$/, '');
  return trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, (origin) => origin.toLowerCase());
}

/** How many signatories of the letter share each signatory's organization (0 for none named). */
function organizationCounts(signatories: readonly Signatory[]): number[] {
  const counts = new Map<string, number>();
  for (const s of signatories)
    if (s.organization) counts.set(foldKey(s.organization), (counts.get(foldKey(s.organization)) ?? 0) + 1);
  return signatories.map((s) => (s.organization ? counts.get(foldKey(s.organization))! : 0));
}

export const translationMismatch: RuleDefinition = {
  code: 'translation-mismatch',
  severity: 'warning',
  description:
    'The letter and its translation (`translation-of`, or `letter.ja.letter.md` beside `letter.letter.md`) differ in a date, a count, a report or a signatory.',
  descriptionJa:
    'レターとその翻訳（`translation-of`、または `letter.letter.md` の隣の `letter.ja.letter.md`）で、日付、数、引用報告書または署名者が食い違っています。',
  check(letter, report, context) {
    const other = context.counterpart;
    if (!other) {
      // A translation named but not there: say so where it is named (read only then).
      const named = context.translationNotFound ? declaredTranslation(letter) : null;
      if (named) report(saidAt(named.range, templates.translationNotFound, named.text));
      return;
    }
    const there = other.letter;
    const mismatch = (range: Range, otherRange: Range, template: Template, ...args: MessageArg[]) => {
      const related: RelatedInformation = {
        ...saidAt(otherRange, templates.translationThere, other.name),
        file: other.file,
      };
      report({ ...saidAt(range, template, ...args, other.name), related: [related] });
    };
    compareDatesOf(letter, there, mismatch);
    const counts: [Exclude<SectionKind, 'other'> | 'addressees', Template, number, number][] = [
      ['addressees', templates.translationAddressees, letter.addressees.length, there.addressees.length],
      ['reports', templates.translationReports, letter.reports.length, there.reports.length],
      ['signatories', templates.translationSignatories, letter.signatories.length, there.signatories.length],
    ];
    for (const [kind, template, here, theirs] of counts) {
      if (here === theirs) continue;
      const at = (l: Letter) =>
        kind === 'addressees'
          ? (l.addressees[0]?.range ?? letterAnchor(l))
          : sectionAnchor(l, kind, kind === 'reports' ? l.reports : l.signatories);
      mismatch(at(letter), at(there), template, here, theirs);
    }
    // Entry by entry only where the lists are as long: after a missing entry, positions no longer match.
    if (letter.reports.length === there.reports.length) {
      letter.reports.forEach((r, i) => {
        const q = there.reports[i];
        if (r.year !== q.year)
          mismatch(
            r.yearRange ?? r.textRange,
            q.yearRange ?? q.textRange,
            templates.translationReportYear,
            r.index,
            shown(r.year),
            shown(q.year),
          );
        if (urlKey(r.url) !== urlKey(q.url))
          mismatch(
            r.urlRange ?? r.textRange,
            q.urlRange ?? q.textRange,
            templates.translationReportUrl,
            r.index,
            shown(r.url),
            shown(q.url),
          );
      });
    }
    if (letter.signatories.length === there.signatories.length) {
      const ours = organizationCounts(letter.signatories);
      const theirs = organizationCounts(there.signatories);
      letter.signatories.forEach((s, i) => {
        const q = there.signatories[i];
        if (ours[i] !== theirs[i])
          mismatch(
            s.organizationRange ?? s.textRange,
            q.organizationRange ?? q.textRange,
            templates.translationOrganizationCount,
            s.index,
            ours[i],
            theirs[i],
          );
        // Names in two scripts cannot be compared: only by position and count.
        const a = latinKey(s.name);
        const b = latinKey(q.name);
        if (a !== null && b !== null && a !== b && s.nameRange && q.nameRange)
          mismatch(s.nameRange, q.nameRange, templates.translationSignatoryName, s.index, s.name!, q.name!);
      });
    }
  },
};

type Mismatch = (range: Range, otherRange: Range, template: Template, ...args: MessageArg[]) => void;

/** The letter's date, and the reply deadline, present in one version and not the other too. */
function compareDatesOf(letter: Letter, there: Letter, mismatch: Mismatch): void {
  const a = letter.date?.iso;
  const b = there.date?.iso;
  if (a && b && compareDates(a, b) !== 0)
    mismatch(letter.date!.range, there.date!.range, templates.translationDate, a, b);
  const r = letter.replyBy;
  const s = there.replyBy;
  if (r?.iso && s?.iso) {
    if (compareDates(r.iso, s.iso) !== 0) mismatch(r.range, s.range, templates.translationReplyBy, r.iso, s.iso);
  } else if (r?.iso && !s) {
    mismatch(r.range, there.date?.range ?? letterAnchor(there), templates.translationReplyBy, r.iso, none());
  } else if (!r && s?.iso) {
    mismatch(letter.date?.range ?? letterAnchor(letter), s.range, templates.translationReplyBy, none(), s.iso);
  }
}
