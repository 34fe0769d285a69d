import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Col, DatePicker, Descriptions, Drawer, Input, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SupplierDetailQuery as SupplierDetailResult, SupplierFieldsFragment } from '../../../gql/graphql';
import { SupplierDetailQuery, SuppliersQuery } from '../queries';
import { fractionPercent } from '../components/common';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatDecimal, formatMoney } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { useCan, useCanRead } from '../../../app/session';
import { StatementOfAccount } from '../../partner/components/StatementOfAccount';

type Supplier = SupplierFieldsFragment;

export default function SuppliersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const openId = params.get('supplier');
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<boolean | undefined>(true);
  useEffect(() => {
    const h = setTimeout(() => setSearch(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const filter = useMemo(() => ({ search: search || undefined, active }), [search, active]);
  const list = usePagedQuery({ query: SuppliersQuery, variables: { filter }, connection: (d) => d.suppliers });

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Input.Search allowClear placeholder={t('suppliers.search')} style={{ width: 240 }} value={input} onChange={(e) => setInput(e.target.value)} data-testid="suppliers-search" />
          <Select
            style={{ width: 140 }}
            value={active === undefined ? 'all' : active ? 'active' : 'inactive'}
            onChange={(v) => setActive(v === 'all' ? undefined : v === 'active')}
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Space>
        <ExportButton<Supplier>
          fileName={t('menu.suppliers')}
          fetchRows={list.exportRows}
          columns={[
            { header: t('suppliers.code'), value: (s) => s.code },
            { header: t('suppliers.name'), value: (s) => s.name, width: 30 },
            { header: t('suppliers.paymentTerms'), value: (s) => s.paymentTermsDays },
            { header: t('suppliers.leadTime'), value: (s) => s.leadTimeDays },
            { header: t('suppliers.currency'), value: (s) => s.currency },
            { header: t('common.status'), value: (s) => (s.active ? t('common.active') : t('common.inactive')) },
          ]}
        />
      </Toolbar>
      <PagedTable<Supplier>
        list={list}
        data-testid="suppliers-table"
        onRow={(s) => ({ onClick: () => setParams({ supplier: s.id }), style: { cursor: 'pointer' }, 'data-testid': `supplier-row-${s.code}` }) as object}
        columns={[
          { title: t('suppliers.code'), dataIndex: 'code' },
          { title: t('suppliers.name'), dataIndex: 'name' },
          { title: t('suppliers.paymentTerms'), align: 'right', render: (_, s) => t('suppliers.daysN', { n: s.paymentTermsDays }) },
          { title: t('suppliers.leadTime'), align: 'right', render: (_, s) => t('suppliers.daysN', { n: s.leadTimeDays }) },
          { title: t('suppliers.currency'), dataIndex: 'currency' },
          { title: t('suppliers.contacts'), render: (_, s) => s.contacts.map((c) => c.name).join(', ') },
          { title: t('common.status'), render: (_, s) => (s.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
        ]}
      />
      <SupplierDrawer id={openId} onClose={() => setParams({})} />
    </Card>
  );
}

type Detail = NonNullable<SupplierDetailResult['supplier']>;

function SupplierDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const [since, setSince] = useState<Dayjs>(() => companyToday().subtract(1, 'year'));
  // What is owed to a supplier is SUPPLIER_MONEY: no statement for purchasing.
  const withStatement = useCanRead('SUPPLIER_MONEY');
  const canPrint = useCan(['FINANCE', 'MANAGER', 'ANALYST']);
  const [{ data, error, fetching }] = useQuery({ query: SupplierDetailQuery, variables: { id: id ?? '', since: isoDate(since) }, pause: !id });
  const s = data?.supplier;
  return (
    <Drawer open={!!id} onClose={onClose} size={900} title={s ? `${s.code} ${s.name}` : t('menu.suppliers')} data-testid="supplier-drawer" loading={fetching && !s}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {s && (
        <WithAuditTab recordType="supplier" recordId={s.id} tabs={withStatement ? [{ key: 'statement', label: <span data-testid="statement-tab">{t('statement.tab')}</span>, children: <StatementOfAccount kind="supplier" id={s.id} printable={canPrint} /> }] : []}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label={t('suppliers.paymentTerms')}>{t('suppliers.daysN', { n: s.paymentTermsDays })}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.leadTime')}>{t('suppliers.daysN', { n: s.leadTimeDays })}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.currency')}>{s.currency}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.contacts')} span={3}>
                {s.contacts.length === 0
                  ? '—'
                  : s.contacts.map((c) => (
                      <div key={c.name + c.phone}>
                        {c.name} {c.role && <Tag>{c.role}</Tag>} {c.phone} {c.email}
                      </div>
                    ))}
              </Descriptions.Item>
            </Descriptions>
            <Scorecard card={s.scorecard} since={since} onSince={setSince} />
            <div>
              <Typography.Title level={5}>{t('suppliers.products')}</Typography.Title>
              <Table<Detail['products'][number]>
                size="small"
                rowKey={(p) => p.product.id}
                pagination={false}
                dataSource={s.products}
                data-testid="supplier-products"
                columns={[
                  { title: t('products.sku'), render: (_, p) => p.product.sku },
                  { title: t('products.name'), render: (_, p) => localName(p.product) },
                  { title: t('suppliers.supplierSku'), dataIndex: 'supplierSku' },
                  { title: t('suppliers.lastPrice'), align: 'right', render: (_, p) => (p.lastPrice == null ? '—' : formatMoney(p.lastPrice)) },
                  { title: t('suppliers.lastPriceDate'), render: (_, p) => p.lastPriceDate ?? '—' },
                  { title: t('suppliers.leadTime'), align: 'right', render: (_, p) => (p.leadTimeDays == null ? t('suppliers.default') : t('suppliers.daysN', { n: p.leadTimeDays })) },
                ]}
              />
            </div>
          </Space>
        </WithAuditTab>
      )}
    </Drawer>
  );
}

function Scorecard({ card, since, onSince }: { card: Detail['scorecard']; since: Dayjs; onSince: (d: Dayjs) => void }) {
  const t = useT();
  const localName = useLocalName();
  const score = Number(formatDecimal(card.score, 0).replace(/,/g, ''));
  return (
    <div data-testid="supplier-scorecard">
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('suppliers.scorecard')}
        </Typography.Title>
        <span>{t('suppliers.since')}</span>
        <DatePicker value={since} allowClear={false} onChange={(d) => d && onSince(d)} />
      </Space>
      <Row gutter={16}>
        <Col span={4}>
          <Progress type="dashboard" size={90} percent={score} format={() => formatDecimal(card.score, 0)} status={score < 60 ? 'exception' : 'normal'} />
        </Col>
        <Col span={5}>
          <Statistic title={t('suppliers.onTimeRate')} value={fractionPercent(card.onTimeRate)} />
          <Typography.Text type="secondary">{t('suppliers.onTimeOf', { n: card.onTimeReceipts, total: card.receipts })}</Typography.Text>
        </Col>
        <Col span={5}>
          <Statistic title={t('suppliers.avgLeadTime')} value={card.averageLeadTimeDays == null ? '—' : formatDecimal(card.averageLeadTimeDays, 1)} suffix={card.averageLeadTimeDays == null ? undefined : t('kpi.days')} />
        </Col>
        <Col span={5}>
          <Statistic title={t('suppliers.leadTimeSpread')} value={card.leadTimeSpreadDays == null ? '—' : `± ${formatDecimal(card.leadTimeSpreadDays, 1)}`} suffix={card.leadTimeSpreadDays == null ? undefined : t('kpi.days')} />
        </Col>
        <Col span={5}>
          <Statistic title={t('suppliers.rejectionRate')} value={fractionPercent(card.rejectionRate, 2)} styles={{ content: { color: dec(card.rejectionRate).gt(0.02) ? '#cf1322' : undefined } }} />
          <Typography.Text type="secondary">{t('suppliers.rejectedOf', { n: formatDecimal(card.rejectedQuantity, 0), total: formatDecimal(card.inspectedQuantity, 0) })}</Typography.Text>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('suppliers.priceTrend')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(p) => p.product.id}
        pagination={false}
        dataSource={card.priceTrends}
        data-testid="supplier-price-trends"
        columns={[
          { title: t('products.sku'), render: (_, p) => p.product.sku },
          { title: t('products.name'), render: (_, p) => localName(p.product) },
          { title: t('suppliers.points'), dataIndex: 'points', align: 'right' },
          { title: t('suppliers.firstPrice'), align: 'right', render: (_, p) => formatMoney(p.firstPrice) },
          { title: t('suppliers.lastPrice'), align: 'right', render: (_, p) => formatMoney(p.lastPrice) },
          { title: t('suppliers.minMax'), align: 'right', render: (_, p) => `${formatMoney(p.minPrice)} – ${formatMoney(p.maxPrice)}` },
          {
            title: t('suppliers.change'),
            align: 'right',
            render: (_, p) => {
              const c = dec(p.changePercent);
              return <span style={{ color: c.gt(0) ? '#cf1322' : c.lt(0) ? '#389e0d' : undefined }}>{`${c.gt(0) ? '+' : ''}${formatDecimal(c, 2)}%`}</span>;
            },
          },
        ]}
      />
    </div>
  );
}

