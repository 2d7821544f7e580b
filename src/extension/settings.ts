import * as vscode from 'vscode';
import type { LetterStyle, LintOptions, Paper, Severity, SignatoryField } from '../core';

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

export interface PreviewSettings {
  style: LetterStyle;
  paper: Paper;
  markProblems: boolean;
  /** CSS files of the writer's own (workspace-relative or absolute), trusted workspaces only. */
  styles: string[];
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  doubleClickToSwitchToEditor: boolean;
}

export function previewSettings(scope?: vscode.ConfigurationScope): PreviewSettings {
  const config = vscode.workspace.getConfiguration(`${SECTION}.preview`, scope);
  return {
    style: config.get<LetterStyle>('style', 'theme') === 'paper' ? 'paper' : 'theme',
    paper: config.get<Paper>('paper', 'a4') === 'letter' ? 'letter' : 'a4',
    markProblems: config.get<boolean>('markProblems', true),
    styles: config.get<string[]>('styles', []).filter((s) => typeof s === 'string' && s.trim() !== ''),
    scrollPreviewWithEditor: config.get<boolean>('scrollPreviewWithEditor', true),
    scrollEditorWithPreview: config.get<boolean>('scrollEditorWithPreview', true),
    doubleClickToSwitchToEditor: config.get<boolean>('doubleClickToSwitchToEditor', true),
  };
}
