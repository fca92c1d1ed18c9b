/**
 * Test-only: a small runbook folder in the shape real teams keep (front matter, alert-named
 * files, a README per service), written to a temp folder and read back through the engine's own
 * parser, so the search tests exercise the same path as the app.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseRunbook } from './runbook-file.js';
import { toIndexDoc, type IndexDoc } from './search.js';

export const FIXTURE_RUNBOOKS: Record<string, string> = {
  'kubernetes/etcd-backup.md': `---
title: Back up and restore etcd
description: Take an etcd snapshot before a control plane upgrade, and restore it.
tags: [etcd, backup, kubernetes]
---
# Back up etcd

Run on one control plane node:

\`\`\`bash
# take the snapshot
ETCDCTL_API=3 etcdctl snapshot save /var/backups/etcd-{var.date}.db
\`\`\`

## Restore

\`etcdctl snapshot restore\` into a new data dir, then point the static pod at it.
`,
  'kubernetes/etcd-defrag.md': `# etcd defragmentation

etcd keeps old revisions until compaction; etcd then needs a defrag of each etcd member.
Check etcd database size with etcdctl endpoint status; etcd members defrag one at a time.
Watch etcd leader changes while etcd is busy.
`,
  'backups/restic-nightly.md': `# Nightly restic backups failing

The backup job runs restic against the object store. When the backup fails, check the backup
logs, the repository lock, and whether the backup bucket is full. Retry the backup by hand.
`,
  'databases/postgres-replication-lag.md': `---
title: Postgres replication lag on Patroni replicas
tags: [postgres, patroni]
---
# Replication lag

Check \`pg_stat_replication\` on the Patroni leader: \`select client_addr, replay_lag from pg_stat_replication;\`

Lagging replicas are removed from the load balancer by Patroni once lag exceeds the limit.
`,
  'databases/patroni-failover.md': `# Patroni failover

Use \`patronictl switchover\` for a planned switch; a failover happens when the leader key expires.
Postgres clients reconnect through pgbouncer.
`,
  'tls/renew-certificates.md': `---
title: Renew TLS certificates with cert-manager
tags: [tls]
---
Certificates are issued by cert-manager. Renew a certificate with \`cmctl renew {var.certificate}\`.
`,
  'tls/CertificateExpiringSoon.md': `# CertificateExpiringSoon

The alert fires 14 days before a certificate expires.
`,
  'docs/redis/README.md': `Redis Service
=============

Primary cache and queue store. Failover is handled by Sentinel.
`,
  'sidekiq/queue-backlog.md': `# Sidekiq queue backlog

Sidekiq stores jobs in redis. When redis is slow, sidekiq jobs pile up; check redis latency,
redis memory, redis slowlog, and redis connections from each sidekiq node.
`,
  'alerts/KubePodCrashLooping.md': `# KubePodCrashLooping

A pod restarts over and over. Check \`kubectl logs --previous\` and the container's exit code.
`,
  'nginx/high-5xx.md': `# High 5xx rate

Query: \`sum(rate(nginx_http_requests_total{status=~"5.."}[5m]))\`. Look for an upstream that is down.
`,
};

export interface FixtureFolder {
  dir: string;
  cleanup(): Promise<void>;
}

export async function writeFixtureFolder(
  files: Record<string, string> = FIXTURE_RUNBOOKS,
): Promise<FixtureFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'search-test-'));
  for (const [relPath, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relPath)), { recursive: true });
    await writeFile(path.join(dir, relPath), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every `.md` file under `dir` as the index sees it. */
export async function readIndexDocs(dir: string): Promise<IndexDoc[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md'));
  return Promise.all(
    files.map(async (entry) => {
      const abs = path.join(entry.parentPath, entry.name);
      const relPath = path.relative(dir, abs).split(path.sep).join('/');
      const content = await readFile(abs, 'utf8');
      return toIndexDoc(parseRunbook(relPath, content, content.length, 0));
    }),
  );
}
