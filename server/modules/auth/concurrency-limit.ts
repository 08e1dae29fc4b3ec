/**
 * Runs async work with at most `max` jobs in flight; the others wait their turn in arrival order.
 * A finishing job hands its slot straight to the next waiter, so the limit is never exceeded.
 */
export function concurrencyLimit(max: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over, already counted
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
