// proseLanguage: a letter's language when its front matter does not say, by the bulk of its prose.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { proseLanguage } from '../../src/core/language';
import { repoRoot } from './support/expectations';

const english = `# Open Letter on Executions in Japan

To: Fumio Kishida, Prime Minister of Japan

Date: 10 October 2023

We, the undersigned organizations, urge your government to establish an official moratorium on
executions. The publications listed below document how people with mental illness have been
sentenced to death and executed in Japan.
`;

const japanese = `# 死刑執行の停止を求める公開書簡

宛先：岸田文雄、内閣総理大臣

日付：2023年10月10日

私たちは、死刑の執行を公式に停止するよう、日本政府に強く求めます。以下に挙げる報告書は、
精神障害のある人が死刑を言い渡され、執行されてきたことを記録しています。
`;

describe('proseLanguage', () => {
  test('English prose is English', () => assert.equal(proseLanguage(english), 'en'));
  test('Japanese prose is Japanese', () => assert.equal(proseLanguage(japanese), 'ja'));

  test('an English letter with a Japanese signatory and a Japanese title cited stays English', () => {
    const text = `${english}\n## Cited Reports\n\n- 『出る杭は打たれる』、ヒューマン・ライツ・ウォッチ、2016年。\n\n## Signatories\n\n- 加藤博、理事長、北朝鮮難民救援基金\n- Jane Doe, Director, Human Rights Now\n`;
    assert.equal(proseLanguage(text), 'en');
  });

  test('a Japanese letter citing English reports, with links, stays Japanese', () => {
    const text = `${japanese}\n## 参考文献\n\n- *Hanging by a Thread: Mental Health and the Death Penalty in Japan*, Amnesty International, 2009. https://www.amnesty.org/en/documents/asa22/005/2009/en/\n- *Death Sentences and Executions 2021*, Amnesty International, 2022.\n`;
    assert.equal(proseLanguage(text), 'ja');
  });

  test('thousands of signatories with Latin names, one a line, do not outweigh a Japanese letter', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `Signatory Number${i} (Free Software contributor)`).join('\n');
    assert.equal(proseLanguage(`${japanese}\n署名者：\n\n${names}\n`), 'ja');
  });

  test('a few kana in an English letter do not make it Japanese', () => {
    assert.equal(
      proseLanguage(
        `${english}\nThe word for it is しけい (死刑), literally "death penalty", as the Ministry writes it.\n`,
      ),
      'en',
    );
  });

  test('Chinese prose, with no kana, is not read as Japanese', () => {
    assert.equal(
      proseLanguage('我们敦促贵国政府正式暂停执行死刑，并公布关于死刑的全部资料和统计数字，以便公众讨论。'),
      'en',
    );
  });

  test('front matter is not prose', () => {
    assert.equal(
      proseLanguage(`---\ntitle: 死刑執行の停止を求める公開書簡について私たちは考える\n---\n\n${english}`),
      'en',
    );
  });

  test('an empty letter is English', () => assert.equal(proseLanguage(''), 'en'));

  test('every published letter of the corpus reads in the language its note gives', () => {
    const root = path.join(repoRoot, 'test', 'corpus');
    const wrong: string[] = [];
    for (const name of fs.readdirSync(root).filter((n) => n.endsWith('.txt'))) {
      const raw = fs.readFileSync(path.join(root, name), 'utf8');
      const said = /^language: (\w+)/m.exec(raw)?.[1];
      const body = raw.replace(/^<!-- corpus\n[^]*?\n-->\n/, '');
      if (said && proseLanguage(body) !== said) wrong.push(`${name}: ${proseLanguage(body)}, its note says ${said}`);
    }
    assert.deepEqual(wrong, []);
  });
});
