import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { VoucherFieldsFragment } from '../../../gql/graphql';
import { AccountsQuery, VoucherByNumberQuery, VouchersQuery } from '../queries';
import { Voucher, type ChartAccount } from '../components/Voucher';
import { useT } from '../../../i18n';

/**
 * /finance/vouchers/:id — one voucher (记账凭证) by its voucher number
 * (记-2026-11-0001, how links name it), or by id, or several (ids joined by
 * commas, as the journal's "print selected" opens them), printed one a page.
 */
export default function VoucherPage() {
  const t = useT();
  const { id = '' } = useParams();
  const byIds = /^\d+(,\d+)*$/.test(id);
  const ids = useMemo(() => (byIds ? id.split(',').slice(0, 200) : []), [id, byIds]);
  const [byIdResult] = useQuery({ query: VouchersQuery, variables: { nodeIds: ids.map((i) => `JournalEntry:${i}`) }, pause: !byIds });
  const [byNumber] = useQuery({ query: VoucherByNumberQuery, variables: { voucherNo: id }, pause: byIds || !id });
  const { data: idData, error, fetching } = byIds ? byIdResult : { ...byNumber, data: undefined };
  const data = byIds ? idData : byNumber.data ? { nodes: byNumber.data.journalEntry ? [byNumber.data.journalEntry] : [] } : undefined;
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: {} });
  const chart = useMemo(() => new Map<string, ChartAccount>((accts?.accounts ?? []).map((a) => [a.code, a])), [accts]);
  const vouchers = (data?.nodes ?? []).filter((n): n is VoucherFieldsFragment & { __typename?: 'JournalEntry' } => !!n && 'voucherNo' in n);
  return (
    <Card>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to="/finance/journal">
          <Button icon={<ArrowLeftOutlined />}>{t('voucher.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={vouchers.length === 0} data-testid="voucher-print">
          {t('voucher.print')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} className="no-print" />}
      {fetching && !data && <Spin />}
      {data && vouchers.length === 0 && <Alert type="warning" showIcon title={t('voucher.notFound')} className="no-print" data-testid="voucher-not-found" />}
      {vouchers.map((v) => (
        <Voucher key={v.id} voucher={v} chart={chart} />
      ))}
    </Card>
  );
}
