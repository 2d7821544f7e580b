// Reading the lines of a signature into signatories: one signature block, cards, name and
// affiliation pairs, or one signatory a line; and whether they are people or organizations.
import { message, templates, type Message } from '../../core/messages';
import { ORGANIZATION_GROUP, PEOPLE_GROUP } from '../../core/vocabulary';
import { cardItem, readStackedCards, underName } from './cards';
import { commaCount, partSeparators, isNameLine } from './lines';
import type { Item, ParaUnit, ListUnit, Unit } from './units';
import { convertTemplates } from './notes';
import { isAffiliation, isContactLine, isPersonName } from './shapes';
import type { Converter } from './converter';
import { itemText, countItems, quote } from './shared';

/** Most entries are `Name, Role, Organization`: two commas or more, and no sentence. */
export function readsAsPeople(c: Converter, entries: string[]): boolean {
  const people = entries.filter((e) => partSeparators(e) >= 2 && isNameLine(e));
  return entries.length > 0 && people.length * 10 >= entries.length * 6;
}

/** Reads paragraphs of signature lines into items of a new list (and text it cannot place). */
export function readSignatures(
  c: Converter,
  paras: ParaUnit[],
  newList: (line: number) => ListUnit,
  out: Unit[],
): void {
  // Two signatures run together where a page lost a line break: `Olvid (France)OpenCloud (Germany)`.
  const lines = paras.flatMap((p, n) =>
    p.lines.flatMap((text, i) =>
      text
        .split(/(?<=[)）])(?=\p{Lu}\p{Ll})/u)
        .map((part, j) => ({ text: part, line: p.line + i, para: n, blankBefore: n > 0 && i === 0 && j === 0 })),
    ),
  );
  const item = (l: { text: string; line: number }): Item => ({
    line: l.line,
    ordered: false,
    number: 1,
    indent: 0,
    text: l.text,
    continuation: [],
    children: [],
    blankBefore: false,
  });
  const list = newList(lines[0].line);
  // Bold over a hard line break (`**Jane Doe  ` / `Director, Org**`): the lines of one signature.
  if (c.markdown && paras.length === 1 && lines.length > 1 && boldOverLines(lines.map((l) => l.text))) {
    list.items.push({ ...item(lines[0]), continuation: lines.slice(1).map((l) => l.text) });
    c.continuations += lines.length - 1;
    if (
      isPersonName(
        lines[0].text
          .replace(/^(\*\*|__)/, '')
          .split(/\s+/)
          .slice(0, 2)
          .join(' '),
      )
    )
      c.peopleSigned = true;
    return;
  }
  // A person's name alone (`David Lumm`): a person signs, not an organization.
  if (lines.length === 1 && isPersonName(lines[0].text)) {
    list.items.push(item(lines[0]));
    c.peopleSigned = true;
    return;
  }
  // One signature: a name, its title or organization, perhaps contact lines (`Jane Doe` / `Director, Org`).
  if (
    lines.length >= 2 &&
    lines.length <= 6 &&
    isPersonName(lines[0].text) &&
    !lines.slice(1).some((l) => isPersonName(l.text))
  ) {
    // A Markdown hard break (`Name\`) is layout the writer typed: the lines stay lines of one entry.
    const broken = /\\\s*$/.test(lines[0].text);
    const clear = isAffiliation(lines[1].text, true);
    if (!clear) list.items.push(item(lines[0]));
    else
      list.items.push(
        broken ? { ...item(lines[0]), continuation: [lines[1].text] } : joinedItem(c, item(lines[0]), lines[1]),
      );
    c.peopleSigned = true;
    const rest = lines.slice(clear ? 2 : 1);
    if (rest.length > 0) {
      out.push({ kind: 'para', line: rest[0].line, lines: rest.map((l) => l.text), standalone: false });
      const [from, to] = [rest[0].line + 1, rest[rest.length - 1].line + 1];
      c.note(
        from === to
          ? message(convertTemplates.noteSignatureRestLine, from)
          : message(convertTemplates.noteSignatureRest, from, to),
      );
    }
    return;
  }
  // Cards: blocks of a few lines, each led by a name (`Jane Doe` / `Org` / a comment).
  const cards = paras.filter((p) => p.lines.length <= 4 && isPersonName(p.lines[0]));
  if (
    paras.length >= 2 &&
    cards.length * 10 >= paras.length * 6 &&
    !paras.some((p) => partSeparators(p.lines[0]) >= 2)
  ) {
    for (const p of paras) {
      const joined = p.lines.length > 1 && underName(p.lines[1]);
      const rest = p.lines.slice(joined ? 2 : 1);
      list.items.push(cardItem(c, { text: p.lines[0], line: p.line }, joined ? p.lines[1] : undefined, rest));
    }
    c.peopleSigned = true;
    c.note(message(convertTemplates.noteSignatureCards, paras.length, paras[0].line + 1));
    return;
  }
  if (readStackedCards(c, lines, list) || readPairs(c, paras, list)) return;
  const people = readsAsPeople(
    c,
    lines.map((l) => l.text),
  );
  // Addresses under names (`adguard.com`) are details of a signature; a rare one in a long list of
  // names is someone who signs with their handle (`linux.redneck`).
  // A signatory named like a web address (`350.org`) in a short list is no such detail: the
  // addresses must be a good share of the lines, as when most names carry one.
  const contactLines = lines.filter((l) => isContactLine(l.text)).length;
  const contacts = contactLines >= 2 && contactLines * 10 >= lines.length * 3;
  for (const l of lines) {
    const previous = list.items[list.items.length - 1];
    // A wrapped organization (among people, a line without a comma), or an entry's web address,
    // continues the signatory before it.
    const contact = contacts && isContactLine(l.text) && !previous?.continuation.some(isContactLine);
    if (previous && !l.blankBefore && ((people && commaCount(l.text) === 0) || contact)) {
      previous.continuation.push(l.text);
      c.continuations++;
    } else {
      list.items.push(item(l));
    }
  }
}

