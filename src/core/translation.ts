// Translation pairs: which file is a letter's other version, and which line of it matches a line of
// this one. Pure: the caller reads the folder and the files (the command line with Node's fs, the
// editor with vscode.workspace.fs), through the callbacks below. Paths are `/`-separated.
import type { Letter, Range, Span } from './model';

/** The other language version of a letter, as the checks receive it. */
export interface Counterpart {
  letter: Letter;
  /** Where it is (a path or a URI): given back as `RelatedInformation.file`. */
  file: string;
  /** How messages name it: its file name. */
  name: string;
}

/** How the pairing reads the disk. */
export interface TranslationFiles {
  /** The file names in a folder (names only), or none when it cannot be listed. */
  list(folder: string): Promise<readonly string[]>;
  /** A file's text, or null when it cannot be read. */
  read(path: string): Promise<string | null>;
  /**
   * A letter's `translation-of` (`translationOfText` of its text), when the caller keeps it from one
   * look-up to the next: in a folder of n letters, each looks at the n − 1 others.
   */
  declared?(path: string): Promise<string | null>;
}

export const TRANSLATION_KEY = 'translation-of';
const LETTER = /\.letter\.md$/i;
/** `letter.ja.letter.md`, `letter.pt-BR.letter.md`: a base name, a language tag, the letter extension. */
const TAGGED = /^(.+)\.([a-z]{2})((?:-[a-z0-9]{2,8})*)\.letter\.md$/i;
/**
 * The languages of ISO 639-1: only these name a version, so that `report.bad.letter.md` or
 * `letter.old.letter.md` pair with nothing.
 */
const LANGUAGES = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el ' +
    'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ' +
    'ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na ' +
    'nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so ' +
    'sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** A version's base name (`letter` of `letter.ja.letter.md`), or null for a name with no language. */
function taggedBase(name: string): string | null {
  const m = TAGGED.exec(name);
  return m && LANGUAGES.has(m[2].toLowerCase()) ? m[1] : null;
}
/** Past this many letters in a folder, nobody's `translation-of` is searched for this one. */
const MAX_SCANNED = 200;

