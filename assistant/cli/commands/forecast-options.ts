// Option parsing shared by `ayni forecast` and `ayni bench forecast`, and their Ctrl-C handling.
import { statSync } from 'node:fs';
import { MAX_HORIZON } from '../../../models/forecast/prepare-input';
import { forecasterNames } from '../../../models/forecast/registry';
import { frequencies, type Frequency } from '../../batch/tidy-time';
import { GLOBAL_METHODS } from '../../ml/global-batch';
import { UsageError } from '../run-command';

export function parseWholeNumber(text: string, flag: string, low: number, high: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < low || value > high)
    throw new UsageError(
      `${flag} ${text}: give a whole number from ${low} to ${high.toLocaleString('en')}`,
    );
  return value;
}

export const parseHorizon = (text: string) => parseWholeNumber(text, '--horizon', 1, MAX_HORIZON);
export const parseSeason = (text: string) => parseWholeNumber(text, '--season', 1, 10_000);

export function parseThreads(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseWholeNumber(text, '--threads', 1, 1024);
}

/** `80,95` -> [80, 95]; each level strictly between 0 and 100, no repeats. */
export function parseLevels(text: string): number[] {
  if (text.trim() === '') return [];
  const levels = text.split(',').map((part) => Number(part.trim()));
  levels.forEach((level, index) => {
    if (!(level > 0 && level < 100))
      throw new UsageError(
        `--levels ${text}: "${text.split(',')[index]?.trim()}" is not a level between 0 and 100 (e.g. --levels 80,95)`,
      );
  });
  if (new Set(levels).size !== levels.length)
    throw new UsageError(`--levels ${text}: a level is repeated`);
  return levels;
}

/** A method name known to the registry, or a UsageError listing the names. */
export function checkMethod(name: string, flag: string): string {
  if (!forecasterNames.includes(name))
    throw new UsageError(
      `${flag} ${name}: unknown method; choose one of ${forecasterNames.join(', ')}`,
    );
  return name;
}

/**
 * A method of the batch commands: a registry name, or a global method trained across all series
 * of the file (`global`, `auto+global`; these need `auto` in the registry).
 */
export function checkBatchMethod(name: string, flag: string): string {
  const hasAuto = forecasterNames.includes('auto');
  if ((GLOBAL_METHODS as readonly string[]).includes(name) && hasAuto) return name;
  if (!forecasterNames.includes(name))
    throw new UsageError(
      `${flag} ${name}: unknown method; choose one of ${[
        ...forecasterNames,
        ...(hasAuto ? GLOBAL_METHODS : []),
      ].join(', ')}`,
    );
  return name;
}

export function parseFrequency(text: string | undefined): Frequency | undefined {
  if (text === undefined) return undefined;
  if (!(frequencies as readonly string[]).includes(text))
    throw new UsageError(`--frequency ${text}: choose one of ${frequencies.join(', ')}`);
  return text as Frequency;
}

/** The default method: 'auto' when it is registered, otherwise ETS. */
export function defaultMethod(): string {
  return forecasterNames.includes('auto') ? 'auto' : 'ets';
}

/** Fails with a one-line reason unless `file` is a readable regular file. */
export function checkInputFile(file: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    throw new UsageError(
      `--input ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (!isFile) throw new UsageError(`--input ${file}: is not a file`);
}

export class Cancelled extends Error {}

/** An AbortSignal that fires on the first Ctrl-C (a second one kills as usual). */
export function cancelOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Cancelled('cancelled (Ctrl-C)'));
  process.once('SIGINT', onInterrupt);
  return {
    signal: controller.signal,
    dispose: () => process.removeListener('SIGINT', onInterrupt),
  };
}

/**
 * Runs `work` with a signal the first Ctrl-C fires: a cancellation ends the command with
 * "ayni: cancelled" and exit code 130, any other error is rethrown. `onFailure` runs first on
 * either (to close a progress bar).
 */
export async function runCancellable(
  work: (signal: AbortSignal) => Promise<void> | void,
  onFailure?: () => void,
): Promise<void> {
  const { signal, dispose } = cancelOnInterrupt();
  try {
    await work(signal);
  } catch (error) {
    onFailure?.();
    if (error instanceof Cancelled || signal.aborted) {
      process.stderr.write('ayni: cancelled\n');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    dispose();
  }
}
