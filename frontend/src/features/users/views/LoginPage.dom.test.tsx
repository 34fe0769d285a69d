import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { I18nProvider } from '../../../i18n';
import { LoginPage } from './LoginPage';
import { useDomForAntd } from '../../../test/dom';

useDomForAntd();

/** A urql client whose every mutation answers with result. */
function clientAnswering(result: { data?: unknown; error?: CombinedError }): Client {
  const executeMutation = vi.fn(() => fromValue({ ...result, stale: false, hasNext: false }));
  return { executeMutation } as unknown as Client;
}

function renderLogin(client: Client) {
  return render(
    <I18nProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={['/login']}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<div data-testid="home">home</div>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </I18nProvider>,
  );
}

async function submit(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('shows a wrong password once, in the screen language, not again under the password field', async () => {
    const client = clientAnswering({
      data: {
        login: {
          user: null,
          userErrors: [{ code: 'INVALID', field: 'input.password', message: 'wrong user name or password' }],
        },
      },
    });
    renderLogin(client);
    await submit('manager', 'nope');
    // Generous timeouts: antd's first render is slow on a loaded machine.
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toContain('Wrong user name or password'), { timeout: 5000 });
    expect(screen.queryByText('wrong user name or password')).toBeNull();
    expect(document.querySelectorAll('.ant-form-item-explain-error').length).toBe(0);
    expect(client.executeMutation).toHaveBeenCalledTimes(1);
  });

  it('explains throttling from a top-level THROTTLED error', async () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('too many failed sign-ins', { extensions: { code: 'THROTTLED' } })],
    });
    renderLogin(clientAnswering({ error }));
    await submit('manager', 'nope');
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toMatch(/too many failed sign-ins for this account from here/i));
  });

  it('goes home after a successful sign-in', async () => {
    renderLogin(
      clientAnswering({
        data: { login: { user: { id: '1', username: 'manager', displayName: 'M', roles: ['MANAGER'] }, userErrors: [] } },
      }),
    );
    await submit('manager', 'demo');
    await waitFor(() => expect(screen.getByTestId('home')).toBeTruthy());
  });

  it('does not call the server when fields are empty', async () => {
    const client = clientAnswering({ data: null });
    renderLogin(client);
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getAllByText(/Please enter the/).length).toBe(2));
    expect(client.executeMutation).not.toHaveBeenCalled();
  });
});
