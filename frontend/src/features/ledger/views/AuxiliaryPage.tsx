import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Card, DatePicker, Drawer, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuxiliaryBalancesQuery as BalancesResult, AuxiliaryLedgerQuery as LedgerResult, BalanceSide, Dimension } from '../../../gql/graphql';
import { AccountsQuery, AuxiliaryBalancesQuery, AuxiliaryLedgerQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { TotalsRow } from '../../../components/TotalsRow';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { DIMENSIONS } from '../components/AccountDialog';

type Row = BalancesResult['auxiliaryBalances']['rows'][number];
type Line = NonNullable<LedgerResult['auxiliaryLedger']>['lines']['nodes'][number];

/** A balance with the side it stands on (借/贷/平), as account books print it. */
function SideAmount({ value, side, testId }: { value: string; side: BalanceSide; testId?: string }) {
  const t = useT();
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t(`side.${side}`)}</Typography.Text>
      <Amount value={value.replace(/^-/, '')} testId={testId} />
    </Space>
  );
}

/** The ledger of one dimension value (往来明细账 for a customer on 1122): opening, lines with running balance, closing. */
function DimensionLedger({ accountCode, dimension, valueId, value, from, to }: { accountCode: string; dimension: Dimension; valueId?: string; value?: string; from: string; to: string }) {
  const t = useT();
  const [{ data, error, fetching }] = useQuery({
    query: AuxiliaryLedgerQuery,
    variables: { accountCode, dimension, valueId: valueId || null, value: value || null, from, to, first: 200 },
  });
  const l = data?.auxiliaryLedger;
  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<Line>
        size="small"
        rowKey={(r) => `${r.entryId}-${r.voucherNo}-${r.balance}-${r.date}`}
        loading={fetching}
        pagination={false}
        dataSource={l?.lines.nodes ?? []}
        data-testid="aux-ledger"
        title={() => l && <Typography.Text>{t('aux.opening')} <Amount value={l.opening} strong testId="aux-ledger-opening" /></Typography.Text>}
        columns={[
          { title: t('aux.date'), width: 110, render: (_, r) => r.date },
          { title: t('aux.voucher'), width: 150, render: (_, r) => <Link to={`/finance/journal?entry=${r.entryId}`}>{r.voucherNo}</Link> },
          { title: t('aux.document'), render: (_, r) => `${enumLabel(t, 'source', r.source.type)} ${r.source.number ?? ''}` },
          { title: t('aux.description'), render: (_, r) => r.description },
          { title: t('ledger.debit'), align: 'right', render: (_, r) => <Amount value={r.debit} /> },
          { title: t('ledger.credit'), align: 'right', render: (_, r) => <Amount value={r.credit} /> },
          { title: t('aux.balance'), align: 'right', render: (_, r) => <Amount value={r.balance} /> },
        ]}
        summary={() => (l ? <TotalsRow label={<strong>{t('aux.closing')}</strong>} span={6} cells={[<Amount value={l.closing} strong testId="aux-ledger-closing" />]} /> : null)}
      />
    </>
  );
}

/**
 * 辅助核算余额表: an account's opening, debits, credits and closing per
 * customer, supplier, department, product, warehouse or salesperson over a
 * period; a row opens that value's ledger.
 */
export default function AuxiliaryPage() {
  const t = useT();
  const localName = useLocalName();
  const [params, setSearchParams] = useSearchParams();
  /** Sets several search params at once (a value sets one, null removes it). */
  const setParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearchParams(next);
  };
  const setParam = (k: string, v: string | null) => setParams({ [k]: v });
  const accountCode = params.get('account') ?? '1122';
  const dimension = (params.get('dimension') as Dimension | null) ?? 'CUSTOMER';
  const from = params.get('from') ?? isoDate(companyToday().startOf('month'));
  const to = params.get('to') ?? isoDate(companyToday());
  const openValueId = params.get('valueId') ?? undefined;
  const openValue = params.get('value') ?? undefined;
  const open = params.has('valueId') || params.has('value') || params.get('none') === '1';

  const [accounts] = useQuery({ query: AccountsQuery, variables: {} });
  const [{ data, error, fetching }] = useQuery({ query: AuxiliaryBalancesQuery, variables: { accountCode, dimension, from, to } });
  const b = data?.auxiliaryBalances;
  const accountOptions = useMemo(
    () => (accounts.data?.accounts ?? []).filter((a) => a.active).map((a) => ({ value: a.code, label: `${a.code} ${localName(a)}` })),
    [accounts.data, localName],
  );
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];
  const openRow = (r: Row) => setParams({ none: r.code ? null : '1', valueId: r.valueId ?? null, value: r.valueId ? null : r.code || null });
  const closeLedger = () => setParams({ valueId: null, value: null, none: null });
  const openName = b?.rows.find((r) => (openValueId ? r.valueId === openValueId : r.code === (openValue ?? '')));

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <span>{t('aux.account')}</span>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} value={accountCode} onChange={(v) => setParam('account', v)} options={accountOptions} data-testid="aux-account" />
          <span>{t('aux.dimension')}</span>
          <Select style={{ width: 120 }} value={dimension} onChange={(v) => setParam('dimension', v)} options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))} data-testid="aux-dimension" />
          <span>{t('aux.period')}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setParams({ from: isoDate(v[0]), to: isoDate(v[1]) });
            }}
            data-testid="aux-range"
          />
        </Space>
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        size="small"
        rowKey={(r) => r.valueId ?? `v:${r.code}`}
        loading={fetching}
        pagination={false}
        dataSource={b?.rows ?? []}
        data-testid="aux-balances"
        columns={[
          {
            title: t(`dimension.${dimension}`),
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => openRow(r)} data-testid={`aux-row-${r.code || 'none'}`}>
                {r.code || t('aux.none')}
              </Button>
            ),
          },
          { title: t('aux.name'), render: (_, r) => r.name },
          { title: t('aux.opening'), align: 'right', render: (_, r) => <SideAmount value={r.opening} side={r.openingSide} /> },
          { title: t('aux.debit'), align: 'right', render: (_, r) => <Amount value={r.debit} /> },
          { title: t('aux.credit'), align: 'right', render: (_, r) => <Amount value={r.credit} /> },
          { title: t('aux.closing'), align: 'right', render: (_, r) => <SideAmount value={r.closing} side={r.closingSide} /> },
        ]}
        summary={() =>
          b ? (
            <TotalsRow
              label={<strong>{t('aux.total')}</strong>}
              span={2}
              cells={[<Amount value={b.opening} strong />, <Amount value={b.debit} strong />, <Amount value={b.credit} strong />, <Amount value={b.closing} strong testId="aux-total-closing" />]}
            />
          ) : null
        }
      />
      <Drawer
        open={open}
        onClose={closeLedger}
        size={900}
        title={t('aux.ledgerOf', { value: `${accountCode} · ${openName ? `${openName.code} ${openName.name}` : t('aux.none')}` })}
        destroyOnHidden
      >
        {open && <DimensionLedger accountCode={accountCode} dimension={dimension} valueId={openValueId} value={openValue} from={from} to={to} />}
      </Drawer>
    </Card>
  );
}
