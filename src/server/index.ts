/**
 * The public surface of the script: every function Apps Script may call — simple triggers,
 * menu actions, and what the sidebar and dialogs call through google.script.run. The build
 * emits a top-level function for each export. Keep entry points thin: authorise, lock, call
 * core and adapters.
 */
export { onOpen, onInstall, showSidebar } from './menu';
export { getSidebarInfo } from './sidebar';
