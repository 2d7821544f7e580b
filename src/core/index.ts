// The letter engine: text in, Letter / diagnostics / HTML out. Pure: no `vscode`, no Node API.
export * from './model';
export * from './diagnostic';
export { parseLetter, readLetter, type ParseOptions, type ReadLetter, type LetterPart } from './parseLetter';
export { lintLetter } from './lint';
export { citedLinks, linkKey, type CitedLink, type LinkCheck, type LinkFailure, type LinkResults } from './links';
export {
  parseState,
  reparseLetter,
  lintParsed,
  type ParsedState,
  type TextChange as OffsetChange,
} from './incremental';
export { rules, ruleByCode, type Rule } from './rules';
export { letterToJson, type LetterJson } from './letterJson';
export { renderLetter, renderReadLetter, type RenderOptions, type RenderedLetter } from './render';
export { formatDate, formatNumber } from './letterStrings';
export { coverTotals, type CoverTotals, type CoverCount } from './cover';
export { coverText, type CoverText } from './renderCover';
export { renderLetterHtml, standaloneHtml, type HtmlDocumentOptions } from './htmlDocument';
export { letterCss, type LetterStyle } from './letterStyle';
export { applyRows, articleRows, diffRows, type Row, type RowOp } from './previewRows';
export { renderPreview, previewPatch, type PreviewRendering } from './incrementalRender';
export { proseLanguage } from './language';
export { parseDate, compareDates, datePrecision, type DatePrecision } from './dates';
export {
  suggestedFixes,
  joinEntryLines,
  disableFix,
  entryInsertion,
  entrySnippet,
  type EntryChoices,
  openElsewhereFixes,
  type OpenElsewhere,
} from './actions';
export { letterOutline, letterFoldingRanges, type OutlineItem, type OutlineKind, type FoldingRegion } from './outline';
export {
  describeAt,
  completionAt,
  entryFrom,
  rangeContains,
  usedValues,
  type Description,
  type CompletionOffer,
} from './assist';
export {
  completionsAt,
  completionTriggers,
  mayOffer,
  sectionAt,
  addresseeText,
  addresseesOf,
  type Completion,
  type CompletionContext,
} from './completions';
export { letterSkeleton } from './skeleton';
export { fieldLabels, sectionNames, type VocabularyExtras } from './vocabulary';
export { entryPlacement, placedEntries, type EntryPlacement } from './actions';
export { applyTextEdit } from './text/textEdit';
export { rangeAfterChange, type TextChange } from './text/rangeMoves';
export { readLetterConfig, configToOptions, configFileName, type LetterConfig, type ConfigProblem } from './config';
export {
  english,
  formatMessage,
  message,
  messageKey,
  translator,
  templates,
  catalogueKeys,
  type Message,
  type MessageArg,
  type Template,
  type Translate,
} from './messages';
export {
  findTranslation,
  filesReadOnce,
  declaredTranslation,
  pairedByName,
  translationOfText,
  letterLandmarks,
  landmarkAt,
  matchingLandmark,
  fileName,
  folderOf,
  resolvePath,
  type Counterpart,
  type TranslationFiles,
  type LetterLandmark,
} from './translation';
