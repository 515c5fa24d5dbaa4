// Public API of the language server package, for embedding and tests.
export { startServer, SERVER_NAME, SERVER_VERSION, type ServerOptions } from './server.js';
export { STATUS_NOTIFICATION, type StatusParams } from './document-checker.js';
export { DISABLE_IN_WORKSPACE_COMMAND } from './code-actions.js';
export { normalizeSettings, DEFAULT_SETTINGS, type Settings } from './settings.js';
