// What a CSV import did, for people: a one-line summary for a notification and a full report of
// the rows added, skipped and rejected.
import {
  english,
  joined,
  message,
  templates,
  type Message,
  type MessageArg,
  type Translate,
} from '../../core/messages';
import { columnLetter, columnName, type CsvColumn, type RowNote, type SignatoryImportPlan } from './csvImport';

/** A note's message: its reason's, else its English reason as it is. */
const reasonOf = (note: RowNote): MessageArg => note.l10n?.reason ?? note.reason;

/**
 * `30 skipped as duplicates, 20 rejected (row 12: no organization; …; and 17 more)`, the first `shown`
 * rejected rows named (none: counts only); empty when nothing was skipped or rejected. `translate`
 * gives the text in another language.
 */
export function importSummary(plan: SignatoryImportPlan, shown = 3, translate: Translate = english): string {
  const parts: Message[] = [];
  if (plan.skipped.length > 0)
    parts.push(
      message(plan.skipped.length === 1 ? templates.importSkippedOne : templates.importSkipped, plan.skipped.length),
    );
  if (plan.rejected.length > 0 && shown <= 0) parts.push(message(templates.importRejected, plan.rejected.length));
  else if (plan.rejected.length > 0) {
    const first = plan.rejected.slice(0, shown).map((r) => message(templates.importRow, r.row, reasonOf(r)));
    const more = plan.rejected.length - first.length;
    const rows = joined(first, templates.semicolonList);
    parts.push(
      message(
        templates.importRejectedRows,
        plan.rejected.length,
        more > 0 ? message(templates.importAndMore, rows, more) : rows,
      ),
    );
  }
  return parts.length === 0 ? '' : translate(joined(parts, templates.commaList) as Message);
}

/** Why nothing was imported, as a message: the plan's error, or a decoding error. */
function errorOf(error: { message: string; l10n?: Message }): MessageArg {
  return error.l10n ?? error.message;
}

/**
 * Every row of the plan, for a writer to read: the columns used, then rejected, skipped and added
 * rows. `source` names the CSV (its file name); `translate` gives the text in another language.
 */
export function importReport(plan: SignatoryImportPlan, source?: string, translate: Translate = english): string {
  const from: MessageArg = source ?? message(templates.importTheCsv);
  const out: string[] = [];
  if (plan.error) {
    out.push(translate(message(templates.importNothing, from, errorOf(plan.error))));
    return `${out.join('\n')}\n`;
  }
  const skipped = message(
    plan.skipped.length === 1 ? templates.importSkippedOne : templates.importSkipped,
    plan.skipped.length,
  );
  const rows = message(plan.rows === 1 ? templates.importRowCount : templates.importRowsCount, plan.rows);
  out.push(translate(message(templates.importCounts, plan.added.length, skipped, plan.rejected.length, rows, from)));
  if (plan.columns) {
    const { found, unused, row, headers } = plan.columns;
    const used = (Object.entries(found) as [CsvColumn, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([column, index]) =>
        message(templates.importColumnFrom, columnName(column), columnLetter(index), headers[index]),
      );
    const unread = unused.map((u) => message(templates.importColumn, columnLetter(u.index), u.header));
    out.push(
      translate(
        unread.length > 0
          ? message(
              templates.importHeaderUnread,
              row,
              joined(used, templates.commaList),
              joined(unread, templates.commaList),
            )
          : message(templates.importHeader, row, joined(used, templates.commaList)),
      ),
    );
  }
  const section = (title: string, lines: Message[]) => {
    if (lines.length === 0) return;
    out.push('', translate(message(templates.parenthesized, message(title), lines.length)));
    for (const line of lines) out.push(`  ${translate(line)}`);
  };
  section(
    templates.importRejectedTitle,
    plan.rejected.map((r) =>
      r.detail
        ? message(templates.importRowDetail, r.row, reasonOf(r), r.l10n?.detail ?? r.detail)
        : message(templates.importRow, r.row, reasonOf(r)),
    ),
  );
  section(
    templates.importSkippedTitle,
    plan.skipped.map((r) => message(templates.importRow, r.row, reasonOf(r))),
  );
  section(
    templates.importAddedTitle,
    plan.added.map((s) => message(templates.importRow, s.row, s.text)),
  );
  return `${out.join('\n')}\n`;
}
