import { quoted, type RuleDefinition } from './rule';

export const reportUrlInvalid: RuleDefinition = {
  code: 'report-url-invalid',
  severity: 'warning',
  description: 'A cited report links to an address that is not http or https.',
  check(letter, report) {
    for (const r of letter.reports) {
      if (r.url !== null && r.urlRange && !/^https?:\/\/[^\s/]/i.test(r.url.trim())) {
        report({ message: `Cited report ${r.index} links to ${quoted(r.url, 40)}, which is not an http(s) address`, range: r.urlRange });
      }
    }
  },
};
