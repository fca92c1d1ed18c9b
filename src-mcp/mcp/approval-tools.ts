/** request_approval: asks the user in the tray app, since Claude Desktop offers no elicitation. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { requestApproval } from '../approval/client.js';
import { isRunbookError } from '../engine/errors.js';
import { dataResult, runTool } from './tool-result.js';

/** Clients that honour progress keep waiting while the user reads the dialog. */
const PROGRESS_EVERY_MS = 10_000;

export function registerApprovalTools(server: McpServer): void {
  server.registerTool(
    'request_approval',
    {
      title: 'Ask the user to approve a step',
      description:
        'Shows a message with Approve / Deny in the Runbook Companion tray app on the user’s computer and ' +
        'waits for the answer. Use it before a step that changes or deletes something (a restart, a failover, ' +
        'a deletion). approved=false means do not do it. Fails when the tray app is not running: then ask in the chat.',
      inputSchema: {
        message: z
          .string()
          .min(1)
          .max(4000)
          .describe('What you are about to do and its effect, in a sentence or two.'),
        timeout_seconds: z
          .number()
          .int()
          .min(5)
          .max(600)
          .default(55)
          .describe(
            'How long to wait for the answer (default 55; many clients give up on a call after 60).',
          ),
      },
      outputSchema: { approved: z.boolean() },
      annotations: {
        title: 'Ask the user to approve a step',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ message, timeout_seconds }, extra) =>
      runTool(async () => {
        const token = extra._meta?.progressToken;
        let progress = 0;
        const ticker =
          token === undefined
            ? undefined
            : setInterval(() => {
                const params = {
                  progressToken: token,
                  progress: ++progress,
                  message: 'Waiting for the user…',
                };
                extra
                  .sendNotification({ method: 'notifications/progress', params })
                  .catch(() => undefined);
              }, PROGRESS_EVERY_MS);
        try {
          const { approved } = await requestApproval(message, {
            timeoutMs: timeout_seconds * 1000,
          });
          const text = approved ? 'The user approved.' : 'The user denied it: do not do this step.';
          return dataResult(text, { approved });
        } catch (error) {
          throw withChatFallback(error);
        } finally {
          if (ticker) clearInterval(ticker);
        }
      }),
  );
}

/** With no app to ask, the model should fall back to asking in the chat, not skip the question. */
function withChatFallback(error: unknown): unknown {
  if (!isRunbookError(error) || error.code !== 'unavailable') return error;
  return error.withFix(
    `${error.fix ?? ''} Or ask the user in the chat and wait for their answer.`.trim(),
  );
}
