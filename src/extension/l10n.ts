// The engine's texts (src/core/messages.ts) in VS Code's display language: vscode.l10n looks each
// template up in l10n/bundle.l10n.<language>.json, and uses the English template when it has none.
import * as vscode from 'vscode';
import { english, type Message, type Translate } from '../core';

const translated: Translate = (message) => {
  const args = message.args.map((arg) => (typeof arg === 'object' ? translated(arg) : arg));
  return message.comment
    ? vscode.l10n.t({ message: message.template, args, comment: message.comment })
    : vscode.l10n.t(message.template, ...args);
};

/**
 * A message in the display language, its message arguments translated first. Without a bundle
 * (VS Code in English) it is the engine's English, made without a lookup per problem.
 */
export const translate: Translate = (message) => (vscode.l10n.bundle ? translated(message) : english(message));

/** An engine result's text in the display language: its message translated, else its English text as it is. */
export const localized = (text: string, l10n: Message | undefined): string =>
  l10n && vscode.l10n.bundle ? translated(l10n) : text;
