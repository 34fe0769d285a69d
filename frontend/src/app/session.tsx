import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { Button, Result, Spin } from 'antd';
import { MeQuery } from '../features/users/queries';
import type { MeQuery as MeQueryResult } from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { useT } from '../i18n';
import type { Role } from '../gql/graphql';
import { allows, canRead, type DataClass } from './access';

export type Me = MeQueryResult['me'];

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe must be used inside <RequireSession>');
  return me;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Loads `me`; sends the visitor to /login when there is no session. */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MeQuery });

  if (data?.me) return <SessionContext.Provider value={data.me}>{children}</SessionContext.Provider>;
  if (errorCode(error) === 'UNAUTHENTICATED') {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  if (fetching || !error) return <FullPageSpin />;
  return (
    <Result
      status="error"
      title={t('app.error')}
      subTitle={error.message}
      extra={<Button onClick={() => reexecute({ requestPolicy: 'network-only' })}>{t('app.retry')}</Button>}
    />
  );
}

/** Whether the signed-in user holds one of the roles (ADMIN holds all). */
export function useCan(roles: readonly Role[]): boolean {
  return allows(roles, useMe().roles);
}

/** Whether the signed-in user may read figures of the data class. */
export function useCanRead(cls: DataClass): boolean {
  return canRead(cls, useMe().roles);
}
