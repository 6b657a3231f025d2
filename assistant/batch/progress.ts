// A one-line progress bar on stderr for long batch work, redrawn at most ten times a second;
// only on a TTY (callers pass undefined otherwise).

export interface ProgressBar {
  /** `done` items so far; `fraction` in [0, 1] when the total is known (or estimated). */
  update(done: number, fraction?: number): void;
  /** Clears the line. */
  end(): void;
}

const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, fraction) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      let bar = '';
      if (fraction !== undefined) {
        const filled = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
        bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}% `;
      }
      stream.write(
        `\r${bar}${done.toLocaleString('en')} ${label} ${rate.toFixed(1)}/s ${seconds.toFixed(0)} s\u001b[K`,
      );
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
