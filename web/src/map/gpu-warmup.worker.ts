/**
 * Opens one WebGL2 context and closes. The first context a page opens waits for its connection
 * to the GPU process, a blocking call of 100 ms to over a second on a slow phone or in software
 * GL; once any thread of the page has made that connection, MapLibre's own context (on the
 * main thread) opens in a few ms. Started by `gpu-warmup.ts` while MapLibre downloads.
 */
const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
postMessage(gl !== null);
close();
