// The `ayni` command (ARCHITECTURE.md 3.2). Each command lives in commands/<name>.ts.
import { Command } from 'commander';
import { registerAnomaliesCommand } from './commands/anomalies';
import { registerBenchCommand } from './commands/bench';
import { registerDemoDataCommand } from './commands/demo-data';
import { registerForecastCommand } from './commands/forecast';
import { registerImportCommand } from './commands/import';
import { registerInspectCommand } from './commands/inspect';
import { registerInventoryCommand } from './commands/inventory';
import { registerJobsCommand } from './commands/jobs';
import { registerServeCommand } from './commands/serve';
import { registerSummaryCommand } from './commands/summary';

const program = new Command('ayni')
  .description('Ayni: a local-first S&OP planning assistant (forecasts, anomalies, inventory, QC)')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({
    outputError: (text, write) => write(`ayni: ${text.replace(/^error: /, '')}`),
  });

registerServeCommand(program);
registerImportCommand(program);
registerDemoDataCommand(program);
registerForecastCommand(program);
registerAnomaliesCommand(program);
registerInventoryCommand(program);
registerInspectCommand(program);
registerSummaryCommand(program);
registerJobsCommand(program);
registerBenchCommand(program);
// `ayni eval` is routed by bin/ayni.js to eval/cli (assistant/ may not import eval/).
program.addHelpText(
  'after',
  '\nEvaluation suites: ayni eval SUITE_OR_DIR [options], ayni eval compare RUN_A RUN_B, ayni eval runs (ayni eval --help)',
);

program.exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 2);
});

await program.parseAsync(process.argv);
