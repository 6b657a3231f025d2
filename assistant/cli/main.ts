// The `ayni` command (ARCHITECTURE.md 3.2). Each command lives in commands/<name>.ts.
import { Command } from 'commander';
import { registerAnomaliesCommand } from './commands/anomalies';
import { registerBenchCommand } from './commands/bench';
import { registerDemoDataCommand } from './commands/demo-data';
import { registerForecastCommand } from './commands/forecast';
import { registerImportCommand } from './commands/import';
import { registerInventoryCommand } from './commands/inventory';
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
registerSummaryCommand(program);
registerBenchCommand(program);

program.exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 2);
});

await program.parseAsync(process.argv);
