/** vitest globalSetup: build dist/mcp.js once before the MCP tests spawn it. */
import { ensureServerBuilt } from './test-build.js';

export default async function setup(): Promise<void> {
  await ensureServerBuilt();
}
