/** Reports a long count-based job: one redrawn line on a terminal, a few plain lines otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  finish(done: number): void;
}

export interface ProgressOptions {
  label: string;
  write: (text: string) => void;
  isTTY: boolean;
  /** Milliseconds clock, injectable for tests. */
  clock?: () => number;
}

/** Plain-mode lines appear at every 25% (and at the end), so a log file stays short. */
const PLAIN_STEPS = 4;
/** Terminal redraws are throttled so a fast loop does not spend its time printing. */
const REDRAW_MS = 100;

export function createProgress({ label, write, isTTY, clock = Date.now }: ProgressOptions): Progress {
  const started = clock();
  let lastDraw = 0;
  let lastStep = 0;
  const line = (done: number, total?: number) => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    const rate = done / seconds;
    const count = total
      ? `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`
      : done.toLocaleString('en-US');
    const eta = total && rate > 0 && done < total ? ` · ETA ${formatSeconds((total - done) / rate)}` : '';
    return `${label}: ${count} · ${Math.round(rate).toLocaleString('en-US')}/s${eta}`;
  };
  return {
    update(done, total) {
      if (isTTY) {
        if (clock() - lastDraw < REDRAW_MS) return;
        lastDraw = clock();
        write(`\r\u001b[2K${line(done, total)}`);
        return;
      }
      if (!total) return;
      const step = Math.floor((done / total) * PLAIN_STEPS);
      if (step > lastStep && done < total) {
        lastStep = step;
        write(`${line(done, total)}\n`);
      }
    },
    finish(done) {
      const seconds = ((clock() - started) / 1000).toFixed(1);
      write(`${isTTY ? '\r\u001b[2K' : ''}${label}: ${done.toLocaleString('en-US')} done in ${seconds}s\n`);
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
