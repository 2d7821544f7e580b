import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { frameText } from '../harness/requests';
suite('temporary', () => {
  test('frame text', async () => {
    const found = await frameText('tabs', '.tab .label-name');
    console.log(JSON.stringify(found?.texts));
    assert.ok(found && found.texts.length > 0);
  });
  test('fails on purpose', () => { assert.equal(1, 2); });
});
