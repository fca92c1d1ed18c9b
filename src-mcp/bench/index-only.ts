/**
 * The search index alone, fed by a plain synchronous walker: shows how the cold build splits into
 * reading, parsing and indexing, and reproduces the measurement that chose our own index over
 * MiniSearch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { parseRunbook } from '../engine/runbook-file.js';
import { SearchIndex, toIndexDoc, type IndexDoc } from '../engine/search.js';
import type { Runbook } from '../engine/types.js';
import { BENCH_QUERIES } from './queries.js';
import { round } from './stats.js';

interface Loaded {
  runbooks: Runbook[];
  readMs: number;
  parseMs: number;
}

function loadRunbooks(dir: string): Loaded {
  let start = performance.now();
  const files: Array<{ relPath: string; content: string }> = [];
  const walk = (relDir: string): void => {
    for (const entry of readdirSync(path.join(dir, relDir), { withFileTypes: true })) {
      const relPath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(relPath);
      else if (entry.isFile() && /\.(md|txt)$/i.test(entry.name)) {
        files.push({ relPath, content: readFileSync(path.join(dir, relPath), 'utf8') });
      }
    }
  };
  walk('');
  const readMs = performance.now() - start;
  start = performance.now();
  const runbooks = files.map((f) => parseRunbook(f.relPath, f.content, f.content.length, 0));
  return { runbooks, readMs, parseMs: performance.now() - start };
}

export async function measureIndexOnly(dir: string): Promise<Record<string, unknown>> {
  const { runbooks, readMs, parseMs } = loadRunbooks(dir);
  let start = performance.now();
  const docs = runbooks.map(toIndexDoc);
  const headingsMs = performance.now() - start;
  start = performance.now();
  const cpuBefore = process.cpuUsage();
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  const indexMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  start = performance.now();
  index.search(BENCH_QUERIES[0]);
  const firstQueryMs = performance.now() - start;
  return {
    files: index.size,
    read_ms: round(readMs),
    parse_ms: round(parseMs),
    headings_ms: round(headingsMs),
    index_ms: round(indexMs),
    // CPU time (all threads, so the GC helpers too): steadier than wall time on a busy machine.
    index_cpu_ms: round((cpu.user + cpu.system) / 1000),
    first_query_ms: round(firstQueryMs),
    heap_mb: round(process.memoryUsage().heapUsed / 1e6, 1),
  };
}

export async function measureMiniSearch(dir: string): Promise<Record<string, unknown>> {
  const { runbooks } = loadRunbooks(dir);
  const docs: Array<IndexDoc & { id: number; headingText: string; tagText: string }> = runbooks
    .map(toIndexDoc)
    .map((doc, id) => ({
      ...doc,
      id,
      headingText: doc.headings.join('\n'),
      tagText: doc.tags.join(' '),
    }));
  const start = performance.now();
  const mini = new MiniSearch({
    fields: ['name', 'title', 'tagText', 'headingText', 'body'],
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      boost: { name: 6, title: 4, tagText: 3, headingText: 2 },
    },
  });
  mini.addAll(docs);
  const indexMs = performance.now() - start;
  const queryMs = BENCH_QUERIES.map((query) => {
    const at = performance.now();
    mini.search(query);
    return performance.now() - at;
  });
  return {
    files: mini.documentCount,
    index_ms: round(indexMs),
    query_max_ms: round(Math.max(...queryMs), 3),
  };
}
