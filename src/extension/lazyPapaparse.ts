// Stands in for `papaparse` in the extension's bundle (esbuild.js maps it here): the CSV parser is
// a bundle of its own, dist/papaparse.js, loaded when signatories are first imported or exported.
import type * as PapaModule from 'papaparse';

type Papa = typeof PapaModule;
let papa: Papa | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): Papa => (papa ??= require('./papaparse.js') as Papa);

const lazy = {
  parse: ((...args: unknown[]) => (load().parse as (...a: unknown[]) => unknown)(...args)) as Papa['parse'],
  unparse: ((...args: unknown[]) => (load().unparse as (...a: unknown[]) => unknown)(...args)) as Papa['unparse'],
};
export default lazy;
