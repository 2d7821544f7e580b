// One letter per addressee: which copies to make (the letter's addressees, or a recipients CSV),
// each copy's text and file name, the recipients that get none and why, and the summary a writer
// reads. The command line and the extension write the files; any export (HTML, PDF, Word) renders
// each copy's text as it renders a letter. Pure: no vscode, no Node API.
import { english, joined, message, said, templates, type Message, type Translate } from '../../core/messages';
import type { Letter } from '../../core/model';
import { parseLetter, type ParseOptions } from '../../core/parseLetter';
import { uniqueStems, fileStem } from './fileNames';
import { letterFor, placeholdersIn } from './letterText';
import {
  recipientColumn,
  recipientsFromCsv,
  recipientsFromLetter,
  type Recipient,
  type RecipientNote,
} from './recipients';

export interface AddresseeLetter {
  recipient: Recipient;
  /** The copy's file name without its extension: unique in the plan, safe in any folder. */
  fileStem: string;
  /** The copy as letter text, ready for any export. */
  text: string;
}

export interface EachAddresseePlan {
  letters: AddresseeLetter[];
  /** Recipients that get no letter, with why; the others still get theirs. */
  rejected: RecipientNote[];
  /** No letter can be made at all (an unreadable CSV, a letter with no addressee): why. */
  error?: { message: string; l10n: Message };
}

export interface EachAddresseeOptions {
  /** A recipients CSV (`name,title,organization,address,email`) instead of the letter's addressees. */
  recipientsCsv?: string;
  /** The options the letter was parsed with, to read each copy back alike. */
  parse?: ParseOptions;
}

/** Plans a copy of the letter for each addressee, or for each recipient of the CSV. */
export function planEachAddressee(letter: Letter, options: EachAddresseeOptions = {}): EachAddresseePlan {
  const plan: EachAddresseePlan = { letters: [], rejected: [] };
  let recipients: Recipient[];
  if (options.recipientsCsv !== undefined) {
    const read = recipientsFromCsv(options.recipientsCsv);
    if (read.error) return { ...plan, error: { message: read.error.message, l10n: read.error.l10n! } };
    if (read.recipients.length === 0 && read.rejected.length === 0)
      return { ...plan, error: said(templates.eachNoRows) };
    recipients = read.recipients;
    plan.rejected.push(...read.rejected);
  } else {
    recipients = recipientsFromLetter(letter);
    if (recipients.length === 0) return { ...plan, error: said(templates.eachNoRecipients) };
  }
  const placeholders = placeholdersIn(letter);
  const made: { recipient: Recipient; text: string }[] = [];
  recipients.forEach((recipient) => {
    // The index of the letter's addressee the copy is for (a recipient from the CSV replaces them all).
    const i = 'addressee' in recipient.from ? recipient.from.addressee - 1 : undefined;
    const reject = (l10n: Message) => plan.rejected.push({ from: recipient.from, ...reasonOf(l10n) });
    const missing = [...placeholders].find(([field]) => !recipient[field]);
    if (missing) {
      reject(message(templates.eachPlaceholderEmpty, recipientColumn(missing[0]), missing[1]));
      return;
    }
    const text = letterFor(letter, recipient, i);
    // Read back: the copy must name this recipient, and only them.
    const copy = parseLetter(text, options.parse);
    const wanted = i === undefined ? recipient.name : letter.addressees[i].name;
    const names = copy.addressees.map((a) => a.name);
    if (names.length !== 1 || names[0] !== wanted) {
      reject(message(templates.rowReadsBackAs, names.join('; ')));
      return;
    }
    made.push({ recipient, text });
  });
  const stems = uniqueStems(made.map((m) => fileStem(m.recipient.name)));
  plan.letters = made.map((m, k) => ({ ...m, fileStem: stems[k] }));
  plan.rejected.sort((a, b) => lineOf(a) - lineOf(b));
  return plan;
}

const lineOf = (note: RecipientNote) => ('csvLine' in note.from ? note.from.csvLine : note.from.line);

function reasonOf(l10n: Message): { reason: string; l10n: Message } {
  return { reason: said(l10n).message, l10n };
}

/** A recipient that got no letter, named by where it came from: `line 4: no name`. */
export function rejectedNote(note: RecipientNote): Message {
  return 'csvLine' in note.from
    ? message(templates.eachLine, note.from.csvLine, note.l10n)
    : message(templates.eachAddresseeAt, note.from.addressee, note.from.line, note.l10n);
}

/**
 * What was done, in one or two sentences: `Wrote 3 letters into out. Not written: line 4: no name.`;
 * `written` is how many files were written, `folder` where.
 */
export function eachAddresseeSummary(
  plan: EachAddresseePlan,
  written: number,
  folder: string,
  translate: Translate = english,
): string {
  if (plan.error) return translate(message(templates.eachNothing, plan.error.l10n));
  const count = message(written === 1 ? templates.eachLetterCount : templates.eachLettersCount, written);
  let text = translate(message(templates.eachWritten, count, folder));
  if (plan.rejected.length > 0)
    text += ` ${translate(message(templates.eachNotWritten, joined(plan.rejected.map(rejectedNote), templates.semicolonList)))}`;
  return text;
}
