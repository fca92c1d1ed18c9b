import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_LENGTH } from './search-snippet.js';

const filler = (words: number): string =>
  Array.from({ length: words }, (_, i) => `filler${i}`).join(' ');

describe('makeSnippet', () => {
  it.each([
    [
      'Check the replication lag.',
      ['replication'],
      'Check the «replication» lag.',
      'a short body, term marked',
    ],
    [
      'Use pg_stat_replication now',
      ['replication'],
      'Use pg_stat_«replication» now',
      'a term after an underscore',
    ],
    ['Postgres and POSTGRES', ['postgres'], '«Postgres» and «POSTGRES»', 'any case'],
    [
      'replicationslots are not replication',
      ['replication'],
      'replicationslots are not «replication»',
      'whole words only',
    ],
    [
      'The Ünïcode runbook',
      ['unicode'],
      'The «Ünïcode» runbook',
      'a folded term marks the accented original',
    ],
    [
      'Send the re\u0301sume\u0301, then the RÉSUMÉ',
      ['resume'],
      'Send the «re\u0301sume\u0301», then the «RÉSUMÉ»',
      'combining and precomposed accents, any case',
    ],
    ['On the Hauptstraße', ['hauptstrasse'], 'On the «Hauptstraße»', 'ss marks ß'],
    ['Unicodé and Unicodes', ['unicode'], '«Unicodé» and Unicodes', 'still whole words only'],
    [
      'line one\n\n   line\ttwo',
      [],
      'line one line two',
      'no terms: the start, whitespace collapsed',
    ],
  ])('%j with %j → %j (%s)', (body, terms, expected) => {
    expect(makeSnippet(body, terms)).toBe(expected);
  });

  it('opens at the window holding the most distinct terms, on one line, about 160 characters', () => {
    const body = `${filler(40)} etcd alone here. ${filler(60)}\n\n etcd   snapshot\nbackup steps ${filler(60)}`;
    const snippet = makeSnippet(body, ['etcd', 'backup']);
    expect(snippet).toMatch(/^….*«etcd» snapshot «backup» steps.*…$/);
    expect(snippet).not.toContain('alone');
    expect(snippet.replace(/[«»…]/g, '').length).toBeLessThanOrEqual(SNIPPET_LENGTH);
  });

  it('falls back to the start of the body when no term occurs in it', () => {
    expect(makeSnippet(`Intro text. ${filler(100)}`, ['absent'])).toMatch(
      /^Intro text\. filler0 .*…$/,
    );
  });
});
