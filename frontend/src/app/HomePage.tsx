import { useSubscription } from 'urql';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { ClockSubscription } from './queries';
import { LiveIndicator } from './LiveIndicator';
import { useLiveState } from '../graphql/liveState';
import { useMe } from './session';
import { useLocale, useT } from '../i18n';
import { formatDateTime } from '../lib/date';

function clockText(iso: string | undefined, locale: 'zh' | 'en'): string {
  return iso ? formatDateTime(iso, locale, { seconds: true }) : '—';
}

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
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome">
        {t('home.welcome', { name: me.displayName || me.username })}
      </Typography.Title>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.user')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <span data-testid="home-roles">
                  {me.roles.map((r) => (
                    <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                      {t(`role.${r}`)}
                    </Tag>
                  ))}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.live')} extra={<LiveIndicator state={state} />}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.serverTime')}>
                <span data-testid="live-clock" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {clockText(data?.clock, locale)}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
