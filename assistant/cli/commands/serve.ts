// `ayni serve`: start the HTTP server; SIGTERM/SIGINT close it gracefully and exit 0.
import type { Command } from 'commander';
import { startServer } from '../../main';
import { ensureWebBuild } from '../../web-build';
import { action, configFromEnvironment } from '../run-command';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the Ayni server (HTTP API, readiness, metrics) on AYNI_HOST:AYNI_PORT')
    .option('--demo-if-empty', 'load the demo company first when the store is empty')
    .action(
      action(async (options: { demoIfEmpty?: boolean }) => {
        const config = configFromEnvironment();
        try {
          await ensureWebBuild({ log: (line) => process.stdout.write(`${line}\n`) });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          process.stderr.write(
            `ayni: the web app could not be built (${reason}); the API still runs\n`,
          );
        }
        const server = await startServer({ config, demoIfEmpty: options.demoIfEmpty ?? false });
        process.stdout.write(`Ayni is listening on ${server.url}\n`);
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            server.logger.warn({ signal }, 'second signal: exiting without waiting');
            process.exit(1);
          }
          stopping = true;
          server.logger.info({ signal }, 'signal received');
          server.close().then(
            () => process.exit(0),
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              process.stderr.write(`ayni: shutdown failed: ${message}\n`);
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      }),
    );
}
