/** A character reference at the start of a text: `&amp;`, `&#38;`, `&#x26;`, as CommonMark reads them. */
export const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The ASCII punctuation a backslash escapes in CommonMark. */
export const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
