import { App as McpApp, PostMessageTransport } from '@modelcontextprotocol/ext-apps';
import { mount } from 'svelte';
import '../src-renderer/styles/theme.css';
import './app.css';
import App from './App.svelte';
import { toFormSpec } from './lib/form-spec.js';
import { applyHostContext } from './lib/host-theme.js';
import { RunForm } from './state/run-form.svelte.js';

const app = new McpApp({ name: 'Runbook Companion run form', version: '0.1.0' }, {});
const form = new RunForm({
  callTool: (name, args) => app.callServerTool({ name, arguments: args }),
  sendMessage: async (text) => {
    const answer = await app.sendMessage({ role: 'user', content: [{ type: 'text', text }] });
    if (answer.isError) throw new Error('The host did not take the message; try again.');
  },
});

// Set before connecting: the host may send the tool result right after the handshake.
app.ontoolresult = (result) => {
  const spec = result.isError ? undefined : toFormSpec(result.structuredContent);
  if (spec) form.open(spec);
  else form.error = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
};
app.onhostcontextchanged = (context) => applyHostContext(context);

const target = document.getElementById('app');
if (!target) throw new Error('run-form.html has no #app element');
mount(App, { target, props: { form } });

app.connect(new PostMessageTransport(window.parent, window.parent)).then(
  () => applyHostContext(app.getHostContext()),
  (error: unknown) => (form.error = `Not connected to the host: ${String(error)}`),
);
