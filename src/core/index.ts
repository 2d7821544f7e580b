// The letter engine: text in, Letter / diagnostics / HTML out. Pure: no `vscode`, no Node API.
export * from './model';
export * from './diagnostic';
export { parseLetter, readLetter, type ParseOptions, type ReadLetter, type LetterPart } from './parseLetter';
export { lintLetter } from './lint';
export { rules, ruleByCode, type Rule } from './rules';
export { letterToJson, type LetterJson } from './letterJson';
export { renderLetter, renderReadLetter, renderLetterHtml, standaloneHtml, formatDate, type RenderOptions, type RenderedLetter, type HtmlDocumentOptions } from './render';
export { letterCss, type LetterStyle } from './letterStyle';
export { parseDate } from './dates';
export { suggestedFixes, joinEntryLines, disableFix, entryInsertion } from './actions';
export { letterOutline, letterFoldingRanges, type OutlineItem, type OutlineKind, type FoldingRegion } from './outline';
export { describeAt, completionAt, rangeContains, type Description, type CompletionOffer } from './assist';
export { fieldLabels, sectionNames, type VocabularyExtras } from './vocabulary';
export { planSignatoryImport, signatoriesToCsv, sortSignatories, entryPlacement, placedEntries, importSummary, importReport, decodeCsv, applyTextEdit, csvHeaders, type SignatoryImportPlan, type SignatoryImportOptions, type ImportedSignatory, type RowNote, type CsvError, type SignatorySortKey, type EntryPlacement, type CsvExportOptions } from './signatoryCsv';
export { convertPlainText, type ConvertResult } from './convert';
export { readLetterConfig, configToOptions, configFileName, type LetterConfig, type ConfigProblem } from './config';
export { english, formatMessage, message, messageKey, translator, templates, catalogueKeys, type Message, type MessageArg, type Template, type Translate } from './messages';
