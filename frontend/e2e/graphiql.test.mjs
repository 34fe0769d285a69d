import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoCspViolations, BASE_URL, byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** Opens /graphiql signed in as the analyst, recording every URL the page asks for. */
async function openGraphiQL() {
  const page = await newPage({ locale: 'en' });
  await login(page, 'analyst');
  page.requested = [];
  page.on('request', (req) => page.requested.push(req.url()));
  await page.goto('/graphiql');
  await page.locator('.graphiql-container').waitFor();
  // The editors are Monaco: wait until the query editor is up.
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 15_000 });
  return page;
}

/** GraphiQL is bundled into the binary: nothing is loaded from another origin (there is no CDN to reach). */
function assertSameOriginOnly(page) {
  const origin = new URL(BASE_URL).origin;
  const foreign = page.requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'GraphiQL asked for files from another origin');
  assert.ok(page.requested.some((u) => u.startsWith(`${origin}/assets/graphiql`)), 'GraphiQL is not served from the embedded build');
}

test('GraphiQL loads under the CSP, shows the sign-in hint and runs a query with the session', async () => {
  const page = await openGraphiQL();
  assert.match(await byTestId(page, 'graphiql-hint').innerText(), /Authorization/);
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response').getByText('"analyst"').first().waitFor({ timeout: 10_000 });
  await screenshot(page, 'graphiql.png');
  assertNoCspViolations(page);
  assertSameOriginOnly(page);
});

test('GraphiQL fetches the schema: the Docs pane lists Query with our descriptions, and the editor completes root fields', async () => {
  const page = await openGraphiQL();
  // What the schema says about two root fields, to find in the Docs pane.
  const { __type: q } = await graphql(page, '{ __type(name: "Query") { fields { name description } } }');
  const described = (name) => {
    const f = q.fields.find((x) => x.name === name);
    assert.ok(f?.description, `Query.${name} has no description`);
    return f.description;
  };
  const customers = described('customers');
  const serverTime = described('serverTime');

  await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
  const docs = page.locator('.graphiql-doc-explorer');
  // The root types appear only once the introspection query has succeeded
  // (else GraphiQL shows "Error fetching schema").
  await docs.getByText('Root Types').waitFor({ timeout: 15_000 });
  assert.doesNotMatch(await page.locator('.graphiql-container').innerText(), /Error fetching schema|DEPTH_LIMIT/);
  await docs.locator('a', { hasText: /^Query$/ }).first().click();
  await docs.locator('.graphiql-doc-explorer-title', { hasText: 'Query' }).waitFor();
  await docs.getByText(serverTime, { exact: true }).waitFor();
  await docs.getByText(customers, { exact: true }).first().waitFor();
  await screenshot(page, 'graphiql-docs.png');

  // Schema-aware autocomplete: in an empty editor, "{ custo" and Ctrl+Space
  // suggest the root fields that start so (no word of the document does).
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ custo');
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.graphiql-query-editor .suggest-widget .monaco-list-row');
  await rows.first().waitFor({ timeout: 10_000 });
  // A row's label is the field's name, then (once Monaco has them) its type and description.
  let labels = [];
  for (let i = 0; i < 20 && !labels.includes('customers'); i++) {
    labels = await rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0].trim()));
    if (!labels.includes('customers')) await page.waitForTimeout(250);
  }
  assert.ok(labels.includes('customers'), `suggestions: ${labels.join(', ')}`);
  assert.ok(labels.every((l) => l.startsWith('custo')), `suggestions that are not root fields: ${labels.join(', ')}`);
  await screenshot(page, 'graphiql-autocomplete.png');
  assertNoCspViolations(page);
  assertSameOriginOnly(page);
});
