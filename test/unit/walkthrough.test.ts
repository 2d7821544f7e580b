// The walkthrough "Write your first advocacy letter" (package.json contributes.walkthroughs), as the
// Welcome page shows it: each step's text in English and Japanese, a button that runs one of the
// extension's own commands, labelled as the command palette names it, and a page that exists.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './support/expectations';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: Step[];
}

const readJson = (file: string) => JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, unknown>;
const manifest = readJson('package.json') as {
  contributes: { walkthroughs: Walkthrough[]; commands: { command: string; title: string }[] };
};
const languages = { en: readJson('package.nls.json'), ja: readJson('package.nls.ja.json') } as Record<
  string,
  Record<string, string>
>;
const [walkthrough] = manifest.contributes.walkthroughs;
const commands = new Map(manifest.contributes.commands.map((c) => [c.command, c.title]));

/** A `%key%` placeholder's text in a language; fails when the key is missing there. */
function text(value: string, lang: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  assert.ok(key, `${value} is a %key% placeholder, so that it is translated`);
  const found = languages[lang][key];
  assert.ok(
    typeof found === 'string' && found.trim() !== '',
    `${key} has a text in package.nls${lang === 'en' ? '' : `.${lang}`}.json`,
  );
  return found;
}

/** The buttons of a step's description: `[Label](command:id)`. */
const buttons = (description: string) =>
  [...description.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\)/g)].map(([, label, command]) => ({ label, command }));

describe('the walkthrough', () => {
  test('is "Write your first advocacy letter", in six steps from a new letter to the CSV import', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.equal(text(walkthrough.title, 'en'), 'Write your first advocacy letter');
    assert.deepEqual(
      walkthrough.steps.map((step) => buttons(text(step.description, 'en'))[0]?.command),
      [
        'advocacyLetter.newLetter',
        'advocacyLetter.insertSignatory',
        'advocacyLetter.validate',
        'advocacyLetter.showPreviewToSide',
        'advocacyLetter.exportPdf',
        'advocacyLetter.importSignatories',
      ],
    );
    assert.equal(new Set(walkthrough.steps.map((s) => s.id)).size, 6, 'step ids are unique');
    const exportStep = walkthrough.steps.find((s) => s.id === 'export');
    assert.deepEqual(
      buttons(text(exportStep!.description, 'en')).map((b) => b.command),
      ['advocacyLetter.exportPdf', 'advocacyLetter.exportWord', 'advocacyLetter.exportHtml'],
      'PDF, or Word now that it exists',
    );
  });

  for (const lang of ['en', 'ja']) {
    test(`every text is there in ${lang}, and every button runs a command of the extension, named as in the palette`, () => {
      for (const value of [walkthrough.title, walkthrough.description]) text(value, lang);
      for (const step of walkthrough.steps) {
        const title = text(step.title, lang);
        const description = text(step.description, lang);
        if (lang === 'ja') assert.match(title + description, /[\u3040-\u30ff]/, `${step.id} is in Japanese`);
        const found = buttons(description);
        assert.ok(found.length > 0, `${step.id} has a command button`);
        for (const { label, command } of found) {
          assert.ok(commands.has(command), `${step.id}: ${command} is one of contributes.commands`);
          assert.equal(
            label,
            text(commands.get(command)!, lang),
            `${step.id}: the button says what the command is called`,
          );
        }
        // A button is a link alone on its line: the Welcome page draws it as a button only then.
        for (const line of description.split('\n').slice(1)) assert.match(line, /^\[[^\]]+\]\(command:[\w.]+\)$/);
      }
    });
  }

  test('every step has a page that exists, and every picture a page shows exists', () => {
    for (const step of walkthrough.steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file, `${step.id} has a Markdown page or an image`);
      assert.match(file, /^media\/walkthrough\//, `${step.id}: media/walkthrough/ is what the package ships`);
      assert.ok(existsSync(join(repoRoot, file)), `${file} exists`);
      if (!step.media.markdown) continue;
      const page = readFileSync(join(repoRoot, file), 'utf8');
      assert.match(page, /^# /, `${file} has a heading`);
      for (const [, image] of page.matchAll(/!\[[^\]]+\]\(([^)\s]+)\)/g)) {
        const picture = join(repoRoot, dirname(file), image);
        assert.ok(existsSync(picture), `${file} shows ${image}, which exists`);
        assert.equal(readFileSync(picture).subarray(1, 4).toString('latin1'), 'PNG');
      }
    }
    assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!media\/walkthrough\/\*\*$/m);
  });
});
