import { describe, expect, it } from 'vitest';
import { oneEditVariants, SortedTerms } from './search-vocabulary.js';

describe('oneEditVariants', () => {
  it.each([
    ['postgress', 'postgres', 'a doubled letter (deletion)'],
    ['postgrs', 'postgres', 'a dropped letter (insertion)'],
    ['postgris', 'postgres', 'a wrong letter (substitution)'],
    ['psotgres', 'postgres', 'swapped neighbours (transposition)'],
    ['etcd3', 'etcd4', 'digits are letters too'],
    ['zürich', 'zurich', 'a letter outside ASCII can be replaced'],
  ])('%s → %s (%s)', (typo, word) => {
    expect(oneEditVariants(typo).has(word)).toBe(true);
  });

  it.each([
    ['postgres', 'postgres', 'the word itself is not a variant'],
    ['pstgrss', 'postgres', 'two edits away'],
  ])('%s ↛ %s (%s)', (typo, word) => {
    expect(oneEditVariants(typo).has(word)).toBe(false);
  });
});

describe('SortedTerms', () => {
  it('answers prefixes over terms added one by one and in bulk, in sorted order', () => {
    const terms = new SortedTerms();
    for (const term of ['certificate', 'cert', 'certbot']) terms.add(term);
    expect(terms.withPrefix('cert')).toEqual(['cert', 'certbot', 'certificate']);
    const bulk = Array.from({ length: 100 }, (_, i) => `node${String(i).padStart(3, '0')}`);
    for (const term of [...bulk].reverse()) terms.add(term);
    terms.add('certs');
    expect(terms.withPrefix('node')).toEqual(bulk);
    expect(terms.withPrefix('certi')).toEqual(['certificate']);
    expect(terms.withPrefix('certs')).toEqual(['certs']);
    expect(terms.withPrefix('x')).toEqual([]);
  });

  it('answers from term ids restored in sorted order, and after terms are added to them', () => {
    const byId = ['switch', 'cert', 'certificate', 'node', 'certbot'];
    const read: number[] = [];
    const terms = new SortedTerms();
    terms.restore(Int32Array.from([1, 4, 2, 3, 0]), (id) => (read.push(id), byId[id] ?? ''));
    expect(terms.withPrefix('cert')).toEqual(['cert', 'certbot', 'certificate']);
    expect(read.length).toBeLessThan(byId.length * 2);
    terms.add('certs');
    terms.add('nodes');
    expect(terms.withPrefix('cert')).toEqual(['cert', 'certbot', 'certificate', 'certs']);
    expect(terms.near('nodez', 1)).toEqual([
      { term: 'node', distance: 1 },
      { term: 'nodes', distance: 1 },
    ]);
    expect(terms.all()).toEqual([
      'cert',
      'certbot',
      'certificate',
      'certs',
      'node',
      'nodes',
      'switch',
    ]);
  });

  it('finds terms within two edits that share the first letter', () => {
    const terms = new SortedTerms();
    for (const term of ['switchover', 'switch', 'failover', 'witchover']) terms.add(term);
    expect(terms.near('swtchovr', 2)).toEqual([{ term: 'switchover', distance: 2 }]);
  });
});
