/** MCP client config writers: plain Node, shared by the CLI, the tray app and the web UI. */
export * from './client-spec.js';
export * from './clients.js';
export * from './config-model.js';
export * from './config-status.js';
export * from './install.js';
export * from './launch.js';
export * from './legacy.js';
export * from './platform.js';
export * from './running-client.js';
export * from './test-connection.js';
export { backupStamp } from './config-file.js';
export * from './describe.js';
