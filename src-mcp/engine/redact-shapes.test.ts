/**
 * Shapes added for issue 9: command-line passwords, Vault and `sk-` keys, cookies, YAML values on the
 * next line and values with spaces. The older shapes are in redact.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';
import { REDACTED } from './redact-shapes.js';

const R = REDACTED;

/** Assembled at run time so secret scanners never see a string that looks like a live key. */
function fake(prefix: string, length: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZ'): string {
  let body = '';
  for (let i = 0; body.length < length; i++) body += alphabet[(i * 7) % alphabet.length] ?? '';
  return prefix + body;
}

const hvs = fake('hv' + 's.', 90, 'CAESIabc123XYZ_-');
const hvb = fake('hv' + 'b.', 120, 'AAAAAQabc123XYZ');
const vaultLegacy = fake('s' + '.', 24, 'Ab3Cd5Ef7Gh9');
const openai = fake('sk' + '-', 48);
const openaiProject = fake('sk' + '-proj-', 100, 'abcXYZ012_-');
const anthropic = fake('sk' + '-ant-api03-', 93, 'abcXYZ012_-') + '-AA';

interface Row {
  why: string;
  input: string;
  expected: string;
}

const positives: Row[] = [
  {
    why: 'mysql password glued to -p',
    input: 'mysql -u root -pS3cret! -h db',
    expected: `mysql -u root -p${R} -h db`,
  },
  {
    why: 'mysqldump with a quoted glued password holding a space',
    input: `mysqldump -uroot -p'S3cret pass' app > app.sql`,
    expected: `mysqldump -uroot -p'${R}' app > app.sql`,
  },
  {
    why: 'mysql as a full path, after sudo',
    input: 'sudo /usr/bin/mysql --user=root -pHunter22 -e "select 1"',
    expected: `sudo /usr/bin/mysql --user=root -p${R} -e "select 1"`,
  },
  {
    why: 'mariadb-admin with an all-digit password (mysql -p has no port meaning)',
    input: 'mariadb-admin -u root -p12345678 status',
    expected: `mariadb-admin -u root -p${R} status`,
  },
  {
    why: 'sshpass -p with a separate value',
    input: 'sshpass -p hunter22 ssh -p 22 ops@bastion',
    expected: `sshpass -p ${R} ssh -p 22 ops@bastion`,
  },
  {
    why: 'redis-cli -a password',
    input: 'redis-cli -h cache-1 -a S3cretPass ping',
    expected: `redis-cli -h cache-1 -a ${R} ping`,
  },
  {
    why: 'curl -u user:password keeps the user',
    input: 'curl -u admin:S3cret! https://grafana/api/health',
    expected: `curl -u admin:${R} https://grafana/api/health`,
  },
  {
    why: 'Vault service token in prose',
    input: `logged in with ${hvs}`,
    expected: `logged in with ${R}`,
  },
  {
    why: 'Vault batch token in a header',
    input: `curl -H "X-Vault-Token: ${hvb}" https://vault:8200/v1/sys/health`,
    expected: `curl -H "X-Vault-Token: ${R}" https://vault:8200/v1/sys/health`,
  },
  { why: 'legacy Vault token', input: `vault login ${vaultLegacy}`, expected: `vault login ${R}` },
  { why: 'bare OpenAI key', input: `key ${openai} rotated`, expected: `key ${R} rotated` },
  { why: 'OpenAI project key', input: `(${openaiProject})`, expected: `(${R})` },
  { why: 'Anthropic key, last dash included', input: `use ${anthropic}.`, expected: `use ${R}.` },
  {
    why: 'Cookie header in curl: every pair goes',
    input: `curl -H "Cookie: sid=abc123; theme=dark" https://app`,
    expected: `curl -H "Cookie: ${R}" https://app`,
  },
  {
    why: 'Set-Cookie response header',
    input: 'Set-Cookie: session=9f8e7d6c; Path=/; HttpOnly',
    expected: `Set-Cookie: ${R}`,
  },
  {
    why: 'cookie header in JSON',
    input: '{"Cookie": "sid=abc123"}',
    expected: `{"Cookie": "${R}"}`,
  },
  {
    why: 'curl --cookie flag',
    input: 'curl --cookie "sid=abc123" https://app',
    expected: `curl --cookie "${R}" https://app`,
  },
  {
    why: 'YAML value on the next line',
    input: 'db:\n  password:\n    hunter2x\n  host: db',
    expected: `db:\n  password:\n    ${R}\n  host: db`,
  },
  {
    why: 'YAML literal block: every line of it goes',
    input: 'password: |\n  line one\n  line two\nnext: 1',
    expected: `password: |\n  ${R}\nnext: 1`,
  },
  {
    why: 'YAML folded block with chomping, in a list item',
    input: '- token: >-\n    abc\n    def\n- name: x',
    expected: `- token: >-\n    ${R}\n- name: x`,
  },
  {
    why: 'YAML value after a blank line',
    input: 'api_key:\n\n  k-98765\n',
    expected: `api_key:\n\n  ${R}\n`,
  },
  {
    why: 'nested secret key under a mapping key: the inner value still goes',
    input: 'secret:\n  db_password:\n    hunter2x\n',
    expected: `secret:\n  db_password:\n    ${R}\n`,
  },
  { why: 'INI value with spaces', input: 'password = a b c', expected: `password = ${R}` },
  {
    why: 'YAML plain scalar with spaces, comment kept',
    input: '  token: correct horse battery # rotated monthly',
    expected: `  token: ${R} # rotated monthly`,
  },
  {
    why: 'client_secret with spaces, trailing blanks kept',
    input: 'client_secret = two words  \nnext',
    expected: `client_secret = ${R}  \nnext`,
  },
];

