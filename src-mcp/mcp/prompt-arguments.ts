/** The arguments the run prompt (`get_runbook_as_prompt`) and the plan prompt both take. */
import { ErrorCode, McpError, type PromptArgument } from '@modelcontextprotocol/sdk/types.js';

export const KEYWORD_ARGUMENT: PromptArgument = {
  name: 'runbook_search_keyword',
  description: 'Runbook name, file name or search words.',
  required: true,
};

/** `vars`, its description ending with what the prompt does with values left out. */
export function varsArgument(leftOut = ''): PromptArgument {
  return {
    name: 'vars',
    description: `Variable values as key=value pairs separated by commas, such as service=api,namespace=prod.${leftOut}`,
  };
}

/** The keyword given, trimmed; a missing one is the client's error (InvalidParams). */
export function requiredKeyword(args: Record<string, string>): string {
  const keyword = args.runbook_search_keyword?.trim();
  if (!keyword) {
    throw new McpError(
      ErrorCode.InvalidParams,
      'runbook_search_keyword is required: give a runbook name or search words.',
    );
  }
  return keyword;
}
