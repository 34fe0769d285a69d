import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Col, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Progress, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SupplierDetailQuery as SupplierDetailResult } from '../../../gql/graphql';
import { SupplierDetailQuery } from '../queries';
import { SetSupplierProductMutation } from '../mutations';
import { fractionPercent } from './common';
import { SupplierForm } from './SupplierForm';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ProductPicker } from '../../../components/ProductPicker';
import { applyUserErrors } from '../../../graphql/userErrors';
import { dec, formatDecimal, formatMoney, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { useCan, useCanRead } from '../../../app/session';
import { StatementOfAccount } from '../../partner/components/StatementOfAccount';

type Detail = NonNullable<SupplierDetailResult['supplier']>;

type Price = Detail['products'][number];

/** One supplier: terms, bank and contacts, scorecard, its price list (purchasing adds, edits and deactivates prices), statement and audit trail. */
export function SupplierDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged?: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const canEdit = useCan(['PURCHASING']);
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [pricing, setPricing] = useState<Price | 'new' | null>(null);
  const [, setPrice] = useMutation(SetSupplierProductMutation);
  const [since, setSince] = useState<Dayjs>(() => companyToday().subtract(1, 'year'));
  // What is owed to a supplier is SUPPLIER_MONEY: no statement for purchasing.
  const withStatement = useCanRead('SUPPLIER_MONEY');
  const canPrint = useCan(['FINANCE', 'MANAGER', 'ANALYST']);
  const [{ data, error, fetching }, refetch] = useQuery({ query: SupplierDetailQuery, variables: { id: id ?? '', since: isoDate(since) }, pause: !id, requestPolicy: 'cache-and-network' });
  const s = data?.supplier;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged?.();
  };
  async function setActive(p: Price, active: boolean) {
    if (!s) return;
    const res = await setPrice({ input: { supplierId: s.id, productId: p.product.id, active } });
    const errs = res.data?.setSupplierProduct.userErrors ?? [];
    if (res.error || errs.length) return void message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
    message.success(t(active ? 'pm.priceReactivated' : 'pm.priceDeactivated', { sku: p.product.sku }));
    reload();
  }
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={900}
      title={s ? `${s.code} ${s.name}` : t('menu.suppliers')}
      data-testid="supplier-drawer"
      loading={fetching && !s}
      extra={
        s && canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="supplier-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {s && (
        <WithAuditTab recordType="supplier" recordId={s.id} tabs={withStatement ? [{ key: 'statement', label: <span data-testid="statement-tab">{t('statement.tab')}</span>, children: <StatementOfAccount kind="supplier" id={s.id} printable={canPrint} /> }] : []}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label={t('suppliers.paymentTerms')}>{t('suppliers.daysN', { n: s.paymentTermsDays })}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.leadTime')}>{t('suppliers.daysN', { n: s.leadTimeDays })}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.currency')}>{s.currency}</Descriptions.Item>
              <Descriptions.Item label={t('cust.taxId')}>
                <span data-testid="supplier-taxid">{s.taxId || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pm.bank')} span={2}>
                <span data-testid="supplier-bank">{[s.bankName, s.bankAccount].filter(Boolean).join(' ') || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cust.address')} span={3}>
                {s.address || '—'}
              </Descriptions.Item>
              {s.notes && (
                <Descriptions.Item label={t('cust.notes')} span={3}>
                  {s.notes}
                </Descriptions.Item>
              )}
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
              <Space style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('suppliers.products')}
                </Typography.Title>
                {canEdit && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setPricing('new')} data-testid="supplier-price-add">
                    {t('pm.priceAdd')}
                  </Button>
                )}
              </Space>
              <Table<Price>
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
                  { title: t('pm.minOrderQty'), align: 'right', render: (_, p) => (p.minOrderQty == null ? '—' : formatQty(p.minOrderQty)) },
                  { title: t('common.status'), render: (_, p) => (p.active ? <Tag color="green">{t('pm.priceActive')}</Tag> : <Tag>{t('pm.priceInactive')}</Tag>) },
                  ...(canEdit
                    ? [
                        {
                          title: '',
                          key: 'actions',
                          render: (_: unknown, p: Price) => (
                            <Space size={0}>
                              <Button type="link" size="small" onClick={() => setPricing(p)} data-testid={`supplier-price-edit-${p.product.sku}`}>
                                {t('common.edit')}
                              </Button>
                              {p.active ? (
                                <Popconfirm title={t('pm.priceDeactivateConfirm', { sku: p.product.sku })} onConfirm={() => setActive(p, false)} okButtonProps={{ 'data-testid': 'supplier-price-deactivate-ok' } as Record<string, string>}>
                                  <Button type="link" size="small" danger data-testid={`supplier-price-deactivate-${p.product.sku}`}>
                                    {t('pm.priceDeactivate')}
                                  </Button>
                                </Popconfirm>
                              ) : (
                                <Button type="link" size="small" onClick={() => setActive(p, true)} data-testid={`supplier-price-reactivate-${p.product.sku}`}>
                                  {t('pm.priceReactivate')}
                                </Button>
                              )}
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          </Space>
        </WithAuditTab>
      )}
      <SupplierForm
        open={editing}
        supplier={s}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
        }}
      />
      {s && (
        <SupplierPriceForm
          supplierId={s.id}
          price={pricing === 'new' ? null : pricing}
          open={pricing !== null}
          onClose={() => setPricing(null)}
          onSaved={() => {
            setPricing(null);
            reload();
          }}
        />
      )}
    </Drawer>
  );
}

