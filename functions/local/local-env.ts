/**
 * Defaults for the local process, set before any other module is evaluated (import this
 * first). Each can still be overridden from the shell.
 */
// Handlers log structured JSON; on a console, warnings and the outbox lines are what matter.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// Locally we run on Node 20; Lambda runs nodejs22.x, which the SDK's notice is about.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
