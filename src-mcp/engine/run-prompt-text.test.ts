import { describe, expect, it } from 'vitest';
import { MAX_PAST_RUN_CHARS, buildRunbookPrompt, pastRunOf } from './run-prompt-text.js';

describe('buildRunbookPrompt', () => {
  const rendered = '# Flush Redis\n\n```\nredis-cli -h {job="x"} FLUSHALL\n```\n';

  it('wraps the runbook text unchanged and asks for a log with the runbook name', () => {
    const text = buildRunbookPrompt('docs/redis/README', rendered);
    expect(text).toContain(`<runbook name="docs/redis/README">\n${rendered.trimEnd()}\n</runbook>`);
    expect(text).toContain('create_runbook_log');
    expect(text).toContain('runbook_name "docs/redis/README"');
    expect(text).not.toContain('past_run_log');
  });

  it.each([
    {
      why: 'a run id: passed back with an outcome',
      runId: 'k3J9x_a2Qp',
      expected: /run_id "k3J9x_a2Qp", outcome `success`, `failure` or `partial`/,
    },
    {
      why: 'no run id: the earlier words, nothing to pass back',
      runId: undefined,
      expected: /runbook_name "x" and execution_log/,
    },
  ])('asks for the log with $why', ({ runId, expected }) => {
    const text = buildRunbookPrompt('x', 'body', undefined, undefined, runId);
    expect(text).toMatch(expected);
    if (!runId) expect(text).not.toContain('run_id');
  });

  it('says when the past run shown is the last successful one', () => {
    const log = {
      entry: { createdAt: 't' },
      text: '---\nreceipt: runbook-companion/1\noutcome: success\n',
    };
    expect(buildRunbookPrompt('x', 'body', pastRunOf(log))).toContain(
      'the log of the last successful run (t)',
    );
    const plain = { entry: { createdAt: 't' }, text: '# Execution log: x\n' };
    expect(buildRunbookPrompt('x', 'body', pastRunOf(plain))).toContain(
      'the log of the latest past run (t)',
    );
  });

  it('adds the latest log as an example, after the runbook', () => {
    const text = buildRunbookPrompt('x', 'body', {
      createdAt: '2026-01-02T03:04:05Z',
      text: 'step 1 ok',
    });
    expect(text).toMatch(
      /<\/runbook>[\s\S]*2026-01-02T03:04:05Z[\s\S]*<past_run_log>\nstep 1 ok\n<\/past_run_log>/,
    );
  });

  it('cuts a huge past log', () => {
    const text = buildRunbookPrompt('x', 'body', {
      createdAt: 't',
      text: 'y'.repeat(MAX_PAST_RUN_CHARS * 2),
    });
    expect(text.length).toBeLessThan(MAX_PAST_RUN_CHARS + 2000);
    expect(text).toContain('log cut at');
  });
});
