/**
 * Connects the page to the GPU in a worker while MapLibre downloads, so the map's WebGL
 * context opens at once on the main thread instead of blocking it (see `gpu-warmup.worker.ts`).
 * Harmless where it cannot help: without OffscreenCanvas or WebGL2 the worker finds nothing.
 */
let started = false;

/** Starts the warm-up once; safe to call from every view. */
export function warmUpGpu(): void {
  if (started || typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined') return;
  started = true;
  try {
    const worker = new Worker(new URL('./gpu-warmup.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = () => worker.terminate();
    worker.onerror = () => worker.terminate();
  } catch {
    // A browser that refuses the worker opens its context the slow way: nothing is lost.
  }
}
