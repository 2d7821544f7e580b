import * as vscode from 'vscode';
import { Disposable } from '../disposable';

/** One palette command: its id (as in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers every command in one place (VS Code markdown's CommandManager). */
export class CommandManager extends Disposable {
  add(command: Command): void {
    this.register(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }
}
