// Letters as people write them, without labels: signatures after a complimentary close, a line that
// is only a date, addressee blocks under a bare `To`, honorific lines (`〇〇御中`), a salutation.
import type { Token } from 'markdown-it';
import { leadingDate, parseDate } from './dates';
import { readSignatoryEntry, trimPart } from './entries';
import { collapse } from './text/spaces';
import { InlineText } from './text/inlineText';
import type { Addressee, LetterDate, Section } from './model';
import {
  honorificOf,
  isAddressLine,
  isBodyOpening,
  isClose,
  lineTokens,
  looksLikeSignature,
  salutationNames,
  greetedParts,
} from './letterShapes';
import type { LetterPart, LetterReader } from './parseLetter';
import { LABEL_HINT } from './fieldReading';
import { lineParts, addresseeOf } from './fieldReading';
import { noteSender } from './sender';

/** Whether a heading or label names a signatories section anywhere in the letter. */
export function hasSignatoryHeading(c: LetterReader): boolean {
  const tokens = c.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open' && token.tag !== 'h1') {
      if (c.vocabulary.sectionOf(tokens[i + 1].content.replace(/[*_]/g, '')) === 'signatories') return true;
    } else if (
      token.type === 'paragraph_open' &&
      /^(?:bullet_list|ordered_list|table)_open$/.test(tokens[i + 3]?.type ?? '')
    ) {
      const content = tokens[i + 1].content;
      if (
        content.length < 60 &&
        /[:：]\W*$/.test(content) &&
        c.vocabulary.sectionOf(content.replace(/[*_]/g, '')) === 'signatories'
      )
        return true;
    }
  }
  return false;
}

/** Something that is neither a signature nor an address block ends both. */
export function endHead(c: LetterReader): void {
  c.signing = null;
  c.toBlocks = false;
}

/** Reads a top-level paragraph that carries no label; false when it is none of these parts. */
export function readUnlabelled(c: LetterReader, index: number, inline: Token, firstLine: string): boolean {
  if (noteSender(c, index, inline, firstLine)) return true;
  if (c.signing) {
    if (readDateLine(c, index, inline)) return true;
    if (readSignatureLines(c, index, inline, null)) return true;
    c.signing = null;
  }
  if (c.toBlocks) {
    if (readDateLine(c, index, inline) || !readAddresseeBlock(c, index, inline, 0)) c.toBlocks = false;
    if (c.parts.has(index)) return true;
    c.toBlocks = false;
  }
  if (!c.signatoryHeading && isClose(firstLine)) {
    const text = new InlineText(inline, c.lines);
    const nl = text.plain.indexOf('\n');
    const close = trimPart(text.plain, 0, nl < 0 ? text.plain.length : nl);
    c.signing = {
      heading: collapse(text.plain.slice(close.start, close.end)),
      headingRange: text.range(close.start, close.end),
      section: null,
    };
    c.bodyStarted = true;
    if (nl < 0) {
      c.parts.set(index, {
        kind: 'signatureLines',
        close: c.signing.heading,
        entries: [],
        notes: [],
        first: false,
      });
      return true;
    }
    return readSignatureLines(c, index, inline, c.signing.heading);
  }
  if (/^\s*(?:\*\*|__)?(?:open\s+letter\s+to|letter\s+to|to)(?:\*\*|__)?\s*$/i.test(firstLine)) {
    // `To` on a line of its own, with no colon: the blocks after it are the addressees.
    c.toBlocks = true;
    const nl = inline.content.indexOf('\n');
    if (nl >= 0) return readAddresseeBlock(c, index, inline, 1);
    c.parts.set(index, { kind: 'addresseeLines', addressees: [], labelled: true });
    return true;
  }
  readAddressedHeading(c, inline);
  if (isBodyOpening(firstLine)) {
    c.bodyStarted = true;
    readSalutation(c, index, inline);
    return false;
  }
  if (!c.bodyStarted) {
    if (readDateLine(c, index, inline)) return true;
    readDatedPhrase(c, inline);
    if (
      inline.content.length <= 300 &&
      !LABEL_HINT.test(firstLine) &&
      readHonorificLines(c, index, new InlineText(inline, c.lines))
    )
      return true;
    if (inline.content.length > 200) c.bodyStarted = true;
  } else if (nextIsClose(c, index) && readDateLine(c, index, inline)) {
    return true;
  } else if (inline.content.length <= 80 && !inline.content.includes('\n')) {
    readDatedPhrase(c, inline);
  }
  return false;
}

/** Whether the block after the paragraph at `index` is a paragraph opening with a close. */
export function nextIsClose(c: LetterReader, index: number): boolean {
  const next = c.tokens[index + 3];
  return next?.type === 'paragraph_open' && isClose(c.tokens[index + 4].content.split('\n', 1)[0]);
}

/** `Letter dated …`, `Letter written …`, `Signed on …`: a phrase that dates the letter. */
const DATED = /^\s*(?:(?:the|this)\s+)?(?:letter\s+)?(?:dated|written|signed|sent)(?:\s+on)?\s+/i;

