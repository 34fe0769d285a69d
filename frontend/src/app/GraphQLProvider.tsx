import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useLocation, useNavigate } from 'react-router';
import type { Client as WSClient } from 'graphql-ws';
import { createGraphQLClients, type GraphQLClients } from '../graphql/client';

const ResetContext = createContext<() => void>(() => {});
const WSContext = createContext<WSClient | null>(null);

/**
 * The graphql-ws client, for subscriptions that manage their own variables
 * across reconnects (see useStockLevelChanges).
 */
export function useGraphQLWs(): WSClient {
  const ws = useContext(WSContext);
  if (!ws) throw new Error('useGraphQLWs must be used inside <GraphQLProvider>');
  return ws;
}

/**
 * Drops the GraphQL cache and websocket and starts afresh: call it after
 * sign-in and sign-out so nothing of the previous session survives and the
 * websocket reconnects with the new cookie.
 */
export function useResetGraphQL(): () => void {
  return useContext(ResetContext);
}

export function GraphQLProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const navRef = useRef({ navigate, pathname: location.pathname });
  navRef.current = { navigate, pathname: location.pathname };

  const onUnauthenticated = useCallback(() => {
    const { navigate, pathname } = navRef.current;
    if (pathname !== '/login') navigate('/login', { replace: true, state: { from: pathname } });
  }, []);

  const [clients, setClients] = useState<GraphQLClients>(() => createGraphQLClients(onUnauthenticated));
  const current = useRef(clients);
  current.current = clients;

  const reset = useCallback(() => {
    current.current.dispose();
    setClients(createGraphQLClients(onUnauthenticated));
  }, [onUnauthenticated]);

  return (
    <ResetContext.Provider value={reset}>
      <WSContext.Provider value={clients.ws}>
        <Provider value={clients.client}>{children}</Provider>
      </WSContext.Provider>
    </ResetContext.Provider>
  );
}
