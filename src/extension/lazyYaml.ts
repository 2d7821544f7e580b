// Stands in for the `yaml` package in the extension's bundle (esbuild.js maps it here): the YAML
// parser is a bundle of its own, dist/yaml.js, loaded when a letter first has front matter.
// Activation and letters without front matter never pay for it.
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): typeof Yaml => (yaml ??= require('./yaml.js') as typeof Yaml);

export const parseDocument: typeof Yaml.parseDocument = (...args: Parameters<typeof Yaml.parseDocument>) =>
  load().parseDocument(...args);
export const isMap: typeof Yaml.isMap = ((node: unknown) => load().isMap(node)) as typeof Yaml.isMap;
export const isScalar: typeof Yaml.isScalar = ((node: unknown) => load().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq: typeof Yaml.isSeq = ((node: unknown) => load().isSeq(node)) as typeof Yaml.isSeq;