/**
 * `Letter dated 30 September 2020 from … to …` (as UN documents head a letter), or `Letter written
 * August 6th, 2021.` at its end: the date the phrase gives is the letter's, unless a line or a label
 * gives one.
 */
export function readDatedPhrase(c: LetterReader, inline: Token): void {
  if (!DATED.test(inline.content) || c.dates.line) return;
  const text = new InlineText(inline, c.lines);
  const lead = DATED.exec(text.plain);
  if (!lead) return;
  const words = text.plain.slice(lead[0].length).split(/(\s+)/).slice(0, 7);
  // The longest run of words that is a date (`30 September 2020`, `May 7, 2013`).
  for (let n = words.length; n >= 1; n -= 2) {
    const raw = words.slice(0, n).join('').replace(/[,.]$/, '');
    const iso = parseDate(raw);
    if (!iso) continue;
    const start = lead[0].length;
    c.dates.line = { raw: collapse(raw), iso, range: text.range(start, start + raw.length), source: 'line' };
    return;
  }
}

/**
 * A paragraph in bold that turns to someone, `**To the FSF:**` or `**FSF へ。**`: the letter addresses
 * them (a letter may turn to several in turn).
 */
export function readAddressedHeading(c: LetterReader, inline: Token): boolean {
  const content = inline.content;
  if (content.length > 300 || !/^(\*\*|__)[^]*\1$/.test(content)) return false;
  const text = new InlineText(inline, c.lines);
  const plain = text.plain;
  const m = /^(\s*to\s+)([^]+?)\s*[:：]\s*$/i.exec(plain) ?? /^()([^]{1,120}?)\s*へ[。:：]?\s*$/.exec(plain);
  if (!m || (m[1] === '' && !/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Lu}]/u.test(m[2]))) return false;
  const start = m[1].length;
  // The paragraph shows as written: the words `To` and `へ` are the writer's.
  c.bodyAddressees.push(addresseeOf(c, text, start, start + m[2].length, false));
  return false;
}

/** A paragraph that is one line, and that line only a date: the letter's date, unless one is labelled. */
export function readDateLine(c: LetterReader, index: number, inline: Token): boolean {
  const content = inline.content;
  if (content.length > 100 || content.includes('\n') || c.dates.line) return false;
  const text = new InlineText(inline, c.lines);
  // A date alone, or followed by a spaced dash and more words (01.06.2022 — In celebration of …).
  const found = leadingDate(collapse(text.plain));
  if (!found) return false;
  const whole = trimPart(text.plain, 0, text.plain.length);
  const end =
    found.raw.length < whole.end - whole.start
      ? whole.start + text.plain.slice(whole.start).search(/\s[-–—]\s/)
      : whole.end;
  const date: LetterDate = { raw: found.raw, iso: found.iso, range: text.range(whole.start, end), source: 'line' };
  c.dates.line = date;
  c.parts.set(index, { kind: 'dateLine', date });
  return true;
}

/** The signatories section a close opens, made with its first signatory. */
export function closeSection(c: LetterReader): Section {
  const signing = c.signing!;
  if (!signing.section) {
    signing.section = {
      kind: 'signatories',
      heading: signing.heading,
      level: 0,
      headingRange: signing.headingRange,
      range: signing.headingRange,
      entryCount: 0,
    };
    c.sections.push(signing.section);
  }
  return signing.section;
}

/**
 * Each line of a paragraph after a close (or after the close on its first line) is one signatory,
 * when every one of them reads as a signature.
 */
export function readSignatureLines(c: LetterReader, index: number, inline: Token, close: string | null): boolean {
  const all = lineTokens(inline);
  const lines = close === null ? all : all.slice(1);
  const texts = lines.map(({ text }) => InlineText.plainText(text) ?? new InlineText(text, c.lines).plain);
  if (!texts.every((t) => looksLikeSignature(t, c.vocabulary.labelPattern))) {
    if (close === null) return false;
    c.parts.set(index, { kind: 'signatureLines', close, entries: [], notes: [], first: false });
    return true;
  }
  const part: LetterPart = {
    kind: 'signatureLines',
    close,
    entries: [],
    notes: [],
    first: c.signatories.length === 0,
  };
  const section = closeSection(c);
  for (const [k, { item, text }] of lines.entries()) {
    if (isAddressLine(texts[k])) {
      part.notes.push({ after: part.entries.length - 1, text: collapse(texts[k]) });
      continue;
    }
    const signatory = readSignatoryEntry(c.signatories.length + 1, item, text, c.lines, c.signedBy === 'organizations');
    signatory.shape = 'line';
    section.entryCount++;
    c.signatories.push(signatory);
    part.entries.push(signatory);
  }
  if (part.entries.length > 0)
    section.range = { start: section.range.start, end: part.entries[part.entries.length - 1].range.end };
  c.parts.set(index, part);
  return true;
}

