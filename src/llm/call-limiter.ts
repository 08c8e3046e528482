/**
 * At most `limit` model requests in flight (LLM_CONCURRENCY), shared by every call of one
 * client: a 20-item digest and a thread answer queue up instead of tripping the provider's
 * rate limit. Waiters are served first come, first served.
 */
export interface CallLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createCallLimiter(limit: number): CallLimiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    if (active < max) {
      active += 1;
      return;
    }
    // The slot is handed over by release(), so `active` stays counted while it passes.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
