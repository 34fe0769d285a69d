// graphql-codegen introspects the running binary over HTTP with an API
// token, as an outside tool does (its URL loader sends graphql-js's
// standard introspection query with every option), and writes the schema
// as introspection JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE_URL } from './helpers.mjs';

const run = promisify(execFile);
const frontend = join(import.meta.dirname, '..');

/** POSTs a GraphQL request to the server, with a cookie or a bearer token. */
async function post(query, { cookie, token, variables } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE_URL}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { res, body: await res.json() };
}

/** Signs in as username and creates an API token for a script. */
async function apiToken(username) {
  const { res, body } = await post('mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { id } } }', {
    variables: { u: username, p: 'demo' },
  });
  assert.ok(body.data?.login?.user, `login ${username}: ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const made = await post('mutation { createApiToken(name: "codegen introspection") { secret userErrors { message } } }', { cookie });
  const secret = made.body.data?.createApiToken?.secret;
  assert.ok(secret, `createApiToken: ${JSON.stringify(made.body)}`);
  return secret;
}

test('graphql-codegen introspects the running server with a bearer token and writes the schema with its descriptions', async () => {
  const token = await apiToken('analyst');
  const dir = mkdtempSync(join(tmpdir(), 'jxc-codegen-'));
  try {
    const out = join(dir, 'schema.json');
    const config = join(dir, 'codegen.json');
    writeFileSync(
      config,
      JSON.stringify({
        overwrite: true,
        schema: {
          [`${BASE_URL}/graphql`]: {
            headers: { Authorization: `Bearer ${token}` },
            // graphql-js's introspection options, all on.
            descriptions: true,
            specifiedByUrl: true,
            directiveIsRepeatable: true,
            schemaDescription: true,
            inputValueDeprecation: true,
          },
        },
        generates: { [out]: { plugins: [join(import.meta.dirname, 'introspection-plugin.cjs')] } },
      }),
    );
    let result;
    try {
      result = await run('npx', ['--no-install', 'graphql-codegen', '--config', config], {
        cwd: frontend,
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: '1', CI: '1' },
      });
    } catch (err) {
      assert.fail(`graphql-codegen failed (${err.code}): ${err.stdout}\n${err.stderr}`);
    }
    const schema = JSON.parse(readFileSync(out, 'utf8')).__schema;
    assert.ok(schema, `no __schema in the output; codegen said: ${result.stdout}`);
    assert.equal(schema.queryType.name, 'Query');
    const types = new Map(schema.types.map((t) => [t.name, t]));
    const customer = types.get('Customer');
    assert.ok(customer, 'no Customer type');
    assert.match(customer.description ?? '', /\S/, 'Customer has no description');
    assert.ok(customer.fields.find((f) => f.name === 'code')?.description, 'Customer.code has no description');
    assert.ok(types.get('Query').fields.find((f) => f.name === 'customers')?.description, 'Query.customers has no description');
    // Deprecated fields (today AgingBuckets.current) came through with their reasons (includeDeprecated).
    const deprecated = schema.types.flatMap((t) => (t.fields ?? []).filter((f) => f.isDeprecated && f.deprecationReason));
    assert.ok(deprecated.length > 0, 'no deprecated field with its reason');
    // The token still works afterwards: introspection was priced, not throttled.
    const after = await post('{ me { username } }', { token });
    assert.equal(after.body.data?.me?.username, 'analyst', JSON.stringify(after.body));
    assert.ok(after.body.extensions?.cost?.throttleStatus, 'no extensions.cost');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
