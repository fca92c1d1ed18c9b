/**
 * The words of `save_conversation_as_runbook`: Claude Desktop has no sampling, so the model that
 * held the conversation writes the runbook itself and saves it with `create_runbook`.
 */

export interface ConversationInput {
  /** The runbook name the user wants (a path in the folder); else the model proposes one. */
  name?: string;
  /** The folder to put it in, such as "deploy". */
  folder?: string;
  /** Variable names env.yaml's top-level keys offer, so the model can point at them. */
  envKeys?: readonly string[];
}

export function buildSaveConversationPrompt(input: ConversationInput): string {
  const parts = [
    'Turn what we did in this conversation into a reusable runbook for Runbook Companion, so that next time it can be run again with other values.',
    nameSection(input),
    [
      'Write it as Markdown with YAML front matter:',
      '- `title`, and `description`: one sentence saying when to use it.',
      '- `tags`: a few words to find it by (the system, the kind of task).',
      '- `variables`: one entry for each value that will differ next time (service, namespace, version, host, ticket, date…), each with a `description`; add `choices` when the conversation showed a fixed set of values, a `default` when one value is clearly the usual one, and `secret: true` for passwords and tokens.',
      '- `tools`: only if the steps should use no other MCP tools than those you used, list their names.',
      'In the text:',
      '- The steps in order, as a numbered list; commands in fenced code blocks, exactly as they worked; after each step, how to check it worked.',
      "- Write `{var.name}` wherever a variable's value goes, and `{env[key][subkey]}` for values the folder's env.yaml holds (cluster addresses, namespaces, accounts). Never write a secret's value.",
      '- Leave out dead ends, one-off output and anything specific to this one time; keep what to do when a step fails.',
      '- To write a brace that is not a placeholder, as in `{var.x}` meant literally, put a backslash before it: `\\{var.x}`.',
    ].join('\n'),
    ...(input.envKeys?.length
      ? [`env.yaml has these top-level keys: ${input.envKeys.join(', ')}.`]
      : []),
    EXAMPLE,
    'Then call the `create_runbook` tool with the name and the whole text as `content` (front matter included), and show me what it saved. ' +
      'It refuses to replace an existing runbook: if the name is taken, ask me before calling it again with `overwrite: true`.',
  ];
  return parts.join('\n\n');
}

function nameSection({ name, folder }: ConversationInput): string {
  const where = folder ? folder.replace(/^\/+|\/+$/g, '') : '';
  if (name) {
    const full = where && !name.startsWith(`${where}/`) ? `${where}/${name}` : name;
    return `Name it "${full}".`;
  }
  return `Choose a short name in lowercase words joined by dashes, such as "restart-stuck-worker"${
    where ? `, inside the folder "${where}/" (so the name is "${where}/restart-stuck-worker")` : ''
  }.`;
}

const EXAMPLE = [
  'For example:',
  '```markdown',
  '---',
  'title: Restart a stuck queue worker',
  'description: When a worker stops taking jobs, restart it and check the queue drains.',
  'tags: [queue, workers]',
  'variables:',
  '  worker:',
  '    description: The worker deployment',
  '    choices: [mailer, billing]',
  '  namespace:',
  '    description: Kubernetes namespace',
  '    default: jobs',
  '---',
  '# Restart the {var.worker} worker',
  '',
  '1. Check the queue depth:',
  '   ```sh',
  '   curl -s {env[queues][url]}/stats | jq .{var.worker}',
  '   ```',
  '2. Restart it (ask first): `kubectl -n {var.namespace} rollout restart deploy/{var.worker}`',
  '3. Check the depth again after a minute: it should fall.',
  '```',
].join('\n');
