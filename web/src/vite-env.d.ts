/// <reference types="vite/client" />

/** True in a built app (see vite.config.ts `define`). */
declare const __SERVICE_WORKER__: boolean;
