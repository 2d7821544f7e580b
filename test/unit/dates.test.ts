// parseDate: the date forms a letter's Date, Reply by and front matter fields accept (.notes/decisions.md).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../src/core';

const accepted: [string, string][] = [
  ['2013-05-07', '2013-05-07'],
  ['May 7, 2013', '2013-05-07'],
  ['May 7 2013', '2013-05-07'],
  ['May 7th, 2013', '2013-05-07'],
  ['November 30th 2016', '2016-11-30'],
  ['7 May 2013', '2013-05-07'],
  ['7th May 2013', '2013-05-07'],
  ['1st March 2020', '2020-03-01'],
  ['March 2nd, 2020', '2020-03-02'],
  ['23rd April 2021', '2021-04-23'],
  ['2013年5月7日', '2013-05-07'],
  ['２０１３年５月７日', '2013-05-07'],
  ['2013 年 5 月 7 日', '2013-05-07'],
  ['2023年12月10日', '2023-12-10'],
  // month names full or abbreviated, with or without a period, "Sept" too, any case
  ['Jan 1, 2020', '2020-01-01'],
  ['Feb. 29, 2024', '2024-02-29'],
  ['Sept 15, 2020', '2020-09-15'],
  ['Sept. 15, 2020', '2020-09-15'],
  ['Sep 15 2020', '2020-09-15'],
  ['15 Sept 2020', '2020-09-15'],
  ['15 Dec. 2020', '2020-12-15'],
  ['MAY 7, 2013', '2013-05-07'],
  ['may 7, 2013', '2013-05-07'],
  ['7 DECEMBER 2013', '2013-12-07'],
  ['oct 31st, 1999', '1999-10-31'],
  // an optional leading weekday and a final period
  ['Tuesday, May 7, 2013', '2013-05-07'],
  ['May 7, 2013.', '2013-05-07'],
  ['Tuesday, 7 May 2013.', '2013-05-07'],
  ['2013-05-07.', '2013-05-07'],
  // leap years
  ['February 29, 2024', '2024-02-29'],
  ['29 February 2000', '2000-02-29'],
  ['2024-12-31', '2024-12-31'],
];

const rejected: string[] = [
  '',
  '   ',
  'as soon as possible',
  'Spring 2013',
  'May 2013',
  '2013',
  'May 7',
  '7 May',
  '07/05/2013',
  '5/7/2013',
  '2013/05/07',
  '2013.05.07',
  'May 7, 13',
  'Mayo 7, 2013',
  'Smarch 7, 2013',
  // impossible dates
  'February 30, 2013',
  '2013-02-30',
  '2023-02-29',
  '29 February 1900',
  'April 31, 2020',
  'May 32, 2013',
  'May 0, 2013',
  '2013-13-01',
  '2013-00-10',
  '2013年13月1日',
  '2013年2月30日',
  // something else around a date
  'May 7, 2013 or later',
  'before May 7, 2013',
  'May 7, 2013 and June 1, 2013',
];

describe('parseDate: accepted forms', () => {
  for (const [text, iso] of accepted) {
    test(JSON.stringify(text), () => assert.equal(parseDate(text), iso));
  }
});

describe('parseDate: rejected forms', () => {
  for (const text of rejected) {
    test(JSON.stringify(text), () => assert.equal(parseDate(text), null));
  }
});
