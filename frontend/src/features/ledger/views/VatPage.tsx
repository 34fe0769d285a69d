import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { VatReportQuery as VatReportResult, VatInvoicesQuery as VatInvoicesResult, VatRateFiguresFieldsFragment } from '../../../gql/graphql';
import { VatInvoicesQuery, VatReportQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { dec } from '../../../lib/decimal';
import { useT, type MessageKey } from '../../../i18n';
import { companyToday, isoDate, yearMonth } from '../../../lib/date';
import { useSearchParam } from '../../../lib/searchParams';
import { VatInvoiceCell, VatInvoiceEditButton } from '../components/VatInvoiceInfo';

type Month = VatReportResult['vatReport']['months'][number];
type SalesRow = VatInvoicesResult['salesInvoices']['nodes'][number];
type SupplierRow = VatInvoicesResult['supplierInvoices']['nodes'][number];
type RateRow = VatRateFiguresFieldsFragment & { key: string; month?: string };

/** The return's lines this screen fills, with their line numbers (栏次). */
const RETURN_LINES = ['line1', 'line11', 'line12', 'line13', 'line14', 'line17', 'line18', 'line19', 'line20'] as const;

function ratePercent(rate: string): string {
  return `${dec(rate).times(100).toFixed(0)}%`;
}

/** 增值税: output and input VAT by month and rate, the monthly return's lines reconciled with the VAT accounts, and the invoices' Golden Tax fields. */
export default function VatPage() {
  const t = useT();
  const [params, setParam] = useSearchParam();
  const from = params.get('from') ? dayjs(`${params.get('from')}-01`) : companyToday().startOf('month');
  let to = params.get('to') ? dayjs(`${params.get('to')}-01`) : from;
  // One report covers months of one year.
  if (to.year() !== from.year() || to.isBefore(from)) to = from;
  const variables = { year: from.year(), fromMonth: from.month() + 1, toMonth: to.month() + 1 };
  const [{ data, error, fetching }] = useQuery({ query: VatReportQuery, variables });
  const range = { from: isoDate(from.startOf('month')), to: isoDate(to.endOf('month')) };
  const [invoices, refetchInvoices] = useQuery({ query: VatInvoicesQuery, variables: range, requestPolicy: 'cache-and-network' });
  const report = data?.vatReport;

  const rateRows: RateRow[] = useMemo(
    () => (report?.months ?? []).flatMap((m) => m.rates.map((r) => ({ ...r, key: `${yearMonth(m)}-${r.rate}`, month: yearMonth(m) }))),
    [report],
  );

  function setRange(v: [Dayjs | null, Dayjs | null] | null) {
    setParam('from', v?.[0]?.format('YYYY-MM'));
    setParam('to', v?.[1]?.format('YYYY-MM'));
  }

  const money = (k: keyof VatRateFiguresFieldsFragment, testId?: (r: RateRow) => string) => ({
    align: 'right' as const,
    render: (_: unknown, r: RateRow) => <Amount value={r[k]} testId={testId?.(r)} />,
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Toolbar>
          <Space wrap>
            <span>{t('vat.months')}</span>
            <DatePicker.RangePicker picker="month" allowClear={false} value={[from, to]} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} data-testid="vat-range" />
            {report &&
              (report.reconciled ? (
                <Tag color="green" data-testid="vat-reconciled">
                  {t('vat.reconciled')}
                </Tag>
              ) : (
                <Tag color="red" data-testid="vat-not-reconciled">
                  {t('vat.notReconciled')}
                </Tag>
              ))}
          </Space>
        </Toolbar>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t('vat.rule')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('vat.byMonthAndRate')}</Typography.Title>
        <Table<RateRow>
          size="small"
          rowKey="key"
          pagination={false}
          loading={fetching && !data}
          dataSource={rateRows}
          data-testid="vat-rates-table"
          columns={[
            { title: t('vat.month'), dataIndex: 'month' },
            { title: t('vat.rate'), render: (_, r) => ratePercent(r.rate) },
            { title: t('vat.outputNet'), ...money('outputNet') },
            { title: t('vat.outputVat'), ...money('outputVat', (r) => `vat-output-${r.month}-${ratePercent(r.rate)}`) },
            { title: t('vat.inputNet'), ...money('inputNet') },
            { title: t('vat.inputVat'), ...money('inputVat') },
            { title: t('vat.nonDeductible'), ...money('nonDeductibleVat') },
          ]}
          summary={() =>
            report && (
              <Table.Summary fixed>
                {report.rates.map((r) => (
                  <Table.Summary.Row key={r.rate}>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('vat.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{ratePercent(r.rate)}</Table.Summary.Cell>
                    {(['outputNet', 'outputVat', 'inputNet', 'inputVat', 'nonDeductibleVat'] as const).map((k, i) => (
                      <Table.Summary.Cell key={k} index={i + 2} align="right">
                        <Amount value={r[k]} strong />
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                ))}
              </Table.Summary>
            )
          }
        />
      </Card>
      <Card title={t('vat.return')} data-testid="vat-return">
        <ReturnTable months={report?.months ?? []} />
      </Card>
      <Card title={t('vat.invoiceInfo')}>
        <Alert type="info" showIcon title={t('vat.outOfScope')} style={{ marginBottom: 12 }} />
        {invoices.error && <Alert type="error" showIcon title={invoices.error.message} style={{ marginBottom: 12 }} />}
        <Tabs
          items={[
            {
              key: 'sales',
              label: `${t('vat.salesInvoices')} (${invoices.data?.salesInvoices.totalCount ?? 0})`,
              children: (
                <Table<SalesRow>
                  size="small"
                  rowKey="id"
                  loading={invoices.fetching && !invoices.data}
                  dataSource={invoices.data?.salesInvoices.nodes ?? []}
                  pagination={{ pageSize: 20 }}
                  data-testid="vat-sales-invoices"
                  onRow={(i) => ({ 'data-testid': `vat-sinv-${i.number}` }) as object}
                  columns={[
                    { title: t('vat.document'), dataIndex: 'number' },
                    { title: t('vat.partner'), render: (_, i) => `${i.customer.code} ${i.customer.name}` },
                    { title: t('vat.date'), dataIndex: 'postingDate' },
                    { title: t('vat.net'), align: 'right', render: (_, i) => <Amount value={i.netAmount} /> },
                    { title: t('vat.tax'), align: 'right', render: (_, i) => <Amount value={i.vatAmount} /> },
                    { title: t('vat.invoiceNumber'), render: (_, i) => <VatInvoiceCell info={i.vatInvoice} /> },
                    { title: t('vat.buyerTaxId'), render: (_, i) => i.vatInvoice.buyerTaxId ?? '' },
                    { title: t('vat.issueDate'), render: (_, i) => i.vatInvoice.issueDate ?? '' },
                    {
                      title: '',
                      render: (_, i) => (
                        <VatInvoiceEditButton target={{ kind: 'sales', id: i.id, number: i.number, vatInvoice: i.vatInvoice }} onSaved={() => refetchInvoices({ requestPolicy: 'network-only' })} />
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'supplier',
              label: `${t('vat.supplierInvoices')} (${invoices.data?.supplierInvoices.totalCount ?? 0})`,
              children: (
                <Table<SupplierRow>
                  size="small"
                  rowKey="id"
                  loading={invoices.fetching && !invoices.data}
                  dataSource={invoices.data?.supplierInvoices.nodes ?? []}
                  pagination={{ pageSize: 20 }}
                  data-testid="vat-supplier-invoices"
                  onRow={(i) => ({ 'data-testid': `vat-pinv-${i.number}` }) as object}
                  columns={[
                    { title: t('vat.document'), render: (_, i) => `${i.number} (${i.supplierInvoiceNumber})` },
                    { title: t('vat.partner'), render: (_, i) => `${i.supplier.code} ${i.supplier.name}` },
                    { title: t('vat.date'), dataIndex: 'invoiceDate' },
                    { title: t('vat.net'), align: 'right', render: (_, i) => <Amount value={i.netAmount} /> },
                    { title: t('vat.tax'), align: 'right', render: (_, i) => <Amount value={i.taxAmount} /> },
                    { title: t('vat.invoiceNumber'), render: (_, i) => <VatInvoiceCell info={i.vatInvoice} /> },
                    { title: t('vat.deductible'), render: (_, i) => (i.vatInvoice.deductible ? <Tag color="green">{t('vat.deductible')}</Tag> : <Tag>{t('vat.notDeductible')}</Tag>) },
                    { title: t('vat.issueDate'), render: (_, i) => i.vatInvoice.issueDate ?? '' },
                    {
                      title: '',
                      render: (_, i) => (
                        <VatInvoiceEditButton target={{ kind: 'supplier', id: i.id, number: i.number, vatInvoice: i.vatInvoice }} onSaved={() => refetchInvoices({ requestPolicy: 'network-only' })} />
                      ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

type ReturnRow = { key: string; no: string; label: string; values: (string | null)[]; reconciled?: boolean[] };

/** The return's lines down, the months across; then the VAT accounts' movement to reconcile with. */
function ReturnTable({ months }: { months: readonly Month[] }) {
  const t = useT();
  const rows: ReturnRow[] = [
    ...RETURN_LINES.map((l) => ({ key: l, no: l.slice(4), label: t(`vat.${l}` as MessageKey), values: months.map((m) => m.return[l]) })),
    { key: 'ledgerOutput', no: '', label: t('vat.ledgerOutput'), values: months.map((m) => m.ledgerOutputVat) },
    { key: 'ledgerInput', no: '', label: t('vat.ledgerInput'), values: months.map((m) => m.ledgerInputVat) },
  ];
  return (
    <Table<ReturnRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="vat-return-table"
      onRow={(r) => ({ 'data-testid': `vat-return-${r.key}` }) as object}
      columns={[
        { title: t('vat.item'), render: (_, r) => r.label },
        { title: t('vat.lineNo'), dataIndex: 'no', width: 60 },
        ...months.map((m, i) => ({
          title: (
            <Space size={4}>
              {yearMonth(m)}
              <Tag color={m.reconciled ? 'green' : 'red'}>{m.reconciled ? t('vat.reconciled') : t('vat.notReconciled')}</Tag>
            </Space>
          ),
          key: yearMonth(m),
          align: 'right' as const,
          render: (_: unknown, r: ReturnRow) => <Amount value={r.values[i]} strong={r.key === 'line19'} testId={`vat-${r.key}-${yearMonth(m)}`} />,
        })),
      ]}
    />
  );
}