/**
 * Names and affiliations on alternate lines (`Jane Doe` / `Individual` / `Sam Roe` / `Acme`), as a
 * page lists its signers: the second line of each pair repeats (`Individual`) where names do not. A
 * pair becomes `Name (Affiliation)`; a name whose affiliation was left blank ends its paragraph.
 */
function readPairs(c: Converter, paras: ParaUnit[], list: ListUnit): boolean {
  const firsts: string[] = [];
  const seconds: string[] = [];
  for (const p of paras) p.lines.forEach((l, i) => (i % 2 === 0 ? firsts : seconds).push(l.trim()));
  if (seconds.length < 3) return false;
  const top = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return Math.max(...counts.values());
  };
  const names = top(firsts);
  const affiliations = top(seconds);
  if (affiliations < 2 || affiliations * 5 < seconds.length || (names > 1 && names * 10 > firsts.length)) return false;
  for (const p of paras) {
    for (let i = 0; i < p.lines.length; i += 2) {
      const name = p.lines[i].replace(/[ \t\u00a0]+$/, '');
      const affiliation = p.lines[i + 1]?.trim();
      list.items.push({
        line: p.line + i,
        ordered: false,
        number: 1,
        indent: 0,
        text: affiliation ? `${name} (${affiliation})` : name,
        continuation: [],
        children: [],
        blankBefore: false,
      });
    }
  }
  c.peopleSigned = true;
  c.note(message(convertTemplates.notePairs, seconds.length, paras[0].line + 1));
  return true;
}

/** `Jane Doe` and `Director, Org` as one entry, `Jane Doe, Director, Org`; the writer is told. */
function joinedItem(c: Converter, first: Item, second: { text: string; line: number }): Item {
  const name = first.text.replace(/[ \t\u00a0]+$/, '');
  c.note(message(convertTemplates.noteSignatureJoined, first.line + 1, quote(name.trim()), quote(second.text.trim())));
  return { ...first, text: `${name}, ${second.text.trim()}` };
}

/** Signatories that are organizations alone (`Amnesty International`, `No Fence, Japan`) get `signed-by: organizations`. */
export function decideOrganizations(c: Converter, list: ListUnit, where: Message): void {
  const entries = list.items.map(itemText);
  const people = entries.filter((e) => partSeparators(e) >= 2 || boldName(e)).length;
  const what = message(templates.noteSignatories, countItems(list.items.length), where, list.line + 1);
  // A group of individuals among the signatories (`Individuals`, `個人`): people sign too.
  const individuals = c.groups.some((g) => PEOPLE_GROUP.test(g.text) && !ORGANIZATION_GROUP.test(g.text));
  if (people * 2 > entries.length || c.peopleSigned || individuals) {
    c.note(message(templates.noteSignatoriesPeople, what, people, entries.length));
    return;
  }
  c.signedByOrganizations = true;
  c.note(message(templates.noteSignatoriesOrganizations, what));
}

/** The first line opens bold (`**`, `__`) that only the last line closes. */
function boldOverLines(lines: string[]): boolean {
  const open = /^\s*(\*\*|__)/.exec(lines[0]);
  if (!open) return false;
  const marks = (l: string) => l.split(open[1]).length - 1;
  return (
    marks(lines[0]) === 1 &&
    lines.slice(1, -1).every((l) => marks(l) === 0) &&
    marks(lines[lines.length - 1]) === 1 &&
    lines[lines.length - 1].trimEnd().endsWith(open[1])
  );
}

/** `**Jennifer Robinson**, human rights lawyer`: a person's name set in bold, then what they are. */
function boldName(entry: string): boolean {
  const m = /^(\*\*|__)([^*_]+)\1\s*[,，]/.exec(entry.trim());
  return m !== null && isPersonName(m[2]);
}
