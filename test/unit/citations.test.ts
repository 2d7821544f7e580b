// Citation styles in real use, read as a careful reader reads them; and which notes cite a work.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../src/core';
import { citesAWork } from '../../src/core/entries';

function read(item: string) {
  const letter = parseLetter(`# T\n\nDate: 1 May 2023\n\n## References\n\n- ${item}\n`);
  const r = letter.reports[0];
  return { title: r.title, publisher: r.publisher, year: r.year, note: r.note };
}

const cases: [string, { title: string | null; publisher: string | null; year: number | null; note?: string | null }][] =
  [
    [
      'Chang, H.-J. (2007). Bad Samaritans. Bloomsbury.',
      { title: 'Bad Samaritans', publisher: 'Chang, H.-J.', year: 2007, note: 'Bloomsbury' },
    ],
    [
      'Chang, H.-J. (2007). *Bad Samaritans: The Myth of Free Trade*. Bloomsbury.',
      { title: 'Bad Samaritans: The Myth of Free Trade', publisher: 'Chang, H.-J.', year: 2007 },
    ],
    [
      'UNDP (2020), Human Development Report 2020: https://hdr.undp.org/content/human-development-report-2020',
      { title: 'Human Development Report 2020', publisher: 'UNDP', year: 2020 },
    ],
    ['Human Development Report [2019], UNDP.', { title: 'Human Development Report', publisher: 'UNDP', year: 2019 }],
    ['Human Development Report, UNDP [2019]', { title: 'Human Development Report', publisher: 'UNDP', year: 2019 }],
    [
      'Human Development Report, UNDP (2019), pg. 14',
      { title: 'Human Development Report', publisher: 'UNDP', year: 2019, note: 'pg. 14' },
    ],
    [
      'Human Development Report, UNDP, 2019, p. 14.',
      { title: 'Human Development Report', publisher: 'UNDP', year: 2019, note: 'p. 14' },
    ],
    [
      'Human Development Report, UNDP, pp. 3–5.',
      { title: 'Human Development Report', publisher: 'UNDP, pp. 3–5', year: null },
    ],
    [
      'Human Development Report 2019, https://hdr.undp.org/',
      { title: 'Human Development Report 2019', publisher: 'https://hdr.undp.org/', year: 2019 },
    ],
    [
      'Report of the Special Rapporteur, Commission on Human Rights, E/CN.4/2005/7',
      { title: 'Report of the Special Rapporteur', publisher: 'Commission on Human Rights, E/CN.4/2005/7', year: null },
    ],
    [
      'Letter to the General Council, Our World Is Not For Sale, 4 February 2021, https://ourworldisnotforsale.net/',
      { title: 'Letter to the General Council', publisher: 'Our World Is Not For Sale', year: 2021 },
    ],
    ['Year Report, Publisher, <b>2012</b>.', { title: 'Year Report', publisher: 'Publisher, <b>2012</b>', year: null }],
    ['『白書』、法務省、平成28年。', { title: '白書', publisher: '法務省', year: 2016 }],
  ];

describe('citation styles', () => {
  for (const [item, expected] of cases) {
    test(item, () => {
      const found = read(item);
      if (!('note' in expected)) delete (found as Partial<typeof found>).note;
      assert.deepEqual(found, expected);
    });
  }
});

describe('citesAWork: a note that cites a work, or one that only explains', () => {
  const cites = [
    'Death Sentences and Executions 2021, Amnesty International, 2022.',
    '*World Report 2024*, Human Rights Watch.',
    'Chang, H.-J. (2007). Bad Samaritans. Bloomsbury.',
    'UNDP (2020), Human Development Report: https://hdr.undp.org/',
    'A/HRC/49/20, para. 12.',
    'Ibid., p. 4.',
    'See “Hanging by a Thread”, Amnesty International, 2009.',
    '『出る杭は打たれる』、ヒューマン・ライツ・ウォッチ、2016年。',
    'Human Rights Council, Report of the Working Group, 4 February 2021.',
  ];
  const explains = [
    '',
    'Data for 2019 show that executions rose.',
    'In 2019, 20 people were executed.',
    'The figures rose, and fell again, in 2019.',
    'Executions resumed in 2019.',
    'This figure includes people held in pre-trial detention.',
    '2019年のデータによれば、執行は増えた。',
  ];
  for (const text of cites) test(`cites: ${text}`, () => assert.equal(citesAWork(text), true));
  for (const text of explains) test(`explains: ${JSON.stringify(text)}`, () => assert.equal(citesAWork(text), false));
});
