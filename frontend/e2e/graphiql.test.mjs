import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoCspViolations, byTestId, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('GraphiQL loads under the CSP, shows the sign-in hint and runs a query with the session', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'analyst');
  await page.goto('/graphiql');
  assert.match(await byTestId(page, 'graphiql-hint').innerText(), /Authorization/);
  await page.locator('.graphiql-container').waitFor();
  // The editors are Monaco: wait until the query editor is up, then run the default query.
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 15_000 });
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response').getByText('"analyst"').first().waitFor({ timeout: 10_000 });
  await screenshot(page, 'graphiql.png');
  assertNoCspViolations(page);
});
