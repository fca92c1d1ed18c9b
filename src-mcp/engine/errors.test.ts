import { describe, expect, it } from 'vitest';
import { RunbookError } from './errors.js';

describe('RunbookError.withFix', () => {
  it('keeps the code, message, place, key and details, and chains the original as the cause', () => {
    const original = new RunbookError('exists', 'A runbook named "ops/a" already exists.', {
      file: 'ops/a.md',
      line: 3,
      column: 7,
      key: 'name',
      details: ['ops/a'],
      fix: 'Choose another name.',
    });
    const told = original.withFix('Choose another name, or replace it.');
    expect(told.toJSON()).toEqual({
      ...original.toJSON(),
      fix: 'Choose another name, or replace it.',
    });
    expect(told.cause).toBe(original);
    expect(original.fix).toBe('Choose another name.');
  });
});
