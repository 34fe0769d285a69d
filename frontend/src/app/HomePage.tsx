import { useSubscription } from 'urql';
import { Space, Tag, Typography } from 'antd';
import { ClockSubscription } from './queries';
import { LiveIndicator } from './LiveIndicator';
import { useLiveState } from '../graphql/liveState';
import { useMe } from './session';
import { useLocale, useT } from '../i18n';
import { formatDateTime } from '../lib/date';
import { WorkbenchSections } from '../features/workbench/components/WorkbenchSections';

function clockText(iso: string | undefined, locale: 'zh' | 'en'): string {
  return iso ? formatDateTime(iso, locale, { seconds: true }) : '—';
}

/**
 * Home: the signed-in user's workbench, the to-do lists of their roles
 * (managers and analysts land on the dashboard instead), under a line with
 * who they are and whether the live connection is up.
 */
export default function HomePage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const [{ data }] = useSubscription({ query: ClockSubscription });
  const wsState = useLiveState();
  // Live only when the socket is up and the clock has ticked at least once.
  const state = wsState === 'live' && !data ? 'connecting' : wsState;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: me.displayName || me.username })}
        </Typography.Title>
        <Space wrap size="middle">
          <span data-testid="home-roles">
            {me.roles.map((r) => (
              <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                {t(`role.${r}`)}
              </Tag>
            ))}
          </span>
          <LiveIndicator state={state} />
          <Typography.Text type="secondary" data-testid="live-clock" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {clockText(data?.clock, locale)}
          </Typography.Text>
        </Space>
      </div>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('wb.title')}
      </Typography.Title>
      <WorkbenchSections />
    </Space>
  );
}