/** The `translation-of` value of a parsed letter's front matter, with where it stands. */
export function declaredTranslation(letter: Letter): Span | null {
  const key = letter.frontMatter?.keys.find((k) => k.key === TRANSLATION_KEY && k.valid);
  return key ? { text: String(key.value).trim(), range: key.valueRange } : null;
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `reference` (relative to `folder`, or absolute) as a normalized path: `.` and `..` resolved. */
export function resolvePath(folder: string, reference: string): string {
  const absolute = reference.startsWith('/');
  const parts = (absolute ? reference : `${folder}/${reference}`).split('/');
  const out: string[] = [];
  const rooted = absolute || folder.startsWith('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !rooted) out.push(part);
  }
  return (rooted ? '/' : '') + out.join('/') || '.';
}

/** A letter's `translation-of` read from its text without parsing it: the front matter's plain `key: value` line. */
export function translationOfText(text: string): string | null {
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!block) return null;
  const line = /^translation-of[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(block[1]);
  if (!line) return null;
  const value = line[1].replace(/[ \t]+#.*$/, '');
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return (quoted ? quoted[2] : value).trim() || null;
}

/**
 * The other version of the letter at `path`, or null:
 * 1. the file its front matter names (`translation-of: ./letter.letter.md`);
 * 2. by name, in the same folder: `letter.letter.md` for `letter.ja.letter.md`, and for
 *    `letter.letter.md` the first of `letter.XX.letter.md` by name (the original first, when the
 *    names of both carry a language);
 * 3. a letter of the same folder whose `translation-of` names this one.
 * A named file that does not exist gives no counterpart (and no guess by name).
 */
export async function findTranslation(
  path: string,
  declared: string | null,
  files: TranslationFiles,
): Promise<string | null> {
  const folder = folderOf(path);
  const self = fileName(path);
  if (declared) {
    const target = resolvePath(folder, declared);
    if (target === resolvePath(folder, self)) return null;
    const names = await files.list(folderOf(target));
    return names.includes(fileName(target)) ? target : null;
  }
  const names = (await files.list(folder)).filter((name) => name !== self && LETTER.test(name));
  const byName = pairedByName(self, names);
  if (byName) return resolvePath(folder, byName);
  const here = resolvePath(folder, self);
  for (const name of names.slice(0, MAX_SCANNED).sort()) {
    const sibling = resolvePath(folder, name);
    const theirs = files.declared
      ? await files.declared(sibling)
      : await files.read(sibling).then((text) => (text === null ? null : translationOfText(text)));
    if (theirs && resolvePath(folder, theirs) === here) return sibling;
  }
  return null;
}

/**
 * `files` for one run over many letters (`lint *.letter.md`): each folder is listed once and each
 * letter's `translation-of` read once, so that a folder of n letters without translations costs n
 * reads, not n × (n − 1). For a run only: it does not see files change.
 */
export function filesReadOnce(files: TranslationFiles): TranslationFiles {
  const lists = new Map<string, Promise<readonly string[]>>();
  const declarations = new Map<string, Promise<string | null>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (!found) cache.set(key, (found = read()));
    return found;
  };
  return {
    list: (folder) => once(lists, folder, () => files.list(folder)),
    read: (path) => files.read(path),
    declared: (path) =>
      once(declarations, path, () =>
        files.declared
          ? files.declared(path)
          : files.read(path).then((text) => (text === null ? null : translationOfText(text))),
      ),
  };
}

/** The sibling a name pairs with: the same base name with or without a language tag. */
export function pairedByName(self: string, siblings: readonly string[]): string | null {
  const tagged = taggedBase(self);
  const base = tagged ?? self.replace(LETTER, '');
  const original = `${base}.letter.md`;
  if (tagged !== null && siblings.includes(original)) return original;
  const versions = siblings.filter((name) => taggedBase(name) === base).sort();
  return versions[0] ?? null;
}

// --- matching sections, for the previews side by side ---------------------------------------------

/** A part of the letter a reader finds in every version: the head, the addressees, the body, each section by position. */
export interface LetterLandmark {
  key: string;
  line: number;
}

/**
 * The letter's landmarks in source order: `head` (its top), `addressees`, `body` (the first text
 * after the addressees, date and subject), `reports`, `signatories`, and every other heading as
 * `heading-N` (N counting such headings: translated headings match by position, not by text).
 */
export function letterLandmarks(letter: Letter): LetterLandmark[] {
  const marks: LetterLandmark[] = [{ key: 'head', line: 0 }];
  const inBody = (r: { source: string; range: Range }) => r.source !== 'frontmatter';
  const addressees = letter.addressees.filter(inBody);
  // From the `To:` label, when the addressees stand below it.
  const label = letter.fields.find((f) => f.kind === 'addressee' && f.source !== 'frontmatter');
  if (addressees.length > 0)
    marks.push({
      key: 'addressees',
      line: Math.min(addressees[0].range.start.line, label?.range.start.line ?? Infinity),
    });
  const headEnd = Math.max(
    letter.frontMatter?.range.end.line ?? -1,
    letter.title?.source === 'body' ? letter.title.range.end.line : -1,
    ...addressees.map((a) => a.range.end.line),
    ...letter.fields.filter(inBody).map((f) => f.range.end.line),
    ...[letter.date, letter.replyBy, letter.subject]
      .filter((f): f is NonNullable<typeof f> => f !== null && inBody(f))
      .map((f) => f.range.end.line),
  );
  const firstHeading = letter.sections[0]?.headingRange.start.line ?? letter.lineCount;
  let body = headEnd + 1;
  while (body < firstHeading && (letter.lines[body] ?? '').trim() === '') body++;
  if (body < firstHeading) marks.push({ key: 'body', line: body });
  let others = 0;
  const seen = new Set<string>();
  for (const section of letter.sections) {
    const key = section.kind === 'other' ? `heading-${++others}` : section.kind;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({ key, line: section.headingRange.start.line });
  }
  return marks.sort((a, b) => a.line - b.line);
}

/** The landmark a line is in: the last one at or before it. */
export function landmarkAt(marks: readonly LetterLandmark[], line: number): LetterLandmark {
  let found = marks[0];
  for (const mark of marks) {
    if (mark.line > line) break;
    found = mark;
  }
  return found;
}

/**
 * Where a reader of `to` finds what `line` of `from` is in: the same landmark (the body, the cited
 * reports, the third heading), or null when `to` has no such part.
 */
export function matchingLandmark(
  from: Letter,
  line: number,
  to: Letter,
): { from: LetterLandmark; to: LetterLandmark | null } {
  const here = landmarkAt(letterLandmarks(from), line);
  return { from: here, to: letterLandmarks(to).find((mark) => mark.key === here.key) ?? null };
}
