// The link check (src/workflows/links) against a local web site (test/unit/support/linkServer.ts):
// which cited addresses it calls unreachable and why, its limits on requests at once, and its cache.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { citedLinks, parseLetter, rangeAfterChange, type Range } from '../../src/core';
import {
  checkLetterLinks,
  checkLinks,
  MemoryLinkCache,
  DAY_MS,
  type FetchFunction,
  type LinkCheckOptions,
} from '../../src/workflows';
import { closedPort, startLinkSite, type LinkSite } from './support/linkServer';

function letterCiting(reports: string[], footnotes = ''): string {
  return [
    '# Open Letter on Report Links',
    '',
    'To: Jane Doe, Minister of Justice',
    '',
    'Date: 1 May 2024',
    '',
    'We refer to the reports listed below.[^1]',
    '',
    '## Cited Reports',
    '',
    ...reports.map((url, i) => `- [Report ${i + 1}](${url}), Human Rights Watch, 2020.`),
    '',
    '## Signatories',
    '',
    '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
    '',
    footnotes,
  ].join('\n');
}

/** `line:message` of each problem, 1-based lines, as the writer reads the Problems view. */
const shown = (diagnostics: { range: { start: { line: number } }; message: string; severity: string }[]) =>
  diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity}: ${d.message}`);

describe('the addresses a letter cites', () => {
  test('each report link, and each address in a footnote definition, where it is written', () => {
    const text = letterCiting(
      ['https://example.org/a', 'mailto:x@example.org'],
      [
        '[^1]: See *Annual Report*, Amnesty, 2021, <https://example.org/b> and',
        '    https://example.org/wiki/Foo_(bar).',
        '[^note]: [Summary](https://example.org/c "title"), 2022.',
        '',
        '```',
        '[^2]: https://example.org/in-code',
        '```',
      ].join('\n'),
    );
    const letter = parseLetter(text);
    const lines = text.split('\n');
    const found = citedLinks(letter).map((l) => ({
      url: l.url,
      owner: `${l.kind} ${l.owner}`,
      text: lines[l.range.start.line].slice(l.range.start.character, l.range.end.character),
    }));
    assert.deepEqual(found, [
      { url: 'https://example.org/a', owner: 'report 1', text: 'Report 1' },
      { url: 'https://example.org/b', owner: 'footnote 1', text: 'https://example.org/b' },
      { url: 'https://example.org/wiki/Foo_(bar)', owner: 'footnote 1', text: 'https://example.org/wiki/Foo_(bar)' },
      { url: 'https://example.org/c', owner: 'footnote note', text: 'https://example.org/c' },
    ]);
  });

  test('a letter checked as the writer types reports no link: the check needs results', () => {
    const letter = parseLetter(letterCiting(['http://127.0.0.1:1/missing']));
    assert.deepEqual(
      citedLinks(letter).map((l) => l.url),
      ['http://127.0.0.1:1/missing'],
    );
  });
});

