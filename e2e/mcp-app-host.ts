/**
 * A minimal MCP Apps host for the browser tests, built on ext-apps' AppBridge like a chat client:
 * an SDK Client talks to the real server (through mcp-app-bridge.ts), the view runs in a sandboxed
 * iframe under a CSP that allows no network, and the messages it sends are kept for the test.
 */
import {
  AppBridge,
  PostMessageTransport,
  getToolUiResourceUri,
  type McpUiHostContext,
  type McpUiMessageRequest,
} from '@modelcontextprotocol/ext-apps/app-bridge';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

declare global {
  interface Window {
    /** Exposed by the Node side: one JSON-RPC message to the server's stdin. */
    mcpToServer(line: string): Promise<void>;
    /** Called by the Node side with each line the server wrote to stdout. */
    mcpFromServer(line: string): void;
    openForm(runbookName: string, context: McpUiHostContext): Promise<void>;
    setHostContext(context: McpUiHostContext): void;
    sentMessages: McpUiMessageRequest['params'][];
    /** The get_runbook_as_prompt prompt's text, for comparison. */
    promptText(args: Record<string, string>): Promise<string>;
  }
}

/** No network for the view: only its own inline scripts and styles run. */
const VIEW_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

class NodeBridgeTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  async start(): Promise<void> {
    window.mcpFromServer = (line) => this.onmessage?.(JSON.parse(line) as JSONRPCMessage);
  }
  async send(message: JSONRPCMessage): Promise<void> {
    await window.mcpToServer(JSON.stringify(message));
  }
  async close(): Promise<void> {
    this.onclose?.();
  }
}

const client = new Client({ name: 'runbook-e2e-host', version: '0.0.0' });
const connected = client.connect(new NodeBridgeTransport());
let bridge: AppBridge | undefined;
window.sentMessages = [];

window.openForm = async (runbookName, context) => {
  await connected;
  const { tools } = await client.listTools();
  const tool = tools.find((t) => t.name === 'open_runbook_form');
  const uri = tool && getToolUiResourceUri(tool);
  if (!uri) throw new Error('open_runbook_form names no ui:// view');
  const [view] = (await client.readResource({ uri })).contents;
  if (!view || !('text' in view)) throw new Error(`${uri} has no HTML`);
  const html = view.text.replace(
    /<head>/i,
    `<head><meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}">`,
  );

  const frame = document.createElement('iframe');
  frame.title = 'Run form';
  frame.sandbox.add('allow-scripts');
  document.getElementById('chat')!.append(frame);
  bridge = new AppBridge(
    client,
    { name: 'Runbook e2e host', version: '0.0.0' },
    { serverTools: {}, openLinks: {}, message: { text: {} } },
    { hostContext: context },
  );
  bridge.onmessage = async (params) => {
    window.sentMessages.push(params);
    return {};
  };
  bridge.onsizechange = ({ height }) => {
    if (height) frame.style.height = `${height}px`;
  };
  const args = { runbook_name: runbookName };
  bridge.oninitialized = async () => {
    await bridge!.sendToolInput({ arguments: args });
    const result = await client.callTool({ name: 'open_runbook_form', arguments: args });
    await bridge!.sendToolResult(result as CallToolResult);
  };
  await bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!));
  frame.srcdoc = html;
};

window.setHostContext = (context) => bridge?.setHostContext(context);

window.promptText = async (args) => {
  await connected;
  const result = await client.getPrompt({ name: 'get_runbook_as_prompt', arguments: args });
  return result.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('\n');
};
