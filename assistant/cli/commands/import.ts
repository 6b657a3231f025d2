import type { Command } from 'commander';

export function registerImportCommand(program: Command): void {
  void program;
}
