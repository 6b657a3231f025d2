import type { Command } from 'commander';

export function registerDemoDataCommand(program: Command): void {
  void program;
}
