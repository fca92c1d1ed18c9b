import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src-mcp/api/contract.js';
import { BootAnswers } from './boot-answers.js';

const list: CallOutcome = { ok: true, value: { revision: 'a.1', runbooks: [] } };

describe('the answers the web host put into the page', () => {
  it('answers a call without arguments once; the next one asks the host', () => {
    const answers = new BootAnswers(JSON.stringify({ listBrief: list }));
    expect(answers.take('listBrief', undefined)).toEqual(list);
    expect(answers.take('listBrief', undefined)).toBeUndefined();
  });

  it('does not answer a call with arguments, nor a method it has no answer for', () => {
    const answers = new BootAnswers(JSON.stringify({ listBrief: list }));
    expect(answers.take('listBrief', { folder: 'ops' })).toBeUndefined();
    expect(answers.take('favourites', {})).toBeUndefined();
    expect(answers.take('listBrief', {})).toEqual(list);
  });

  it('answers nothing once forgotten', () => {
    const answers = new BootAnswers(JSON.stringify({ listBrief: list }));
    answers.forget();
    expect(answers.take('listBrief', {})).toBeUndefined();
  });

  it.each([
    ['an empty answer', '', 'listBrief'],
    ['a damaged answer', '{"listBrief": ', 'listBrief'],
    ['an array (its indexes are no methods)', '[{"ok": true, "value": []}]', '0'],
    ['an answer that is no object', '"listBrief"', 'listBrief'],
  ])('answers nothing from %s', (_why, json, method) => {
    expect(new BootAnswers(json).take(method, {})).toBeUndefined();
  });
});
