/**
 * Polls for a real condition with a deadline: for tests that have no event to await. The answer
 * is the first value that is neither undefined nor false.
 */
export async function waitFor<T>(
  read: () => T | undefined | false | Promise<T | undefined | false>,
  options: { what: string; timeout?: number; interval?: number },
): Promise<T> {
  const { what, timeout = 10_000, interval = 25 } = options;
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
