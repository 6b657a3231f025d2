// Shared command plumbing: config from the environment, one-line errors, exit codes.
import { loadConfig, type AppConfig } from '../config';
import { AppError } from '../errors';

export class UsageError extends Error {}

/** Exit codes: 0 ok, 1 the work failed (bad data, unreachable service), 2 bad usage or configuration. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof AppError && error.code === 'invalid_config') return 2;
  return 1;
}

export function configFromEnvironment(): AppConfig {
  return loadConfig(process.env);
}

/**
 * Wraps a command action: any error becomes one line on stderr (`ayni: reason`) and a non-zero
 * exit code; a stack trace only with AYNI_DEBUG=1.
 */
export function action<Arguments extends unknown[]>(
  run: (...args: Arguments) => Promise<void> | void,
): (...args: Arguments) => Promise<void> {
  return async (...args: Arguments) => {
    try {
      await run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`ayni: ${message.split('\n')[0]}\n`);
      if (process.env.AYNI_DEBUG === '1' && error instanceof Error)
        process.stderr.write(`${error.stack}\n`);
      process.exitCode = exitCodeFor(error);
    }
  };
}
