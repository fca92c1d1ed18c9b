import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';
import { REDACTED } from './redact-shapes.js';
import { secretEnvValues, secretVarValues } from './secret-values.js';
import type { VariableSpec } from './types.js';

const R = REDACTED;

/**
 * Credential-shaped test values are assembled at run time so the repository never holds a string
 * that secret scanners (GitHub push protection and the like) take for a live credential.
 */
function fake(prefix: string, length: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZ'): string {
  let body = '';
  for (let i = 0; body.length < length; i++) body += alphabet[(i * 7) % alphabet.length] ?? '';
  return prefix + body;
}

const awsId = fake('AK' + 'IA', 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const awsStsId = fake('AS' + 'IA', 16, 'QWERTYUIOP234567');
const awsSecret = fake('wJalr/', 34, 'abcXYZ012+/');
const ghp = fake('gh' + 'p_', 36);
const ghs = fake('gh' + 's_', 36);
const githubPat = fake('github' + '_pat_', 82, 'abcXYZ012_');
const glpat = fake('gl' + 'pat-', 20);
const runnerToken = fake('GR13' + '48941', 20);
const slackBot = fake('xo' + 'xb-', 50, '0123456789abcdefXYZ-');
const slackHook = `https://hooks.slack.com/services/${fake('T', 8, '0123ABCD')}/${fake('B', 8, '4567EFGH')}/${fake('', 24)}`;
const jwt = `eyJ${fake('', 30)}.eyJ${fake('', 60)}.${fake('', 43, 'abcXYZ012_-')}`;
const googleKey = fake('AI' + 'za', 35, 'abcXYZ012_-');
const stripeKey = fake('sk' + '_live_', 24);
const npmToken = fake('np' + 'm_', 36);
const pemBody = Array.from({ length: 4 }, (_, i) =>
  fake(String(i), 63, 'MIIEvQIBADANBgkqhkiG9w0+/'),
).join('\n');
const begin = (kind: string): string => `-----BEGIN ${kind}PRIVATE KEY-----`;
const end = (kind: string): string => `-----END ${kind}PRIVATE KEY-----`;
const pem = (kind: string): string => `${begin(kind)}\n${pemBody}\n${end(kind)}`;

interface Row {
  why: string;
  input: string;
  expected: string;
}

const positives: Row[] = [
  {
    why: 'AWS access key id in a credentials file',
    input: `aws_access_key_id = ${awsId}`,
    expected: `aws_access_key_id = ${R}`,
  },
  {
    why: 'temporary AWS key id inside JSON output',
    input: `"AccessKeyId": "${awsStsId}",`,
    expected: `"AccessKeyId": "${R}",`,
  },
  {
    why: 'AWS secret key in ~/.aws/credentials',
    input: `aws_secret_access_key = ${awsSecret}`,
    expected: `aws_secret_access_key = ${R}`,
  },
  {
    why: 'AWS secret key exported in a shell',
    input: `export AWS_SECRET_ACCESS_KEY=${awsSecret}`,
    expected: `export AWS_SECRET_ACCESS_KEY=${R}`,
  },
  {
    why: 'GitHub classic token used as URL user',
    input: `git clone https://${ghp}@github.com/acme/ops.git`,
    expected: `git clone https://${R}@github.com/acme/ops.git`,
  },
  {
    why: 'GitHub app installation token in prose',
    input: `minted ${ghs} for the job`,
    expected: `minted ${R} for the job`,
  },
  { why: 'GitHub fine-grained token', input: `GH=${githubPat}`, expected: `GH=${R}` },
  {
    why: 'GitLab personal token in a curl header',
    input: `curl -H "PRIVATE-TOKEN: ${glpat}" https://gitlab.example.com/api/v4/projects`,
    expected: `curl -H "PRIVATE-TOKEN: ${R}" https://gitlab.example.com/api/v4/projects`,
  },
  {
    why: 'GitLab runner registration token',
    input: `gitlab-runner register --registration-token ${runnerToken}`,
    expected: `gitlab-runner register --registration-token ${R}`,
  },
  { why: 'Slack bot token', input: `SLACK=${slackBot}`, expected: `SLACK=${R}` },
  {
    why: 'Slack webhook keeps the host so the log still says where it posted',
    input: `curl -X POST ${slackHook} -d @msg.json`,
    expected: `curl -X POST https://hooks.slack.com/services/${R} -d @msg.json`,
  },
  {
    why: 'bare JWT in a log line',
    input: `session cookie was ${jwt} (expired)`,
    expected: `session cookie was ${R} (expired)`,
  },
  {
    why: 'PEM RSA key: the whole block goes, the text around stays',
    input: `key:\n${pem('RSA ')}\nthen restart`,
    expected: `key:\n${R}\nthen restart`,
  },
  { why: 'OpenSSH private key', input: pem('OPENSSH '), expected: R },
  {
    why: 'PKCS#8 key with \\n escapes inside a service-account JSON',
    input: `"private_key": "${pem('').replaceAll('\n', '\\n')}\\n",`,
    expected: `"private_key": "${R}\\n",`,
  },
  {
    why: 'key cut off before its END line still goes',
    input: `${begin('EC ')}\n${pemBody}\n\nnext step`,
    expected: `${R}\n\nnext step`,
  },
  {
    why: 'Bearer credential: header name and scheme stay',
    input: `curl -H "Authorization: Bearer ${fake('', 32)}" https://api`,
    expected: `curl -H "Authorization: Bearer ${R}" https://api`,
  },
  {
    why: 'Basic credential in a raw HTTP header',
    input: `authorization: Basic ${fake('', 24)}=`,
    expected: `authorization: Basic ${R}`,
  },
  {
    why: 'password in a query string stops at &',
    input: `https://db.example/login?user=admin&password=hunter2x&db=main`,
    expected: `https://db.example/login?user=admin&password=${R}&db=main`,
  },
  { why: 'passwd in YAML', input: `  passwd: s3cr3t!`, expected: `  passwd: ${R}` },
  { why: 'token= pair', input: `token=abc123def`, expected: `token=${R}` },
  { why: 'secret: pair', input: `secret: sup3rs3cret`, expected: `secret: ${R}` },
  { why: 'api_key= pair', input: `api_key=k-9f8e7d`, expected: `api_key=${R}` },
  { why: 'X-API-Key header', input: `X-API-Key: 4f8e2c1a`, expected: `X-API-Key: ${R}` },
  {
    why: 'quoted JSON value with spaces goes whole, quotes stay',
    input: `{"password": "correct horse battery"}`,
    expected: `{"password": "${R}"}`,
  },
  {
    why: 'quoted value too long to match as quoted still goes, opening quote kept',
    input: `"token": "${fake('', 600)}"`,
    expected: `"token": "${R}"`,
  },
  {
    why: 'glued env name PGPASSWORD',
    input: `PGPASSWORD=hunter2x psql -h db`,
    expected: `PGPASSWORD=${R} psql -h db`,
  },
  {
    why: 'password in a connection URL; user and host stay',
    input: `postgres://app:hunter2x@db.internal:5432/app`,
    expected: `postgres://app:${R}@db.internal:5432/app`,
  },
  {
    why: 'Redis URL with an empty user',
    input: `redis://:hunter2x@redis:6379/0`,
    expected: `redis://:${R}@redis:6379/0`,
  },
  { why: 'Google API key', input: `?key=${googleKey}`, expected: `?key=${R}` },
  { why: 'Stripe live key', input: `STRIPE=${stripeKey}`, expected: `STRIPE=${R}` },
  {
    why: 'npm token in .npmrc',
    input: `//registry.npmjs.org/:_authToken=${npmToken}`,
    expected: `//registry.npmjs.org/:_authToken=${R}`,
  },
  {
    why: 'password flag with a separate value',
    input: `mysql -u root --password hunter2x -e 'select 1'`,
    expected: `mysql -u root --password ${R} -e 'select 1'`,
  },
  {
    why: 'literal inside kubectl create secret',
    input: `kubectl create secret generic db --from-literal=password=hunter2x`,
    expected: `kubectl create secret generic db --from-literal=password=${R}`,
  },
  { why: 'Go-style := assignment', input: `token := "abc123def"`, expected: `token := "${R}"` },
];

const negatives: Omit<Row, 'expected'>[] = [
  { why: 'prose about passwords', input: 'Follow the password reset procedure in the wiki.' },
  { why: 'a word that starts with token', input: 'tokenize the input before indexing' },
  {
    why: 'kubectl names a secret, shows no value',
    input: 'kubectl get secret my-secret -n prod -o yaml',
  },
  { why: 'git SHA is not a credential', input: 'commit 3f786850e387550fdab836ed7e6dc881de23001b' },
  { why: 'UUID is not a credential', input: 'request 123e4567-e89b-12d3-a456-426614174000 failed' },
  { why: 'shell variable braces', input: 'cd ${HOME}/runbooks' },
  { why: 'PromQL selector', input: 'rate(http_requests_total{job="api", code="500"}[5m])' },
  {
    why: 'jsonpath names the key only',
    input: `kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`,
  },
  { why: 'Helm template', input: '{{ .Values.auth.password | b64enc | quote }}' },
  { why: 'key that describes a secret: secretName', input: 'secretName: my-tls-secret' },
  { why: 'key that ends in _file holds a path', input: 'password_file=/etc/app/db.pw' },
  { why: 'plural tokens is a count', input: 'max_tokens=4096' },
  { why: 'YAML key whose value is on the next line', input: 'secret:\n  secretName: web-tls' },
  { why: 'shell variable as the value', input: 'password: $DB_PASSWORD' },
  { why: 'shell variable in a header', input: 'curl -H "PRIVATE-TOKEN: $PRIVATE_TOKEN" "$URL"' },
  { why: 'command substitution', input: 'token=$(vault read -field=token secret/ci)' },
  { why: 'placeholder in angle brackets', input: '--docker-password=<password>' },
  { why: 'placeholder already filtered by the tool', input: 'token=[FILTERED]' },
  { why: 'runbook placeholder', input: 'password={var.db_password}' },
  { why: 'boolean flag in front matter', input: 'secret: true' },
  { why: 'masked value', input: 'password: ********' },
  { why: 'comparison, not an assignment', input: 'if [ "$token" == "" ]; then exit 1; fi' },
  { why: 'Bearer variable', input: 'curl -H "Authorization: Bearer $TOKEN" https://api' },
  { why: 'port is not a password', input: 'open https://grafana.example.com:3000/d/abc' },
  { why: 'scp-style git remote', input: 'git@github.com:gitlab-com/runbooks.git' },
  {
    why: 'certificate is public',
    input: `-----BEGIN CERTIFICATE-----\n${pemBody}\n-----END CERTIFICATE-----`,
  },
  {
    why: 'prose mention of a BEGIN line',
    input: 'paste the block started with `-----BEGIN PRIVATE KEY-----`), then save',
  },
  { why: 'too long to be an AWS key id', input: `${awsId}XX` },
  {
    why: 'SSH public key',
    input:
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@bastion',
  },
  { why: 'the word Bearer in prose', input: 'Bearer tokens are described in RFC 6750.' },
  { why: 'a token flag without a value', input: 'gh auth login --with-token < token.txt' },
];

describe('redact credential shapes', () => {
  it.each(positives)('redacts: $why', ({ input, expected }) => {
    expect(redact(input, [])).toBe(expected);
  });
  it.each(negatives)('keeps: $why', ({ input }) => {
    expect(redact(input, [])).toBe(input);
  });
  it('is idempotent: a redacted log redacts to itself', () => {
    const log = positives.map((row) => row.input).join('\n');
    const once = redact(log, []);
    expect(redact(once, [])).toBe(once);
  });
});

describe('redact given secret values', () => {
  const rows: { why: string; values: string[]; input: string; expected: string }[] = [
    {
      why: 'every occurrence goes',
      values: ['hunter2x'],
      input: 'a hunter2x b hunter2x',
      expected: `a ${R} b ${R}`,
    },
    {
      why: 'longest first: no fragment of the longer value is left',
      values: ['hunter2x', 'hunter2x-prod'],
      input: 'hunter2x-prod and hunter2x',
      expected: `${R} and ${R}`,
    },
    {
      why: 'values under 4 chars would wreck ordinary words',
      values: ['abc'],
      input: 'abc abcdef',
      expected: 'abc abcdef',
    },
    {
      why: 'regex characters in a value are literal',
      values: ['a.b*c(d)'],
      input: 'aXbbc(d) a.b*c(d)',
      expected: `aXbbc(d) ${R}`,
    },
    {
      why: 'base64 form, as kubectl get secret prints it',
      values: ['hunter2x'],
      input: 'data: aHVudGVyMng=',
      expected: `data: ${R}`,
    },
    {
      why: 'URL-encoded form',
      values: ['p@ss word!'],
      input: 'curl https://x/?q=p%40ss%20word!',
      expected: `curl https://x/?q=${R}`,
    },
    {
      why: 'a value matching part of the marker does not mangle it',
      values: ['hunter2x', 'REDACTED'],
      input: 'hunter2x',
      expected: R,
    },
    {
      why: 'a secret in ordinary prose with no shape at all',
      values: ['blue-walrus-42'],
      input: 'the vault phrase is blue-walrus-42.',
      expected: `the vault phrase is ${R}.`,
    },
  ];
  it.each(rows)('$why', ({ values, input, expected }) => {
    expect(redact(input, values)).toBe(expected);
  });
});

describe('secretEnvValues', () => {
  const rows: { why: string; env: Record<string, unknown>; expected: string[] }[] = [
    {
      why: 'nested password, host stays',
      env: { db: { host: 'db.internal', password: 'hunter22' } },
      expected: ['hunter22'],
    },
    {
      why: 'camelCase, SCREAMING_SNAKE and kebab keys',
      env: { apiKey: 'k-111111', GITHUB_TOKEN: 't-222222', 'client-secret': 's-333333' },
      expected: ['k-111111', 't-222222', 's-333333'],
    },
    {
      why: 'glued words',
      env: { PGPASSWORD: 'pg-444444', authtoken: 'at-555555' },
      expected: ['pg-444444', 'at-555555'],
    },
    {
      why: 'a secret key marks its whole subtree, arrays included',
      env: { credentials: { primary: 'abcd1234', backup: ['efgh5678'] } },
      expected: ['abcd1234', 'efgh5678'],
    },
    {
      why: 'descriptors name a secret without holding it',
      env: { secretName: 'my-tls-secret', token_url: 'https://sso/token', session_timeout: 3600 },
      expected: [],
    },
    {
      why: 'under auth, url and username stay but password goes',
      env: { auth: { url: 'https://sso', username: 'admin', password: 'pw12345' } },
      expected: ['pw12345'],
    },
    { why: 'values under 4 chars are ignored', env: { password: 'abc' }, expected: [] },
    {
      why: 'numbers count, booleans and null do not',
      env: { pin_token: 12345678, secret: true, cookie: null },
      expected: ['12345678'],
    },
    {
      why: 'ordinary keys',
      env: { max_tokens: 4096, author: 'Alice Smith', deployments: { api: { namespace: 'prod' } } },
      expected: [],
    },
    {
      why: 'session and private key pairs',
      env: { session: 'sess-abcdef', tls: { private_key: 'pk-material' } },
      expected: ['sess-abcdef', 'pk-material'],
    },
  ];
  it.each(rows)('$why', ({ env, expected }) => {
    expect(secretEnvValues(env)).toEqual(expected);
  });
});

describe('secretVarValues', () => {
  const spec = (name: string, secret: boolean): VariableSpec => ({
    name,
    secret,
    required: true,
    declared: true,
  });
  it('returns only the values of secret variables that were given', () => {
    const specs = [
      spec('token', true),
      spec('host', false),
      spec('pass', true),
      spec('absent', true),
    ];
    const vars = { token: 'tok-123456', host: 'db.internal', pass: '', extra: 'not-a-spec' };
    expect(secretVarValues(vars, specs)).toEqual(['tok-123456']);
  });
});

describe('redact on hostile input (linear time; a quadratic pattern would blow the test timeout)', () => {
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const rows: { why: string; input: string }[] = [
    { why: 'one long word', input: fill('a') },
    { why: 'JWT starts without dots', input: fill('eyJ') },
    { why: 'JWT segments with no third dot', input: `eyJ${fill('a.b')}` },
    { why: 'BEGIN lines without END', input: fill(`${begin('RSA ')}\nMIIE\n`) },
    { why: 'one BEGIN then a huge body', input: `${begin('')}\n${fill('Q')}` },
    { why: 'URL user:password with no @', input: `x://${fill('b:')}` },
    { why: 'many scheme starts', input: fill('a://b:c') },
    { why: 'key with an unclosed quote', input: `"password": "${fill('x')}` },
    { why: 'repeated keys with separators', input: fill('password="') },
    { why: 'long identifier before a separator', input: `${fill('_')}=1` },
    { why: 'flags without values', input: fill('--password ') },
    { why: 'Authorization headers without credentials', input: fill('Authorization: Bearer\n') },
    { why: 'token prefixes', input: fill('ghp_ glpat- xoxb- AKIA AIza npm_ sk_live_ ') },
  ];
  it.each(rows)('$why', ({ input }) => {
    // The trailing secret proves the whole megabyte went through every rule.
    expect(redact(`${input} some-secret`, ['some-secret']).endsWith(` ${R}`)).toBe(true);
  });
});
