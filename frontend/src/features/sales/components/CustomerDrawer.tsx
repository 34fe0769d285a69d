import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Descriptions, Drawer, Empty, List, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { CustomerDetailQuery } from '../queries';
import { CustomerForm } from './CustomerForm';
import { SalesInvoiceStatusTag, ShipmentStatusTag, SoStatusTag } from './common';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { dec, formatDecimal, formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { auditTabItem } from '../../audit/components/AuditTrail';
import { StatementOfAccount } from '../../partner/components/StatementOfAccount';

/** One customer: balances, contacts and addresses, history, top products and satisfaction. */
export function CustomerDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const canEdit = useCan(['SALES', 'FINANCE', 'MANAGER']);
  const canPrint = useCan(['FINANCE', 'MANAGER', 'ANALYST']);
  const [editing, setEditing] = useState(false);
  const [{ data, error, fetching }, refetch] = useQuery({ query: CustomerDetailQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'cache-and-network' });
  const c = data?.customer;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={920}
      title={c ? `${c.code} ${c.name}` : t('cust.detail')}
      extra={
        c && canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="cust-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
      data-testid="cust-drawer"
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {!c && fetching && <Skeleton active />}
      {c && (
        <>
          <Space size="large" wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('cust.openBalance')} value={formatMoney(c.openBalance)} />
            <Statistic title={t('cust.overdue')} value={formatMoney(c.overdueAmount)} styles={{ content: { color: dec(c.overdueAmount).gt(0) ? '#cf1322' : undefined } }} />
            <Statistic title={t('cust.creditAvailable')} value={formatMoney(c.creditAvailable)} styles={{ content: { color: dec(c.creditAvailable).lt(0) ? '#cf1322' : undefined } }} />
            <Statistic title={t('cust.satisfaction')} value={c.satisfaction.rated ? `${formatDecimal(dec(c.satisfaction.satisfiedShare).times(100), 0)}%` : '—'} suffix={c.satisfaction.rated ? <Typography.Text type="secondary">{t('cust.ratedAvg', { n: c.satisfaction.rated, avg: c.satisfaction.average })}</Typography.Text> : null} />
          </Space>
          {c.onCreditHold && <Alert type="warning" showIcon title={t('cust.onHoldNote')} style={{ marginBottom: 16 }} />}
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('cust.region')}>{c.region}</Descriptions.Item>
            <Descriptions.Item label={t('cust.channel')}>{enumLabel(t, 'salesChannel', c.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('cust.salesperson')}>{c.salesperson}</Descriptions.Item>
            <Descriptions.Item label={t('cust.creditLimit')}>{formatMoney(c.creditLimit)}</Descriptions.Item>
            <Descriptions.Item label={t('cust.terms')}>{t('cust.termsDays', { n: c.paymentTermsDays })}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>{c.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('cust.taxId')}>
              <span data-testid="cust-taxid">{c.taxId || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pm.bank')} span={2}>
              <span data-testid="cust-bank">{[c.bankName, c.bankAccount].filter(Boolean).join(' ') || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cust.preferences')} span={3}>
              {c.preferences || '—'}
            </Descriptions.Item>
            {c.notes && (
              <Descriptions.Item label={t('cust.notes')} span={3}>
                {c.notes}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Descriptions size="small" column={2} bordered title={t('pm.invoicing')} style={{ marginBottom: 16 }} data-testid="cust-invoicing">
            {c.invoicing ? (
              <>
                <Descriptions.Item label={t('pm.invTitle')}>{c.invoicing.title}</Descriptions.Item>
                <Descriptions.Item label={t('pm.invTaxId')}>{c.invoicing.taxId || c.taxId || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('pm.invAddressPhone')}>{c.invoicing.addressPhone || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('pm.invBankAccount')}>{c.invoicing.bankAccount || '—'}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('pm.invTitle')}>{t('pm.invoicingNone')}</Descriptions.Item>
            )}
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'contacts',
                label: t('cust.contactsAndAddresses'),
                children: (
                  <>
                    <List size="small" header={<strong>{t('cust.contacts')}</strong>} dataSource={c.contacts} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }} renderItem={(p) => <List.Item>{[p.name, p.title, p.phone, p.email].filter(Boolean).join(' · ')}</List.Item>} />
                    <List size="small" header={<strong>{t('cust.addresses')}</strong>} dataSource={c.addresses} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }} renderItem={(a, i) => (
                        <List.Item data-testid={`cust-address-${i}`}>
                          <span>
                            {[a.label, a.address, a.region, a.contact, a.phone].filter(Boolean).join(' · ')} {a.isDefault && <Tag color="blue">{t('pm.defaultAddress')}</Tag>}
                          </span>
                        </List.Item>
                      )} />
                  </>
                ),
              },
              {
                key: 'orders',
                label: `${t('menu.salesOrders')} (${c.orders.totalCount})`,
                children: (
                  <Table size="small" rowKey="id" pagination={false} dataSource={c.orders.nodes} columns={[
                    { title: t('so.number'), render: (_, o) => <Link to={`/sales/orders?order=${o.id}`}>{o.number}</Link> },
                    { title: t('so.date'), dataIndex: 'postingDate' },
                    { title: t('so.total'), align: 'right', render: (_, o) => <Amount value={o.totalAmount} /> },
                    { title: t('common.status'), render: (_, o) => <SoStatusTag status={o.status} /> },
                  ]} />
                ),
              },
              {
                key: 'shipments',
                label: `${t('menu.shipments')} (${c.shipments.totalCount})`,
                children: (
                  <Table size="small" rowKey="id" pagination={false} dataSource={c.shipments.nodes} columns={[
                    { title: t('ship.number'), dataIndex: 'number' },
                    { title: t('ship.date'), render: (_, s) => s.postingDate ?? '—' },
                    { title: t('ship.carrier'), render: (_, s) => [s.carrier, s.trackingNumber].filter(Boolean).join(' ') },
                    { title: t('ship.rating'), render: (_, s) => (s.rating ? '★'.repeat(s.rating) : '—') },
                    { title: t('common.status'), render: (_, s) => <ShipmentStatusTag status={s.status} /> },
                  ]} />
                ),
              },
              {
                key: 'invoices',
                label: `${t('menu.salesInvoices')} (${c.invoices.totalCount})`,
                children: (
                  <Table size="small" rowKey="id" pagination={false} dataSource={c.invoices.nodes} columns={[
                    { title: t('sinv.number'), dataIndex: 'number' },
                    { title: t('sinv.date'), dataIndex: 'postingDate' },
                    { title: t('sinv.due'), dataIndex: 'dueDate' },
                    { title: t('sinv.total'), align: 'right', render: (_, i) => <Amount value={i.totalAmount} /> },
                    { title: t('sinv.open'), align: 'right', render: (_, i) => <Amount value={i.openAmount} /> },
                    { title: t('common.status'), render: (_, i) => <SalesInvoiceStatusTag status={i.status} /> },
                  ]} />
                ),
              },
              {
                key: 'payments',
                label: `${t('menu.customerPayments')} (${c.payments.totalCount})`,
                children: (
                  <Table size="small" rowKey="id" pagination={false} dataSource={c.payments.nodes} columns={[
                    { title: t('cpay.number'), dataIndex: 'number' },
                    { title: t('cpay.date'), dataIndex: 'postingDate' },
                    { title: t('cpay.amount'), align: 'right', render: (_, p) => <Amount value={p.amount} /> },
                    { title: t('cpay.unapplied'), align: 'right', render: (_, p) => <Amount value={p.unapplied} /> },
                    { title: t('cpay.reference'), dataIndex: 'reference' },
                  ]} />
                ),
              },
              {
                key: 'returns',
                label: `${t('menu.salesReturns')} (${c.returns.totalCount})`,
                children: (
                  <Table size="small" rowKey="id" pagination={false} dataSource={c.returns.nodes} columns={[
                    { title: t('sret.number'), dataIndex: 'number' },
                    { title: t('sret.date'), dataIndex: 'postingDate' },
                    { title: t('sret.reason'), dataIndex: 'reason' },
                    { title: t('sret.total'), align: 'right', render: (_, r) => <Amount value={r.totalAmount} /> },
                    { title: t('sret.openCredit'), align: 'right', render: (_, r) => <Amount value={r.openCredit} /> },
                  ]} />
                ),
              },
              {
                key: 'top',
                label: t('cust.topProducts'),
                children: (
                  <Table size="small" rowKey={(p) => p.product.id} pagination={false} dataSource={c.topProducts} columns={[
                    { title: t('products.sku'), render: (_, p) => p.product.sku },
                    { title: t('products.name'), render: (_, p) => localName(p.product) },
                    { title: t('so.quantity'), align: 'right', render: (_, p) => formatQty(p.quantity) },
                    { title: t('so.net'), align: 'right', render: (_, p) => <Amount value={p.netAmount} /> },
                  ]} />
                ),
              },
              { key: 'statement', label: <span data-testid="statement-tab">{t('statement.tab')}</span>, children: <StatementOfAccount kind="customer" id={c.id} printable={canPrint} /> },
              auditTabItem(t, 'customer', c.id),
            ]}
          />
        </>
      )}
      <CustomerForm
        open={editing}
        customer={c}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          refetch({ requestPolicy: 'network-only' });
          onChanged();
        }}
      />
    </Drawer>
  );
}
