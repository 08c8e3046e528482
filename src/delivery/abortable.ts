/** Raised inside an attempt whose deliverer is shutting down: the attempt ends and frees its claim. */
export class DeliveryStopped extends Error {
  constructor() {
    super('delivery stopped for shutdown');
    this.name = 'DeliveryStopped';
  }
}

/** Resolves after `ms`, or rejects with DeliveryStopped as soon as `signal` aborts. */
export function sleepUnlessStopped(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new DeliveryStopped());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DeliveryStopped());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
