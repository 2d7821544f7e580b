// The letter's signatories as a spreadsheet (RFC 4180 CSV, written by papaparse).
import Papa from 'papaparse';
import type { Letter } from '../../core/model';

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
}

/**
 * The letter's signatories as RFC 4180 CSV: header `name,role,organization` (signed by
 * organizations: `organization,place`), a row per signatory with its parts as parsed (absent parts
 * empty), CRLF line ends, quotes where a value needs them.
 */
export function signatoriesToCsv(letter: Letter, options: CsvExportOptions = {}): string {
  const byOrganizations = letter.signedBy === 'organizations';
  const fields = byOrganizations ? ['organization', 'place'] : ['name', 'role', 'organization'];
  const data = letter.signatories.map((s) =>
    byOrganizations ? [s.organization ?? '', s.place ?? ''] : [s.name ?? '', s.role ?? '', s.organization ?? ''],
  );
  const csv = Papa.unparse({ fields, data }, { delimiter: ',', newline: '\r\n', quotes: false, header: true });
  return `${(options.bom ?? true) ? '\uFEFF' : ''}${csv}\r\n`;
}
