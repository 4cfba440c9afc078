/** Runs tasks with at most `concurrency` at a time, in the order they were given (see {@link createRequestLimiter}). */
export type RequestLimiter = <T>(task: () => Promise<T>) => Promise<T>;

/** The parallelism of the bulk commands by default: at most 4 requests in flight. */
export const DEFAULT_BULK_CONCURRENCY = 4;

/**
 * A limiter: each task starts when fewer than `concurrency` are running, first come first served,
 * so 100 bulk writes never open 100 connections at once.
 */
export function createRequestLimiter(concurrency: number = DEFAULT_BULK_CONCURRENCY): RequestLimiter {
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    throw new RangeError('concurrency must be an integer >= 1');
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(next);
      };
      if (running < concurrency) start();
      else waiting.push(start);
    });
}
