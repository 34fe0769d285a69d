import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { App, Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { OpenAlertCountQuery } from '../queries';
import { useAlertStream } from '../liveAlerts';
import { enumLabel, useT } from '../../../i18n';

/**
 * The header's bell: open alerts for the signed-in user, counted once and
 * then kept current by alertRaised (a notification per new alert); on
 * resync or acknowledgement elsewhere the count is queried again.
 */
export function AlertsBadge() {
  const t = useT();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const [{ data }, refetch] = useQuery({ query: OpenAlertCountQuery, requestPolicy: 'cache-and-network' });
  const [raised, setRaised] = useState(0);
  const count = (data?.alerts.totalCount ?? 0) + raised;

  useAlertStream(
    { mine: true },
    {
      onAlert: (a) => {
        setRaised((n) => n + 1);
        notification.warning({ key: `alert-${a.id}`, title: enumLabel(t, 'alertKind', a.kind), description: a.message, placement: 'bottomRight', duration: 6, onClick: () => navigate('/alerts') });
      },
      onResync: () => {
        setRaised(0);
        refetch({ requestPolicy: 'network-only' });
      },
    },
  );

  return (
    <Badge count={count} size="small" overflowCount={99} data-testid="alerts-badge" data-count={count}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('menu.alerts')}
        onClick={() => {
          // The list is the truth after a visit: recount from the server.
          setRaised(0);
          refetch({ requestPolicy: 'network-only' });
          navigate('/alerts');
        }}
      />
    </Badge>
  );
}