interface PriceValues {
  productId?: string;
  supplierSku?: string;
  price?: string;
  leadTimeDays?: number | null;
  minOrderQty?: string;
  active?: boolean;
}

/** Adds a product to a supplier's price list or changes its price, lead time, minimum quantity or whether it is in use. */
function SupplierPriceForm({ supplierId, price, open, onClose, onSaved }: { supplierId: string; price: Price | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PriceValues>();
  const [{ fetching }, save] = useMutation(SetSupplierProductMutation);
  const [general, setGeneral] = useState<string[]>([]);
  useEffect(() => {
    if (!open) return;
    setGeneral([]);
    form.resetFields();
    if (price)
      form.setFieldsValue({
        productId: price.product.id,
        supplierSku: price.supplierSku,
        price: price.lastPrice ?? undefined,
        leadTimeDays: price.leadTimeDays,
        minOrderQty: price.minOrderQty ?? undefined,
        active: price.active,
      });
  }, [open, price, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await save({
      input: {
        supplierId,
        productId: v.productId ?? '',
        supplierSku: (v.supplierSku ?? '').trim(),
        price: v.price?.trim() || undefined,
        leadTimeDays: v.leadTimeDays ?? undefined,
        minOrderQty: v.minOrderQty?.trim() || (price?.minOrderQty ? '0' : undefined),
        active: v.active,
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.setSupplierProduct;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.supplierProduct) {
      message.success(t('pm.priceSaved', { sku: p.supplierProduct.product.sku }));
      onSaved();
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={price ? t('pm.priceEditTitle', { sku: price.product.sku }) : t('pm.priceAdd')}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'supplier-price-submit' }}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="supplier-price-errors" />}
      <Form form={form} layout="vertical" initialValues={{ active: true }} data-testid="supplier-price-form">
        <Form.Item name="productId" label={t('products.sku')} rules={[{ required: true, message: t('common.required') }]}>
          <ProductPicker
            disabled={!!price}
            known={price ? [price.product] : []}
            placeholder={t('products.searchPlaceholder')}
            style={{ width: '100%' }}
            data-testid="supplier-price-product"
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="price" label={t('pm.priceNet')} rules={[decimalRule(t('common.decimalInvalid'), 6)]}>
            <DecimalInput style={{ width: 150 }} data-testid="supplier-price-price" />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t('suppliers.leadTime')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: 110 }} placeholder={t('suppliers.default')} data-testid="supplier-price-lead" />
          </Form.Item>
          <Form.Item name="minOrderQty" label={t('pm.minOrderQty')} rules={[decimalRule(t('common.decimalInvalid'), 4)]}>
            <DecimalInput style={{ width: 130 }} data-testid="supplier-price-moq" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="supplierSku" label={t('suppliers.supplierSku')}>
            <Input maxLength={100} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="active" label={t('pm.priceActive')} valuePropName="checked">
            <Switch data-testid="supplier-price-active" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
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
      <Row gutter={16} style={{ marginTop: 8 }} data-testid="supplier-quality-returns">
        <Col span={4} />
        <Col span={5}>
          <Statistic title={t('suppliers.returnRate')} value={fractionPercent(card.returnRate, 2)} styles={{ content: { color: dec(card.returnRate).gt(0.02) ? '#cf1322' : undefined } }} />
          <Typography.Text type="secondary">{t('suppliers.returnsOf', { n: card.qualityReturns, qty: formatQty(card.returnedQuantity) })}</Typography.Text>
        </Col>
        <Col span={5}>
          <Statistic title={t('suppliers.returnValueRate')} value={fractionPercent(card.returnValueRate, 2)} />
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

