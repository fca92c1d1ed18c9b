import { describe, expect, it } from 'vitest';
import { camelCaseParts, queryTerms } from './search-tokens.js';

describe('queryTerms', () => {
  it.each([
    ['Postgres Replication LAG', ['postgres', 'replication', 'lag'], 'lowercased'],
    ['pg_stat_replication', ['pg', 'stat', 'replication'], 'underscores split'],
    ['docs/redis/README.md', ['docs', 'redis', 'readme', 'md'], 'paths split'],
    ['how to restart the etcd', ['restart', 'etcd'], 'stopwords dropped'],
    ['a b c', [], 'one-letter words dropped'],
    ['etcd etcd ETCD', ['etcd'], 'duplicates dropped'],
    ['etcdNoLeader', ['etcdnoleader'], 'camelCase stays one word in a query'],
    [
      'Zürich “quoted” — dash',
      ['zurich', 'quoted', 'dash'],
      'letters outside ASCII are letters (accents folded), typographic marks are not',
    ],
    ['Ünïcode RÉSUMÉ', ['unicode', 'resume'], 'accents folded, as the index folds them'],
    ['cafe\u0301 naïve', ['cafe', 'naive'], 'a combining accent is part of the word, then folded'],
    ['Straße', ['strasse'], 'ß spelled ss'],
  ])('%j → %j (%s)', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('camelCaseParts', () => {
  it.each([
    ['etcdNoLeader', ['etcd', 'no', 'leader'], 'lower then capitals'],
    ['KubePodCrashLooping alert', ['kube', 'pod', 'crash', 'looping'], 'only the camelCase word'],
    ['HTTPServerDown', ['http', 'server', 'down'], 'an acronym before a word'],
    ['etcdGRPCRequestsSlow', ['etcd', 'grpc', 'requests', 'slow'], 'an acronym inside'],
    ['Meaning Impact Diagnosis', [], 'capitals only at word starts'],
    ['pg_stat_Replication', [], 'an underscore is a word break, not camelCase'],
    ['ÜnïcodeRünbook', ['unicode', 'runbook'], 'accented camelCase parts, folded'],
    [
      'a KubeAPIDown and an etcdNoLeader',
      ['kube', 'api', 'down', 'etcd', 'no', 'leader'],
      'several words',
    ],
  ])('%j → %j (%s)', (text, expected) => {
    expect(camelCaseParts(text)).toEqual(expected);
  });
});
