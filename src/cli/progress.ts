/** Reports a long job: one redrawn line on a terminal, a few plain lines otherwise. */
export interface Progress {
  /** `count` items so far; `fraction` (0–1) of the whole job done, when known, drives the ETA. */
  update(count: number, fraction?: number): void;
  finish(count: number): void;
}

export interface ProgressOptions {
  label: string;
  /** What is counted ("papers"). */
  unit: string;
  write: (text: string) => void;
  isTTY: boolean;
  /** Milliseconds clock, injectable for tests. */
  clock?: () => number;
}

/** Plain-mode lines appear at every quarter of the job, so a log file stays short. */
const PLAIN_STEPS = 4;
/** Terminal redraws are throttled so a fast loop does not spend its time printing. */
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

export function createProgress({ label, unit, write, isTTY, clock = Date.now }: ProgressOptions): Progress {
  const started = clock();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = 0;
  const line = (count: number, fraction?: number) => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    const rate = `${Math.round(count / seconds).toLocaleString('en-US')} ${unit}/s`;
    const done = fraction !== undefined ? ` (${Math.floor(fraction * 100)}%)` : '';
    const eta =
      fraction && fraction < 1 ? ` · ETA ${formatSeconds((seconds / fraction) * (1 - fraction))}` : '';
    return `${label}: ${count.toLocaleString('en-US')} ${unit}${done} · ${rate}${eta}`;
  };
  return {
    update(count, fraction) {
      if (isTTY) {
        if (clock() - lastDraw < REDRAW_MS) return;
        lastDraw = clock();
        write(`${CLEAR_LINE}${line(count, fraction)}`);
        return;
      }
      if (fraction === undefined) return;
      const step = Math.floor(fraction * PLAIN_STEPS);
      if (step > lastStep && fraction < 1) {
        lastStep = step;
        write(`${line(count, fraction)}\n`);
      }
    },
    finish(count) {
      const seconds = ((clock() - started) / 1000).toFixed(1);
      write(`${isTTY ? CLEAR_LINE : ''}${label}: ${count.toLocaleString('en-US')} ${unit} in ${seconds}s\n`);
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