const negatives: Omit<Row, 'expected'>[] = [
  { why: 'ssh port with a space', input: 'ssh -p 22 ops@bastion' },
  { why: 'ssh port glued', input: 'ssh -p22 ops@bastion' },
  { why: 'mkdir -p bundles other flags', input: 'mkdir -pv /var/lib/app' },
  { why: 'docker port mapping', input: 'docker run -p8080:80 -u 1000:1000 nginx' },
  { why: 'kubectl port-forward', input: 'kubectl port-forward svc/db 5432:5432 -n prod' },
  { why: 'patch strip level', input: 'patch -p1 < fix.diff' },
  { why: 'perl in-place edit', input: "perl -pi -e 's/a/b/' app.conf" },
  { why: 'git log -p', input: 'git log -p -- src/' },
  { why: 'mysql -p alone prompts for the password', input: 'mysql -u root -p -h db' },
  { why: 'mysql -P is the port', input: 'mysql -u root -P 3306 -h db' },
  { why: 'mysql then another command on the line', input: 'mysql -e "select 1"; mkdir -pv out' },
  { why: 'a word ending in mysql is not the command', input: 'run check-mysql -pv' },
  { why: 'curl -u with a shell variable', input: 'curl -u "$USER:$PASS" https://x' },
  { why: 'curl -u without a password prompts', input: 'curl -u admin https://x' },
  { why: 'sk- inside a word', input: 'see task-list and desk-top-2024-layout-plan-v2-final' },
  { why: 'kebab-case name after sk-', input: 'deploy sk-payments-service-worker-deployment' },
  { why: 'sk- short', input: 'pip install sk-learn' },
  { why: 'hvs. too short to be a token', input: 'the hvs.example prefix' },
  { why: 'legacy-looking s. inside a name', input: 'values.s.abcdefghijklmnopqrstuvwx' },
  { why: 'cookie in prose', input: 'The cookie: it expires after a day.' },
  { why: 'cookie header from a variable', input: 'curl -H "Cookie: $COOKIE" https://app' },
  { why: 'cookie jar file flag', input: 'curl --cookie-jar jar.txt https://app' },
  { why: 'nested mapping under secret:', input: 'secret:\n  secretName: web-tls\n' },
  { why: 'list under password:', input: 'password:\n  - $DB_PASSWORD\n' },
  { why: 'empty YAML value, next key at the same depth', input: 'password:\nuser: admin\n' },
  { why: 'next-line placeholder', input: 'token:\n  {var.token}\n' },
  { why: 'block scalar of a key that is not secret', input: 'tls.crt: |\n  MIIBsz\n' },
  {
    why: 'a comment after the key, value below is a key',
    input: 'token: # set by CI\n  from: ci\n',
  },
  { why: 'INI value from a variable', input: 'password = ${DB_PASSWORD}' },
  { why: 'password count is not a password', input: 'passwords = 3' },
];

describe('redact the shapes issue 9 names', () => {
  it.each(positives)('redacts: $why', ({ input, expected }) => {
    expect(redact(input, [])).toBe(expected);
  });
  it.each(negatives)('keeps: $why', ({ input }) => {
    expect(redact(input, [])).toBe(input);
  });
  it('is idempotent: a redacted log redacts to itself', () => {
    const once = redact(positives.map((row) => row.input).join('\n'), []);
    expect(redact(once, [])).toBe(once);
  });
});

describe('new shapes on 1 MB of hostile input finish fast', () => {
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const rows: { why: string; input: string }[] = [
    { why: 'mysql words, no flag', input: fill('mysql ') },
    { why: 'one mysql then a megabyte of -p', input: `mysql ${fill('-p ')}` },
    { why: 'mysql with an unclosed quote', input: `mysql -p'${fill('x')}` },
    { why: 'curl -u without a colon', input: `curl -u ${fill('a')}` },
    { why: 'hvs. prefixes', input: fill('hvs.') },
    { why: 'sk- prefixes without a digit', input: fill(' sk-abc') },
    { why: 'one sk- then letters', input: `sk-${fill('a')}` },
    { why: 'cookie headers without =', input: fill('Cookie: ') },
    { why: 'cookie value without end', input: `Cookie: a=${fill('b')}` },
    { why: 'secret keys on every line', input: fill('password:\n') },
    { why: 'deepening indentation', input: fill('password:\n ') },
    { why: 'nested keys under a secret key', input: `secret:\n${fill('  a: b\n')}` },
    { why: 'blank lines after a key', input: `token:${fill('\n  ')}` },
    { why: 'a spaced value of a megabyte of spaces', input: `password = x${fill(' ')}y` },
    { why: 'INI keys repeated on one line', input: fill('password = ') },
  ];
  it.each(rows)('$why', ({ input }) => {
    const started = performance.now();
    const out = redact(`${input}\nsome-secret`, ['some-secret']);
    // Generous: linear code takes milliseconds; a quadratic pattern takes minutes on 1 MB.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.endsWith(`\n${R}`)).toBe(true);
  });
});
