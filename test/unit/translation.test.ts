// Translation pairs: which file is a letter's other version, what translation-mismatch reports
// between the two (on each side, with the other version's line), and which part of one version
// matches a line of the other (the previews side by side).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  filesReadOnce,
  findTranslation,
  lintLetter,
  matchingLandmark,
  openElsewhereFixes,
  pairedByName,
  parseLetter,
  rules,
  translationOfText,
  type Letter,
  type TranslationFiles,
} from '../../src/core';
import { fixturesRoot, repoRoot } from './support/expectations';

const english = readFileSync(join(repoRoot, 'examples', 'open-letter-2013.letter.md'), 'utf8');
const japanese = readFileSync(join(fixturesRoot, 'translations', 'open-letter-2013.ja.letter.md'), 'utf8');
const withoutFujita = japanese.replace(/^- 藤田隆司.*\n/m, '');

function mismatches(letter: string, other: string, name = 'other.letter.md') {
  const diagnostics = lintLetter(parseLetter(letter), {
    counterpart: { letter: parseLetter(other), file: `/letters/${name}`, name },
  });
  return diagnostics.filter((d) => d.code === 'translation-mismatch');
}

const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start));

describe('translation-mismatch on the 2013 letter and its Japanese version', () => {
  test('a complete translation: nothing to report, either way', () => {
    assert.deepEqual(mismatches(english, japanese), []);
    assert.deepEqual(mismatches(japanese, english), []);
  });

  test('one signatory removed in Japanese: exactly one problem on each side, the signatory count', () => {
    const inEnglish = mismatches(english, withoutFujita, 'open-letter-2013.ja.letter.md');
    assert.deepEqual(
      inEnglish.map((d) => d.message),
      ['Signatories: 6 here, 5 in open-letter-2013.ja.letter.md'],
    );
    const inJapanese = mismatches(withoutFujita, english, 'open-letter-2013.letter.md');
    assert.deepEqual(
      inJapanese.map((d) => d.message),
      ['Signatories: 5 here, 6 in open-letter-2013.letter.md'],
    );
    // Each on its own signatories heading, pointing at the other's.
    assert.equal(inEnglish[0].range.start.line, lineOf(english, '## Signatories'));
    assert.equal(inJapanese[0].range.start.line, lineOf(withoutFujita, '## 署名者'));
    assert.deepEqual(
      inEnglish[0].related?.map((r) => [r.file, r.range.start.line]),
      [['/letters/open-letter-2013.ja.letter.md', lineOf(withoutFujita, '## 署名者')]],
    );
    assert.equal(inEnglish[0].severity, 'warning');
  });

  test('the quick fix opens the other version at the line concerned (1-based in its title)', () => {
    const [problem] = mismatches(english, withoutFujita, 'open-letter-2013.ja.letter.md');
    const fixes = openElsewhereFixes(problem);
    const line = lineOf(withoutFujita, '## 署名者');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.file, f.range.start.line]),
      [[`Open open-letter-2013.ja.letter.md at line ${line + 1}`, '/letters/open-letter-2013.ja.letter.md', line]],
    );
    assert.deepEqual(f(fixes[0].l10n.args), ['open-letter-2013.ja.letter.md', line + 1]);
  });

  test('a date, a reply deadline in one version only, a corrected report year', () => {
    const changed = withoutFujita
      .replace('日付：2013年5月7日', '日付：2013年5月8日\n\n回答期限：2013年6月7日')
      .replace('『北朝鮮の囚人の現在』、NKDB、2012年。', '『北朝鮮の囚人の現在』、NKDB、2011年。');
    assert.deepEqual(
      mismatches(english, changed, 'ja').map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [
        `${lineOf(english, 'Letter Dated') + 1}: Date: 2013-05-07 here, 2013-05-08 in ja`,
        `${lineOf(english, 'Letter Dated') + 1}: Reply-by date: none here, 2013-06-07 in ja`,
        `${lineOf(english, '- North Korean Prisoners Today') + 1}: Cited report 3: year 2012 here, 2011 in ja`,
        `${lineOf(english, '## Signatories') + 1}: Signatories: 6 here, 5 in ja`,
      ],
    );
  });

  test('signatories in two scripts: the organization count by position, not the names', () => {
    // Two Japanese signatories of one organization where the English has two organizations.
    const merged = japanese.replace('、救う会埼玉', '、救う会神奈川');
    const found = mismatches(english, merged, 'ja').map((d) => d.message);
    assert.deepEqual(found, [
      'Signatory 5: signatories of the same organization: 1 here, 2 in ja',
      'Signatory 6: signatories of the same organization: 1 here, 2 in ja',
    ]);
  });

  test('the number of addressees and of cited reports; entries by position only when as many', () => {
    const letter = (to: string[], reports: string[]) =>
      [
        '# L',
        '',
        ...to.flatMap((addressee) => [`To: ${addressee}`, '']),
        'Date: 2024-01-01',
        '',
        '## Cited Reports',
        '',
        ...reports.map((r) => `- ${r}`),
        '',
        '## Signatories',
        '',
        '- Ana Lima, Director, Example Watch',
        '',
      ].join('\n');
    const one = 'A Report, Example Watch, 2020.';
    const two = 'Another Report, Example Watch, 2021.';
    const english = letter(['Jane Doe, Minister of Justice'], [one, two]);
    const other = letter(['Jane Doe, Minister of Justice', 'John Roe, Minister of Finance'], [two]);
    assert.deepEqual(
      mismatches(english, other).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      // Report 2 here is report 1 there: no year compared across the gap.
      ['3: Addressees: 1 here, 2 in other.letter.md', '7: Cited reports: 2 here, 1 in other.letter.md'],
    );
  });

  test("each cited report's link by position, a final slash and the host's case aside", () => {
    const letter = (url: string) =>
      `# L\n\nTo: A, B\n\nDate: 2024-01-01\n\n## Cited Reports\n\n- [Report](${url}), Example Watch, 2020.\n`;
    assert.deepEqual(mismatches(letter('https://example.org/r'), letter('https://EXAMPLE.org/r/')), []);
    const [problem, ...more] = mismatches(letter('https://example.org/r'), letter('https://example.org/ja/r'));
    assert.deepEqual(more, []);
    assert.equal(
      problem.message,
      'Cited report 1: link https://example.org/r here, https://example.org/ja/r in other.letter.md',
    );
    assert.equal(problem.range.start.line, 8);
    assert.equal(problem.related?.[0].range.start.line, 8);
  });

  test('names in Latin letters are compared, case and accents aside', () => {
    const letter = (name: string) =>
      `# L\n\nTo: A, B\n\nDate: 2024-01-01\n\n## Signatories\n\n- ${name}, Director, Example Watch\n`;
    assert.deepEqual(mismatches(letter('José Álvarez'), letter('JOSE ALVAREZ')), []);
    assert.deepEqual(
      mismatches(letter('José Álvarez'), letter('Jose Alvares')).map((d) => d.message),
      ['Signatory 1: José Álvarez here, Jose Alvares in other.letter.md'],
    );
    assert.deepEqual(mismatches(letter('José Álvarez'), letter('ホセ・アルバレス')), []);
  });

  test('without a counterpart the check reads nothing of the letter: it costs nothing', () => {
    const rule = rules.find((r) => r.code === 'translation-mismatch')!;
    const untouchable = new Proxy({} as Letter, {
      get(_, key) {
        throw new Error(`read ${String(key)}`);
      },
    });
    assert.doesNotThrow(() => rule.check(untouchable, () => assert.fail('reported'), { requiredSignatoryFields: [] }));
  });
});

