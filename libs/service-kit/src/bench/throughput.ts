/** Calls `call` (after one warm-up call) for `seconds` and returns items per second, `itemsPerCall` per call. */
export async function itemsPerSecond(seconds: number, itemsPerCall: number, call: () => Promise<unknown>): Promise<number> {
  await call();
  let items = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await call();
    items += itemsPerCall;
  }
  return items / ((performance.now() - started) / 1000);
}
