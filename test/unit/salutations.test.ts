// How the engine reads the heads of published letters (issue 11): a salutation without `Dear`, a
// title or a request that names the addressee, a remark after a section name. Each shape with a
// text that shows it and one that must not.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintLetter, parseLetter, renderLetter } from '../../src/core';

const addressees = (markdown: string) => parseLetter(markdown).addressees.map((a) => a.name);

describe('section names', () => {
  test('a remark in brackets after the name opens the section', () => {
    const letter = parseLetter(
      '# T\n\n## Signatories (in order of signing)\n\n- Jane Roe, Director, Example Network\n',
    );
    assert.equal(letter.signatories.length, 1);
    assert.equal(
      parseLetter('# T\n\n## Our supporters (so far)\n\n- Jane Roe, Director, Example Network\n').signatories.length,
      0,
    );
  });
});

describe('salutations and titles', () => {
  test('a name greeted without Dear, the letter running on after it', () => {
    assert.deepEqual(addressees('# T\n\nBhante Ashin Wirathu, I am writing to you on behalf of our members.\n'), [
      'Bhante Ashin Wirathu',
    ]);
    assert.deepEqual(addressees('# T\n\nMinister Rossi, we write to ask you to act.\n'), ['Rossi']);
    // Words that open a sentence, a role alone, or one word, greet no one.
    assert.deepEqual(addressees('# T\n\nAs Members, we write to ask you to act.\n'), []);
    assert.deepEqual(addressees('# T\n\nToday, I am writing to you.\n'), []);
    assert.deepEqual(addressees('# T\n\nDear Minister, I am writing to you.\n'), []);
  });

  test('`Dear MEPs` without a comma, and a placeholder in bold, are salutations', () => {
    assert.deepEqual(addressees('# T\n\nDear MEPs\n\nWe ask you to vote against it.\n'), ['MEPs']);
    assert.deepEqual(addressees('# T\n\nDear Sir or Madam\n\nWe ask you to act.\n'), []);
    assert.deepEqual(addressees('# T\n\nDear **\\[name of MP or representative\\]**,\n\nWe ask you.\n'), [
      '[name of MP or representative]',
    ]);
  });

  test('a title to "my MEPs", and a statement\'s request to someone, name the addressee', () => {
    assert.deepEqual(addressees('# An Open Letter to my MEPs about Article 17\n\nI write.\n'), ['my MEPs']);
    assert.deepEqual(addressees('# An open letter to remove the chair\n\nWe write.\n'), []);
    assert.deepEqual(addressees('# The Manifesto\n\nOur request to HashiCorp: switch back.\n\nText.\n'), ['HashiCorp']);
    assert.deepEqual(
      addressees('# The Manifesto\n\nOur request: switch back.\n\nOur request to switch back: now.\n'),
      [],
    );
  });
});

describe('salutations in the preview', () => {
  const salutation = (markdown: string) =>
    renderLetter(markdown)
      .html.split('\n')
      .find((l) => l.includes('Dear'))
      ?.replace(/<[^>]+>/g, '');
  test('a name that runs into bold or a link is shown once, as written; one in emphasis too', () => {
    assert.equal(salutation('# T\n\nDear **[name of MP]**,\n\nWe ask.\n'), 'Dear [name of MP],');
    assert.equal(salutation('# T\n\nDear Mr. [Zuckerberg](https://x.org),\n\nWe ask.\n'), 'Dear Mr. Zuckerberg,');
    assert.equal(salutation('# T\n\n_Dear Mr. Zuckerberg,_\n\nWe ask.\n'), 'Dear Mr. Zuckerberg,');
    assert.match(
      renderLetter('# T\n\n_Dear Mr. Zuckerberg,_\n\nWe ask.\n').html,
      /<em>Dear <span class="letter-addressee/,
    );
  });
});

describe('a placeholder addressee', () => {
  test('`Dear **[name of MP]**,` asks for the name to be filled in; a name does not', () => {
    const hint = (markdown: string) =>
      lintLetter(parseLetter(markdown)).find((d) => d.code === 'addressee-salutation-only')?.message ?? '';
    assert.match(hint('# T\n\nDear **\\[name of MP or representative\\]**,\n\nWe ask you.\n'), /place left to fill in/);
    assert.match(hint('# T\n\nDear Ana Lima,\n\nWe ask you.\n'), /named only in the salutation/);
  });
});
