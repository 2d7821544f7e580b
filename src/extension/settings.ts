import * as vscode from 'vscode';
import type { LintOptions, Severity, SignatoryField } from '../core';

export const SECTION = 'advocacyLetter';

export interface LetterSettings {
  enabled: boolean;
  run: 'onType' | 'onSave';
  /** Milliseconds of quiet typing before a letter is checked again. */
  delay: number;
  lint: LintOptions;
}

/** The settings that apply to one letter (workspace folder and language overrides included). */
export function letterSettings(scope?: vscode.ConfigurationScope): LetterSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const severity = config.get<Record<string, Severity | 'ignore'>>('severity', {});
  const required = config.get<SignatoryField[]>('signatories.requiredFields', ['name', 'role', 'organization']);
  return {
    enabled: config.get<boolean>('validate.enabled', true),
    run: config.get<'onType' | 'onSave'>('validate.run', 'onType'),
    delay: Math.max(0, Math.min(2000, config.get<number>('validate.delay', 150))),
    lint: { severities: { ...severity }, requiredSignatoryFields: [...required] },
  };
}
