/**
 * Answers the MCP server's `request_approval`: the message in a native dialog, Deny by default.
 * The socket and its token live in the user-data folder (see src-mcp/approval/).
 */
import { app, dialog } from 'electron';
import { isRunbookError } from '../src-mcp/engine/errors.js';
import { startApprovalServer, type ApprovalServer } from '../src-mcp/approval/server.js';
import type { AppContext } from './context.js';

const DENY = 0;
const APPROVE = 1;

export async function setupApproval(ctx: AppContext): Promise<ApprovalServer | undefined> {
  try {
    return await startApprovalServer({
      dir: ctx.dataDir,
      onRequest: async ({ message, signal }) => {
        // The assistant is waiting in another app: bring the dialog to the front.
        app.focus({ steal: true });
        const { response } = await dialog.showMessageBox({
          type: 'question',
          title: 'Runbook Companion — approval requested',
          message: 'Your AI assistant asks for approval',
          detail: message,
          buttons: ['Deny', 'Approve'],
          defaultId: DENY,
          cancelId: DENY,
          noLink: true,
          signal,
        });
        return response === APPROVE;
      },
    });
  } catch (error) {
    const detail = isRunbookError(error) ? error.describe() : String(error);
    ctx.report('Approvals are off', detail);
    return undefined;
  }
}
