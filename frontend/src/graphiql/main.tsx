import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
// Monaco's workers as separate same-origin files (no blob: URLs), so the
// server's CSP script-src 'self' covers them.
import '@graphiql/react/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { fetcher } from './fetcher';
import { initialLocale, translate } from '../i18n';

const DEFAULT_QUERY = `# JXC GraphQL API: the docs (book icon) describe every field.
query WhoAmI {
  me {
    username
    displayName
    roles
  }
  serverTime
}
`;

function Hint() {
  const locale = initialLocale();
  return (
    <div className="jxc-graphiql-hint" data-testid="graphiql-hint">
      <strong>JXC GraphiQL</strong> · {translate(locale, 'graphiql.hint')}{' '}
      <code>{'{"Authorization": "Bearer <token>"}'}</code> · <a href="/account/tokens">{translate(locale, 'menu.tokens')}</a> ·{' '}
      <a href="/login?next=/graphiql">{translate(locale, 'login.submit')}</a>
    </div>
  );
}

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <div className="jxc-graphiql-page">
      <Hint />
      <div className="jxc-graphiql-main">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} />
      </div>
    </div>
  </StrictMode>,
);
