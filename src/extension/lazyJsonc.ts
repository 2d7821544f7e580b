// Stands in for `jsonc-parser` in the extension's bundle (esbuild.js maps it here): the JSON-with-
// comments parser is a bundle of its own, dist/jsonc-parser.js, loaded when a `.advocacy-letter.json`
// is first read. Most letters have none.
import type * as JsoncModule from 'jsonc-parser';

type Jsonc = typeof JsoncModule;
let jsonc: Jsonc | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): Jsonc => (jsonc ??= require('./jsonc-parser.js') as Jsonc);

export const parseTree: Jsonc['parseTree'] = (...args) => load().parseTree(...args);
export const printParseErrorCode: Jsonc['printParseErrorCode'] = (...args) => load().printParseErrorCode(...args);
