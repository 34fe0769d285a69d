import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, assertNoCspViolations, byTestId, graphql, login, randomName, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** A fresh sales user (so other tests keep the demo passwords), created by admin over GraphQL. */
async function freshUser(admin, password) {
  const username = randomName('pw');
  const data = await graphql(
    admin,
    `mutation($u: String!, $p: String!) { createUser(input: {username: $u, password: $p, roles: [SALES]}) { user { id } userErrors { message } } }`,
    { u: username, p: password },
  );
  assert.ok(data.createUser.user, JSON.stringify(data.createUser.userErrors));
  return username;
}

/** Whether a page still has its session: reloading a signed-out page lands on the sign-in form. */
async function signedOut(page) {
  await page.goto('/');
  await Promise.race([byTestId(page, 'login-username').waitFor(), byTestId(page, 'main-menu').waitFor()]);
  return byTestId(page, 'login-username').isVisible();
}

test('a user changes their password: the wrong current one is refused, the session elsewhere is signed out', async () => {
  const admin = await newPage({ locale: 'en' });
  await login(admin, 'admin');
  const username = await freshUser(admin, 'first-pass');

  const here = await newPage({ locale: 'en' });
  await login(here, username, 'first-pass');
  const elsewhere = await newPage({ locale: 'en' });
  await login(elsewhere, username, 'first-pass');

  await byTestId(here, 'menu-password').click();
  await byTestId(here, 'password-current').fill('not-my-password');
  await byTestId(here, 'password-new').fill('second-pass');
  await byTestId(here, 'password-confirm').fill('second-pass');
  await byTestId(here, 'password-submit').click();
  // The server's userError (input.currentPassword) lands on the current-password field.
  const currentItem = here.locator('[data-testid="password-form"] .ant-form-item', { has: byTestId(here, 'password-current') });
  await currentItem.locator('.ant-form-item-explain-error').first().waitFor();
  assert.match(await currentItem.innerText(), /current password is wrong/);
  assert.equal(await signedOut(elsewhere), false, 'a refused change signs nobody out');

  await byTestId(here, 'menu-password').click();
  await byTestId(here, 'password-current').fill('first-pass');
  await byTestId(here, 'password-new').fill('second-pass');
  await byTestId(here, 'password-confirm').fill('second-pass');
  await byTestId(here, 'password-submit').click();
  await here.getByText('Password changed').waitFor();

  assert.equal(await signedOut(elsewhere), true, 'the other session was not signed out');
  assert.equal(await signedOut(here), false, 'the session that changed the password was signed out');

  const again = await newPage({ locale: 'en' });
  await again.goto('/login');
  await byTestId(again, 'login-username').fill(username);
  await byTestId(again, 'login-password').fill('first-pass');
  await byTestId(again, 'login-submit').click();
  await byTestId(again, 'login-error').waitFor();
  await login(again, username, 'second-pass');
  for (const p of [here, elsewhere, again]) assertNoCspViolations(p);
});

test('an administrator resets a password from the users screen and the user is signed out', async () => {
  const admin = await newPage({ locale: 'zh' });
  await login(admin, 'admin');
  const username = await freshUser(admin, 'first-pass');
  const user = await newPage({ locale: 'en' });
  await login(user, username, 'first-pass');

  await admin.goto('/admin/users');
  await byTestId(admin, `user-reset-${username}`).click();
  await byTestId(admin, 'user-reset-password').fill('reset-pass');
  await byTestId(admin, 'user-reset-submit').click();
  await admin.getByText(`已重置 ${username} 的密码`).waitFor();

  assert.equal(await signedOut(user), true, 'the user kept their session after a reset');
  await login(user, username, 'reset-pass');
  assertNoCspViolations(admin);
});

test('a user locked out by failed sign-ins is tagged on the users screen and an administrator unlocks them', async () => {
  const admin = await newPage({ locale: 'en' });
  await login(admin, 'admin');
  const username = await freshUser(admin, 'first-pass');
  const signIn = (password) =>
    fetch(`${BASE_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { id } } }',
        variables: { u: username, p: password },
      }),
    }).then((r) => r.json());
  for (let i = 0; i < 5; i++) await signIn('wrong');
  assert.equal((await signIn('first-pass')).errors?.[0]?.extensions?.code, 'THROTTLED');

  await admin.goto('/admin/users');
  await byTestId(admin, `user-locked-${username}`).waitFor();
  assert.match(await byTestId(admin, 'lockouts-table').innerText(), new RegExp(username));
  await byTestId(admin, `user-unlock-${username}`).click();
  await admin.getByText(`Cleared 5 failed sign-ins of ${username}`).waitFor();
  await byTestId(admin, `user-locked-${username}`).waitFor({ state: 'detached' });
  assert.ok((await signIn('first-pass')).data?.login?.user, 'the user signs in after the unlock');
  assertNoCspViolations(admin);
});
