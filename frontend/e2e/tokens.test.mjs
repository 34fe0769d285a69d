import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, byTestId, login, randomName, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('a user creates an API token, sees the secret once, uses it and revokes it', async () => {
  const name = randomName('script-');
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await byTestId(page, 'menu-tokens').click();
  await byTestId(page, 'token-name').fill(name);
  await byTestId(page, 'token-create').click();
  const secretInput = byTestId(page, 'token-secret');
  await secretInput.waitFor();
  const secret = await secretInput.inputValue();
  assert.ok(secret.length > 10, 'secret shown');
  await byTestId(page, 'token-secret-done').click();
  // The dialog closes with an animation; the table behind it takes clicks
  // only once it is gone.
  await secretInput.waitFor({ state: 'hidden' });
  await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  const row = page.locator('[data-testid="tokens-table"] tr', { hasText: name });
  await row.waitFor();

  const ask = () =>
    fetch(`${BASE_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    }).then((r) => r.json());
  assert.equal((await ask()).data?.me?.username, 'finance');

  await row.locator('[data-testid^="token-revoke-"]').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await row.getByText('Revoked').waitFor();
  const after = await ask();
  assert.equal(after.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
});
