import { Badge } from 'antd';
import type { LiveState } from '../graphql/liveState';
import { useT } from '../i18n';

const STATUS = { live: 'success', connecting: 'processing', offline: 'error' } as const;

/** A dot and a word for the websocket state; data-state is for tests. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const t = useT();
  return (
    <span data-testid="live-indicator" data-state={state}>
      <Badge status={STATUS[state]} text={t(`live.${state}`)} />
    </span>
  );
}
