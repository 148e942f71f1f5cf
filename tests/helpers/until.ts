/**
 * Waits until `ready()` holds, checking whenever the event loop is free, for as long as a loaded
 * machine could need (60 s by default): a test waits on what it expects to happen, never on a guess
 * at how long it takes. Fails naming what it waited for.
 */
export async function until(ready: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
