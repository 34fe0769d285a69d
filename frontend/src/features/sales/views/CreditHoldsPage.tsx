import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { SalesOrderFieldsFragment } from '../../../gql/graphql';
import { SalesOrdersQuery } from '../queries';
import { ReleaseSalesOrderHoldMutation } from '../mutations';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useT } from '../../../i18n';

type Order = SalesOrderFieldsFragment;

/** Orders waiting on a credit hold, with the reason; finance (and managers) release them. */
export default function CreditHoldsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canRelease = useCan(['FINANCE', 'MANAGER']);
  const list = usePagedQuery({ query: SalesOrdersQuery, variables: { filter: { status: ['ON_HOLD'] } }, connection: (d) => d.salesOrders, requestPolicy: 'cache-and-network' });
  const [, release] = useMutation(ReleaseSalesOrderHoldMutation);
  const [busy, setBusy] = useState<string>();
  const [errors, setErrors] = useState<string[]>([]);

  async function doRelease(o: Order) {
    setBusy(o.id);
    setErrors([]);
    const res = await release({ id: o.id });
    setBusy(undefined);
    const p = res.data?.releaseSalesOrderHold;
    if (res.error) return setErrors([res.error.message]);
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    message.success(t('so.done.release', { number: o.number }));
    list.refresh();
  }

  return (
    <Card>
      <Typography.Paragraph type="secondary">{canRelease ? t('holds.introFinance') : t('holds.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} />}
      <Table<Order>
        rowKey="id"
        size="middle"
        loading={list.fetching}
        dataSource={list.rows}
        data-testid="holds-table"
        onRow={(o) => ({ 'data-testid': `hold-row-${o.number}` }) as object}
        pagination={list.pagination()}
        columns={[
          { title: t('so.number'), render: (_, o) => <Link to={`/sales/orders?order=${o.id}`}>{o.number}</Link> },
          { title: t('so.customer'), render: (_, o) => <Link to={`/sales/customers?customer=${o.customer.id}`}>{`${o.customer.code} ${o.customer.name}`}</Link> },
          { title: t('so.date'), dataIndex: 'postingDate' },
          { title: t('so.total'), align: 'right', render: (_, o) => <Amount value={o.totalAmount} /> },
          { title: t('so.holdReason'), render: (_, o) => <Typography.Text type="danger">{o.holdReason}</Typography.Text> },
          ...(canRelease
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, o: Order) => (
                    <Popconfirm title={t('so.releaseConfirm', { number: o.number })} onConfirm={() => doRelease(o)}>
                      <Button size="small" type="primary" loading={busy === o.id} data-testid={`hold-release-${o.number}`}>
                        {t('so.release')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
