// The cover page: the title, who the letter is to, its date and the totals of its signatories
// (cover.ts counts them), in the letter's language. Shown before the letter when its front matter
// says `cover: true` or the preview's toggle asks; printed on a page of its own.
import { coverTotals, type CoverCount } from './cover';
import { dateText, formatNumber, stringsFor } from './letterStrings';
import type { Letter } from './model';
import type { Env } from './render';
import { addresseeParts, escape, renderDate } from './renderParts';

export function renderCover(env: Env): string {
  const { letter, strings } = env;
  const totals = coverTotals(letter);
  const n = (count: number) => formatNumber(count, letter.lang);
  let html = '<section class="letter-cover">\n';
  if (letter.title) html += `<h1 class="letter-cover-title">${escape(letter.title.text)}</h1>\n`;
  if (letter.addressees.length > 0) {
    html += `<div class="letter-cover-addressees">\n<p class="letter-cover-label">${escape(strings.addressedTo)}</p>\n`;
    for (const a of letter.addressees) html += `<div class="letter-cover-addressee">${addresseeParts(a, env)}</div>\n`;
    html += '</div>\n';
  }
  if (letter.date) html += `<p class="letter-cover-date">${renderDate(letter.date, letter.lang)}</p>\n`;
  const line = strings.signedBy({ ...totals, n });
  if (line) html += `<p class="letter-cover-totals">${escape(line)}</p>\n`;
  html += countTable(totals.groups, strings.byGroup, strings.other, n);
  html += countTable(totals.countries, strings.byCountry, strings.noCountry, n);
  return `${html}</section>\n`;
}

function countTable(counts: CoverCount[], caption: string, other: string, n: (count: number) => string): string {
  if (counts.length === 0) return '';
  const rows = counts
    .map((c) => `<tr><th scope="row">${escape(c.label || other)}</th><td>${escape(n(c.count))}</td></tr>\n`)
    .join('');
  return `<table class="letter-cover-counts">\n<caption>${escape(caption)}</caption>\n<tbody>\n${rows}</tbody>\n</table>\n`;
}

/** The cover page as plain lines, for exports that lay it out themselves (Word): the same words as the HTML. */
export interface CoverText {
  title?: string;
  lines: string[];
}

export function coverText(letter: Letter): CoverText {
  const strings = stringsFor(letter.lang);
  const totals = coverTotals(letter);
  const n = (count: number) => formatNumber(count, letter.lang);
  const lines: string[] = [];
  if (letter.addressees.length > 0) {
    lines.push(strings.addressedTo);
    for (const a of letter.addressees) {
      lines.push(a.honorific ? `${a.name} ${a.honorific}` : a.name, ...a.titles.map((t) => t.text));
    }
  }
  if (letter.date) lines.push(dateText(letter.date, letter.lang));
  const line = strings.signedBy({ ...totals, n });
  if (line) lines.push(line);
  const counts = (list: CoverCount[], caption: string, other: string) => {
    if (list.length === 0) return;
    lines.push(caption, ...list.map((c) => `${c.label || other}: ${n(c.count)}`));
  };
  counts(totals.groups, strings.byGroup, strings.other);
  counts(totals.countries, strings.byCountry, strings.noCountry);
  return { title: letter.title?.text, lines };
}
