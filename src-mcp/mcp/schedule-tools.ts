/** Scheduled runbooks: list_due_runbooks. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { describeDue, listDueRunbooks } from '../engine/schedule-due.js';
import { dataResult, runTool } from './tool-result.js';

const dueShape = z.object({
  name: z.string(),
  title: z.string(),
  schedule: z.string().describe('daily, weekly, monthly or a cron expression'),
  lastRun: z
    .string()
    .optional()
    .describe('ISO time of the newest execution log; absent: never run'),
  dueSince: z.string().optional().describe('ISO time it fell due; absent when it never ran'),
});

export function registerScheduleTools(server: McpServer, engine: Engine): void {
  server.registerTool(
    'list_due_runbooks',
    {
      title: 'List runbooks that are due',
      description:
        'Lists the runbooks whose front matter has a `schedule:` (daily, weekly, monthly or cron) and that are due: ' +
        'their newest execution log is older than the schedule allows, or they never ran. ' +
        'Runs are known by their logs, so save one with create_runbook_log after carrying a runbook out.',
      inputSchema: {},
      outputSchema: { due: z.array(dueShape) },
      annotations: {
        title: 'List runbooks that are due',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    () =>
      runTool(async () => {
        const due = await listDueRunbooks(engine);
        const text = due.length
          ? [
              `${due.length} scheduled runbook(s) due:`,
              ...due.map((d) => `- ${describeDue(d)}`),
            ].join('\n')
          : 'No scheduled runbook is due.';
        return dataResult(text, { due });
      }),
  );
}
