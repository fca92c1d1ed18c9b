import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './routes.js';

describe('hash routes', () => {
  const rows: { why: string; hash: string; route: Route }[] = [
    { why: 'empty hash is the library', hash: '', route: { view: 'library' } },
    {
      why: 'a runbook name keeps its slashes, encoded',
      hash: '#/runbook/docs%2Fredis%2FREADME/edit',
      route: { view: 'runbook', name: 'docs/redis/README', tab: 'edit' },
    },
    {
      why: 'an unknown tab falls back to run',
      hash: '#/runbook/a/zzz',
      route: { view: 'runbook', name: 'a', tab: 'run' },
    },
    { why: 'the tray picker window', hash: '#/picker', route: { view: 'picker' } },
    {
      why: 'the tray fill window',
      hash: '#/fill/deploy%2Frollback',
      route: { view: 'fill', name: 'deploy/rollback' },
    },
    {
      why: 'an env profile',
      hash: '#/env/production',
      route: { view: 'env', profile: 'production' },
    },
    {
      why: 'broken percent-encoding is the library, not a crash',
      hash: '#/runbook/%E0%A4%A',
      route: { view: 'library' },
    },
    { why: 'anything unknown is the library', hash: '#/nowhere', route: { view: 'library' } },
  ];
  it.each(rows)('$why', ({ hash, route }) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each(rows.filter((r) => r.route.view !== 'library').map((r) => r.route))(
    'round-trips %o',
    (route) => {
      expect(parseRoute(routeHash(route))).toEqual(route);
    },
  );
});
