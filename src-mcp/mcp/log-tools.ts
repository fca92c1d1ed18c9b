/** Execution logs: create_runbook_log, list_runbook_logs. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { RUN_OUTCOMES } from '../engine/receipt.js';
import { RUN_ID_PATTERN } from '../engine/run-memory.js';
import { logEntryShape, logTextField, runbookNameField, toLogEntry } from './schemas.js';
import { dataResult, runTool } from './tool-result.js';

export function registerLogTools(server: McpServer, engine: Engine): void {
  server.registerTool(
    'create_runbook_log',
    {
      title: 'Save a runbook execution log',
      description:
        'Saves the log of a runbook you carried out: each step, the commands and their key output, and the ' +
        'outcome. Call it once when you finish (or stop) a runbook. Secret values are redacted before saving: ' +
        'the values of secret variables rendered in this session, secret env values and credential shapes. ' +
        'With the run_id the runbook prompt gave and an outcome, the log starts with a receipt: the runbook ' +
        'file’s sha256 when it was rendered, the profile, the values used (secrets masked), start and end times.',
      inputSchema: {
        runbook_name: runbookNameField.describe(
          'The runbook that was carried out, such as "docs/redis/README".',
        ),
        execution_log: logTextField.describe('The log, as markdown or plain text.'),
        outcome: z
          .enum(RUN_OUTCOMES)
          .optional()
          .describe(
            'How the run ended: success (every step done as expected), failure, or partial (stopped part way).',
          ),
        run_id: z
          .string()
          .regex(RUN_ID_PATTERN)
          .optional()
          .describe(
            'The run id given with the runbook (its prompt or get_runbook), such as "k3J9x_a2Qp".',
          ),
      },
      outputSchema: { log: logEntryShape },
      annotations: {
        title: 'Save a runbook execution log',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ runbook_name, execution_log, outcome, run_id }) =>
      runTool(async () => {
        const report = { outcome, runId: run_id };
        const entry = toLogEntry(await engine.appendLog(runbook_name, execution_log, {}, report));
        const receipt = outcome || run_id ? ' with its receipt' : '';
        return dataResult(`Saved the log of ${entry.runbook} as ${entry.id}${receipt}.`, {
          log: entry,
        });
      }),
  );

  server.registerTool(
    'list_runbook_logs',
    {
      title: 'List execution logs of a runbook',
      description: 'Lists the saved execution logs of a runbook, newest first.',
      inputSchema: {
        name: runbookNameField.describe('Runbook name, such as "docs/redis/README".'),
      },
      outputSchema: { logs: z.array(logEntryShape) },
      annotations: {
        title: 'List execution logs of a runbook',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    ({ name }) =>
      runTool(async () => {
        const logs = (await engine.listLogs(name))
          .map(toLogEntry)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const text = logs.length
          ? logs.map((l) => `${l.createdAt}  ${l.id}  (${l.size} bytes)`).join('\n')
          : `No logs saved for ${name} yet.`;
        return dataResult(text, { logs });
      }),
  );
}