const f = (args: readonly unknown[]) => [...args];

/** A folder tree in memory: path → text. */
function disk(files: Record<string, string>): TranslationFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: (folder) =>
      Promise.resolve(
        Object.keys(files)
          .filter((path) => path.slice(0, path.lastIndexOf('/')) === folder)
          .map((path) => path.slice(path.lastIndexOf('/') + 1)),
      ),
    read: (path) => {
      reads.push(path);
      return Promise.resolve(files[path] ?? null);
    },
  };
}

describe('pairing a letter with its translation', () => {
  test('by name, both ways', async () => {
    const files = disk({ '/l/letter.letter.md': '', '/l/letter.ja.letter.md': '', '/l/other.letter.md': '' });
    assert.equal(await findTranslation('/l/letter.ja.letter.md', null, files), '/l/letter.letter.md');
    assert.equal(await findTranslation('/l/letter.letter.md', null, files), '/l/letter.ja.letter.md');
    assert.equal(await findTranslation('/l/other.letter.md', null, files), null);
  });

  test('only language codes name a version: report.bad.letter.md and letter.old.letter.md pair with nothing', () => {
    assert.equal(pairedByName('report.bad.letter.md', ['report.letter.md', 'report.bad-names.letter.md']), null);
    assert.equal(pairedByName('letter.letter.md', ['letter.old.letter.md']), null);
    assert.equal(pairedByName('letter.pt-BR.letter.md', ['letter.letter.md']), 'letter.letter.md');
    assert.equal(
      pairedByName('letter.en.letter.md', ['letter.ja.letter.md', 'letter.ko.letter.md']),
      'letter.ja.letter.md',
    );
    assert.equal(pairedByName('letter.ko.letter.md', ['letter.ja.letter.md', 'letter.letter.md']), 'letter.letter.md');
  });

  test('translation-of names the other version, relative to the letter, in any folder', async () => {
    const files = disk({ '/l/ja/letter.letter.md': '', '/l/en/letter.letter.md': '', '/l/ja/letter.en.letter.md': '' });
    assert.equal(
      await findTranslation('/l/ja/letter.letter.md', '../en/letter.letter.md', files),
      '/l/en/letter.letter.md',
    );
    // A name that leads nowhere pairs with nothing, not with a guess by name.
    assert.equal(await findTranslation('/l/ja/letter.letter.md', './missing.letter.md', files), null);
  });

  test('the other version finds a letter whose translation-of names it', async () => {
    const files = disk({
      '/l/open-letter.letter.md': '# Open letter\n',
      '/l/kokai-shokan.letter.md': '---\nlang: ja\ntranslation-of: "./open-letter.letter.md"\n---\n\n# 公開書簡\n',
    });
    assert.equal(await findTranslation('/l/open-letter.letter.md', null, files), '/l/kokai-shokan.letter.md');
  });

  test('a letter named as no pair reads no file', async () => {
    const files = disk({ '/l/a.letter.md': '', '/l/b.letter.md': '' });
    assert.equal(await findTranslation('/l/a.letter.md', './b.letter.md', files), '/l/b.letter.md');
    assert.deepEqual(files.reads, []);
  });

  test("a caller that keeps each letter's translation-of is asked instead of reading the files", async () => {
    const files = disk({ '/l/a.letter.md': '', '/l/b.letter.md': '', '/l/c.letter.md': '' });
    const asked: string[] = [];
    const declared = (path: string) => {
      asked.push(path);
      return Promise.resolve(path === '/l/c.letter.md' ? './a.letter.md' : null);
    };
    assert.equal(await findTranslation('/l/a.letter.md', null, { ...files, declared }), '/l/c.letter.md');
    assert.deepEqual(files.reads, []);
    assert.deepEqual(asked, ['/l/b.letter.md', '/l/c.letter.md']);
  });

  test('a run over a folder of letters without translations reads each letter once, not n × (n − 1) times', async () => {
    const reads = async (n: number) => {
      const letters = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`/l/letter-${i}.letter.md`, `# Letter ${i}\n`]),
      );
      const files = disk(letters);
      const once = filesReadOnce(files);
      for (const path of Object.keys(letters)) assert.equal(await findTranslation(path, null, once), null);
      return files.reads.length;
    };
    assert.deepEqual([await reads(20), await reads(40)], [20, 40]);
    // Each still finds the letter whose translation-of names it.
    const files = disk({
      '/l/a.letter.md': '# A\n',
      '/l/b.letter.md': '---\ntranslation-of: ./a.letter.md\n---\n# B\n',
      '/l/c.letter.md': '# C\n',
    });
    const once = filesReadOnce(files);
    assert.deepEqual(
      await Promise.all(['/l/a.letter.md', '/l/c.letter.md'].map((p) => findTranslation(p, null, once))),
      ['/l/b.letter.md', null],
    );
  });

  test('translation-of read from a front matter without parsing the letter', () => {
    assert.equal(translationOfText('---\ntranslation-of: ./a.letter.md # the English\n---\n'), './a.letter.md');
    assert.equal(translationOfText("---\r\nlang: ja\r\ntranslation-of: 'a b.letter.md'\r\n---\r\n"), 'a b.letter.md');
    assert.equal(translationOfText('# No front matter\n\ntranslation-of: ./a.letter.md\n'), null);
  });
});

describe('the same part in the other version (previews side by side)', () => {
  const en = parseLetter(english);
  const ja = parseLetter(japanese);
  const cases: [string, string, string][] = [
    ['Kim Jong-un, First Secretary', 'addressees', '宛先：'],
    ['We, the undersigned', 'body', '私たち日本の人権NGO'],
    ['- North Korean Prisoners Today', 'reports', '## 参考文献'],
    ['For the first time', 'heading-1', '## 北朝鮮人権の第三の道'],
    ['* Tomoyuki Kawazoe', 'signatories', '## 署名者'],
  ];
  for (const [from, key, to] of cases) {
    test(`${key}: “${from}” shows “${to}” in Japanese`, () => {
      const match = matchingLandmark(en, lineOf(english, from), ja);
      assert.equal(match.from.key, key);
      assert.equal(match.to?.line, lineOf(japanese, to));
    });
  }
  test('and back', () => {
    const match = matchingLandmark(ja, lineOf(japanese, '- 竹本博光'), en);
    assert.equal(match.to?.line, lineOf(english, '## Signatories'));
  });
});