/** A block of short lines after a bare `To`: one addressee, its name first, then its titles. */
export function readAddresseeBlock(c: LetterReader, index: number, inline: Token, fromLine: number): boolean {
  const content = inline.content;
  const first = content.split('\n', 1)[0];
  if (content.length > 400 || isBodyOpening(first) || isClose(first)) return false;
  if (content.split('\n').some((line) => line.length > 120)) return false;
  const text = new InlineText(inline, c.lines);
  if (c.vocabulary.labelPattern.test(text.plain)) return false;
  let start = 0;
  for (let k = 0; k < fromLine; k++) start = text.plain.indexOf('\n', start) + 1;
  const whole = trimPart(text.plain, start, text.plain.length);
  if (whole.end <= whole.start) return false;
  const addressee = addresseeOf(c, text, whole.start, whole.end, true);
  c.bodyAddressees.push(addressee);
  c.parts.set(index, { kind: 'addresseeLines', addressees: [addressee], labelled: true });
  return true;
}

/** `〇〇御中`, `法務大臣 山田太郎 殿`: a short block whose last line ends in an honorific names an addressee. */
export function readHonorificLines(c: LetterReader, index: number, text: InlineText): boolean {
  const plain = text.plain;
  const lastStart = plain.lastIndexOf('\n') + 1;
  const end = trimPart(plain, lastStart, plain.length).end;
  const found = honorificOf(plain.slice(lastStart, end));
  if (!found) return false;
  // Each line addressed (`内閣総理大臣 岸田文雄 様` / `法務大臣 齋藤健 様`): one addressee a line.
  const each = lineParts(c, plain, 0, end).map((p) => trimPart(plain, p.start, p.end));
  const honorifics = each.map((p) => honorificOf(plain.slice(p.start, p.end)));
  if (each.length > 1 && honorifics.every((h) => h !== null)) {
    const addressees: Addressee[] = each.map((p, k) => ({
      ...addresseeOf(c, text, p.start, p.start + honorifics[k].start, false),
      range: text.range(p.start, p.end),
      source: 'line',
      honorific: honorifics[k].honorific,
    }));
    c.bodyAddressees.push(...addressees);
    c.parts.set(index, { kind: 'addresseeLines', addressees, labelled: false });
    return true;
  }
  const addressee = addresseeOf(c, text, lastStart, lastStart + found.start, false);
  const whole = trimPart(plain, 0, end);
  const titles = lineParts(c, plain, 0, Math.max(0, lastStart - 1))
    .map((p) => trimPart(plain, p.start, p.end))
    .filter((p) => lastStart > 0 && p.end > p.start)
    .map((p) => ({ text: collapse(plain.slice(p.start, p.end)), range: text.range(p.start, p.end) }));
  const named: Addressee = {
    ...addressee,
    titles: [...titles, ...addressee.titles],
    range: text.range(whole.start, whole.end),
    source: 'line',
    honorific: found.honorific,
  };
  c.bodyAddressees.push(named);
  c.parts.set(index, { kind: 'addresseeLines', addressees: [named], labelled: false });
  return true;
}

/** `Dear Apple,`: the addressee, if the letter names none elsewhere. */
export function readSalutation(c: LetterReader, index: number, inline: Token): void {
  if (c.salutation) return;
  // A salutation wholly in emphasis (`_Dear Mr. Zuckerberg,_`, a letter set in italics) is read inside it.
  const children = inline.children ?? [];
  const wrapped = /^(?:em|strong)_open$/.test(children[0]?.type ?? '') && /_close$/.test(children.at(-1)?.type ?? '');
  const first = wrapped ? children[1] : children[0];
  const content = wrapped ? inline.content.replace(/^[*_]+/, '') : inline.content;
  if (!first || first.type !== 'text' || !content.startsWith(first.content.split('\n', 1)[0])) return;
  const text = new InlineText(inline, c.lines);
  // Read on the plain text, so that markup inside the salutation (`Dear **[name of MP]**,`) is read too.
  const named = salutationNames(text.plain.split('\n', 1)[0]);
  if (!named) return;
  const addressee = addresseeOf(c, text, named.start, named.end, false);
  addressee.source = 'salutation';
  // `Dear Ministers and Ambassadors of EU Member States,` greets two.
  const parts = greetedParts(text.plain, named.start, named.end);
  const names =
    parts.length > 1
      ? parts.map((p) => ({
          addressee: { ...addresseeOf(c, text, p.start, p.end, false), source: 'salutation' as const },
          ...p,
        }))
      : [{ addressee, start: named.start, end: named.end }];
  // The preview marks the names inside the salutation's first run of text; a name that runs into
  // markup (`Dear **[name of MP]**,`, `Dear Mr. [Zuckerberg](…)`) is read, and the line shown as written.
  const marked = text.plain.startsWith(first.content) && names.every((n) => n.end <= first.content.length);
  c.salutation = {
    index,
    part: marked ? { kind: 'salutation', names } : null,
    addressees: names.map((n) => n.addressee),
  };
}