describe('checking links against a local site', () => {
  let site: LinkSite;
  let origin: string;
  const quick = (extra: Partial<LinkCheckOptions> = {}): LinkCheckOptions => ({ fetch, timeoutMs: 500, ...extra });

  before(async () => {
    site = await startLinkSite(['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6']);
    origin = site.origins[0];
  });
  after(() => site.close());
  beforeEach(() => site.reset());

  test('reports exactly the unreachable addresses, each with its status or error', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/ok`;
    const paths = ['/ok', '/missing', '/error', '/no-head', '/moved', '/chain/3', '/chain/6', '/slow', '/gone'];
    const text = letterCiting(
      [...paths.map((p) => origin + p), closed],
      `[^1]: Background, ${origin}/missing#section-2, 2023.`,
    );
    const { diagnostics, run } = await checkLetterLinks(parseLetter(text), quick({ timeoutMs: 300 }));
    assert.deepEqual(shown(diagnostics), [
      `12 warning: Cited report 2 links to ${origin}/missing, which cannot be reached: HTTP 404 Not Found`,
      `13 warning: Cited report 3 links to ${origin}/error, which cannot be reached: HTTP 500 Internal Server Error`,
      `17 warning: Cited report 7 links to ${origin}/chain/6, which cannot be reached: more than 5 redirects at ${origin}/chain/1`,
      `18 warning: Cited report 8 links to ${origin}/slow, which cannot be reached: no answer within 0.3 s`,
      `19 warning: Cited report 9 links to ${origin}/gone, which cannot be reached: HTTP 410 Gone`,
      `20 warning: Cited report 10 links to ${closed}, which cannot be reached: the connection was refused`,
      `26 warning: Footnote [^1] links to ${origin}/missing#section-2, which cannot be reached: HTTP 404 Not Found`,
    ]);
    // The footnote's address is the second report's (without its fragment): asked once.
    assert.equal(run.checked, 10);
    assert.equal(site.stats.requests.filter((r) => r.endsWith(' /missing')).length, 1);
  });

  test('HEAD first, then GET when HEAD is refused', async () => {
    const { results } = await checkLinks([`${origin}/no-head`, `${origin}/ok`], quick());
    assert.equal(results[`${origin}/no-head`].outcome, 'reachable');
    assert.deepEqual(
      site.stats.requests.filter((r) => r.endsWith('/no-head')).map((r) => r.split(' ')[0]),
      ['HEAD', 'GET'],
    );
    assert.deepEqual(
      site.stats.requests.filter((r) => r.endsWith('/ok')).map((r) => r.split(' ')[0]),
      ['HEAD'],
    );
  });

  test('a redirect is followed: 301 to a page that is there; three redirects; five at most', async () => {
    const { results } = await checkLinks(
      [`${origin}/moved`, `${origin}/chain/3`, `${origin}/chain/5`, `${origin}/chain/6`],
      quick(),
    );
    assert.deepEqual(results[`${origin}/moved`], {
      outcome: 'reachable',
      status: 200,
      statusText: 'OK',
      finalUrl: `${origin}/ok`,
    });
    assert.equal(results[`${origin}/chain/3`].outcome, 'reachable');
    assert.equal(results[`${origin}/chain/5`].outcome, 'reachable');
    assert.equal(results[`${origin}/chain/6`].failure, 'redirects');
    // The sixth redirect is not followed.
    assert.equal(site.stats.requests.filter((r) => r.includes('/chain/0')).length, 2);
  });

  test('at most 2 requests at once to one host', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${origin}/busy/${i}`);
    const { results } = await checkLinks(urls, quick());
    assert.ok(Object.values(results).every((r) => r.outcome === 'reachable'));
    assert.equal(site.stats.requests.length, 12);
    assert.equal(site.stats.maxByHost.get('127.0.0.1'), 2, 'two at once, and never more');
  });

  test('at most 8 requests at once overall, and 2 per host', async () => {
    const urls = site.origins.flatMap((o) => Array.from({ length: 4 }, (_, i) => `${o}/busy/${i}?ms=80`));
    const { results } = await checkLinks(urls, quick());
    assert.equal(Object.values(results).filter((r) => r.outcome === 'reachable').length, 24);
    assert.equal(site.stats.maxInFlight, 8, 'eight at once, and never more');
    assert.deepEqual([...new Set(site.stats.maxByHost.values())], [2]);
  });

  test('a result is kept for a day: a second check asks the site nothing', async () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = new MemoryLinkCache(() => now);
    const urls = [`${origin}/ok`, `${origin}/missing`, `${origin}/error`];
    const first = await checkLinks(urls, quick({ cache }));
    assert.equal(first.checked, 3);
    const asked = site.stats.requests.length;

    const second = await checkLinks(urls, quick({ cache }));
    assert.deepEqual(second.results[`${origin}/missing`], first.results[`${origin}/missing`]);
    // A server error may pass: only it is asked again.
    assert.deepEqual(site.stats.requests.slice(asked), [`HEAD 127.0.0.1 /error`, `GET 127.0.0.1 /error`]);
    assert.deepEqual([second.checked, second.cached], [1, 2]);

    // As the host stores it, and a day later.
    const stored = MemoryLinkCache.fromJSON(JSON.parse(JSON.stringify(cache.toJSON())), () => now);
    assert.equal((await checkLinks(urls, quick({ cache: stored }))).cached, 2);
    now += DAY_MS;
    assert.equal((await checkLinks(urls, quick({ cache: stored }))).cached, 0);
  });

  test('in a web editor, a site that refuses cross-origin requests is "not checked here", not broken', async () => {
    const text = letterCiting([`${origin}/cors`, `${origin}/ok`, `${origin}/moved`]);
    const { diagnostics, run } = await checkLetterLinks(
      parseLetter(text),
      quick({ fetch: browserFetch, crossOrigin: true }),
    );
    assert.equal(run.results[`${origin}/cors`].outcome, 'reachable');
    assert.deepEqual(shown(diagnostics), [
      `12 information: Cited report 2 links to ${origin}/ok, not checked here: the site does not answer requests from a web editor (cross-origin)`,
      `13 information: Cited report 3 links to ${origin}/moved, not checked here: the site does not answer requests from a web editor (cross-origin)`,
    ]);
  });

  test('severity settings and disable comments apply', async () => {
    const text = letterCiting([`${origin}/missing`, `${origin}/gone`]).replace(
      '- [Report 2]',
      '<!-- letter-lint-disable-next-line report-url-unreachable -->\n- [Report 2]',
    );
    const { diagnostics } = await checkLetterLinks(parseLetter(text), quick(), {
      severities: { 'report-url-unreachable': 'error' },
    });
    assert.deepEqual(
      diagnostics.map((d) => `${d.severity} ${d.range.start.line + 1}`),
      ['error 11'],
    );
  });

  test('a check stopped by the writer asks no more', async () => {
    const controller = new AbortController();
    const urls = Array.from({ length: 10 }, (_, i) => `${origin}/busy/${i}?ms=200`);
    const running = checkLinks(urls, quick({ signal: controller.signal }));
    // Stopped while the first two are being answered (two at once to one host).
    const watch = setInterval(() => {
      if (site.stats.requests.length >= 2) controller.abort(new Error('stopped'));
    }, 5);
    await assert.rejects(running, /stopped/);
    clearInterval(watch);
    // The other eight never go out, even once the first two would have been answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(site.stats.requests.length, 2);
  });
});

describe('the default limits', () => {
  test('an answer is awaited 10 s, and no longer', async (t) => {
    // The clock is the test's: a site that never answers, and the check's own timer.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const asked: string[] = [];
    const silent: FetchFunction = (url, init) => {
      asked.push(`${init.method} ${url}`);
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    let answered = false;
    const running = checkLinks(['https://example.org/report'], { fetch: silent }).finally(() => (answered = true));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    assert.deepEqual(asked, ['HEAD https://example.org/report']);
    t.mock.timers.tick(9_999);
    await settle();
    assert.equal(answered, false, 'still waiting after 9.999 s');
    t.mock.timers.tick(1);
    await settle();
    assert.equal(answered, true, 'given up at 10 s');
    assert.deepEqual((await running).results['https://example.org/report'], {
      outcome: 'unreachable',
      failure: 'timeout',
      detail: '10',
    });
  });
});

/**
 * `fetch` as a browser page answers it: a response without `Access-Control-Allow-Origin` is refused
 * with a bare TypeError, and a redirect not followed is an `opaqueredirect` with no status.
 */
const browserFetch: FetchFunction = async (url, init) => {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  if (init.redirect === 'manual' && response.status >= 300 && response.status < 400) {
    return { status: 0, statusText: '', type: 'opaqueredirect', headers: new Headers() };
  }
  if (response.headers.get('access-control-allow-origin') === null) throw new TypeError('Failed to fetch');
  return response;
};

describe('a link problem as the writer edits around it', () => {
  const at = (line: number, from: number, to: number): Range => ({
    start: { line, character: from },
    end: { line, character: to },
  });
  const change = (from: [number, number], to: [number, number], text: string) => ({
    range: { start: { line: from[0], character: from[1] }, end: { line: to[0], character: to[1] } },
    text,
  });
  const problem = at(10, 3, 12);

  test('moves with lines inserted or deleted above it', () => {
    assert.deepEqual(rangeAfterChange(problem, change([4, 7], [4, 7], '\nnew line')), at(11, 3, 12));
    assert.deepEqual(rangeAfterChange(problem, change([10, 0], [10, 0], '- [Report](x), P, 2020.\n')), at(11, 3, 12));
    assert.deepEqual(rangeAfterChange(problem, change([8, 0], [10, 0], '')), at(8, 3, 12));
    assert.deepEqual(rangeAfterChange(problem, change([2, 5], [2, 9], 'typed')), problem);
  });

  test('stays with edits below it, and a new line begun after it', () => {
    assert.deepEqual(rangeAfterChange(problem, change([11, 0], [11, 4], '')), problem);
    assert.deepEqual(rangeAfterChange(problem, change([10, 60], [10, 60], '\n- ')), problem);
  });

  test('goes when its line is edited', () => {
    assert.equal(rangeAfterChange(problem, change([10, 20], [10, 24], 'gone')), null);
    assert.equal(rangeAfterChange(problem, change([10, 5], [10, 5], 'x')), null);
    assert.equal(rangeAfterChange(problem, change([9, 3], [10, 1], '')), null);
  });
});
