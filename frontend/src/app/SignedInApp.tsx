import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, Button, Result } from 'antd';
import { useT } from '../i18n';
import { allows } from './access';
import { AppShell } from './AppShell';
import { ROUTED, homeRedirectFor, type MenuEntry } from './menu';
import { RequireSession, useMe } from './session';
import { isNarrow } from '../lib/useNarrow';

function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('app.forbidden')}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Renders an entry's page when the user's roles allow it, else a 403. */
function Guarded({ entry }: { entry: MenuEntry }) {
  const me = useMe();
  const location = useLocation();
  if (!allows(entry.roles, me.roles)) return <Forbidden />;
  if (entry.path === '/') {
    // The warehouse on a phone or handheld lands on the handheld home; ?desktop=1 keeps the desktop one.
    if (isNarrow() && me.roles.includes('WAREHOUSE') && !new URLSearchParams(location.search).has('desktop')) return <Navigate to="/m" replace />;
    const home = homeRedirectFor(me.roles);
    if (home) return <Navigate to={home.path} replace />;
  }
  const Page = entry.page;
  return <Page />;
}

/**
 * Everything behind sign-in, loaded lazily so the login page stays small:
 * the session check, the shell and one route per menu entry.
 */
export default function SignedInApp() {
  return (
    <AntApp>
      <RequireSession>
        <Routes>
          <Route element={<AppShell />}>
            {ROUTED.map((e) => (
              <Route key={e.key} path={e.path} element={<Guarded entry={e} />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </RequireSession>
    </AntApp>
  );
}
