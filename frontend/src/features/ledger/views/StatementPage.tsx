import { useCompanyName } from '../../settings/useCompanyName';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Card, DatePicker, Descriptions, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CustomerStatementQuery, SupplierStatementQuery } from '../../partner/queries';
import { StatementTable } from '../../partner/components/StatementOfAccount';
import { CustomerSelect } from '../../sales/components/common';
import { SupplierSelect } from '../../purchasing/components/common';
import { Toolbar } from '../../../components/Toolbar';
import { useT } from '../../../i18n';
import { companyToday, isoDate } from '../../../lib/date';

type Kind = 'customer' | 'supplier';

/**
 * 对账单: a customer's or supplier's statement of account for a period, laid
 * out to print (company, partner, period, the postings with their document
 * numbers and running balance, signature lines); the app's menu and header
 * do not print.
 */
export default function StatementPage() {
  const t = useT();
  const company = useCompanyName();
  const [params, setSearchParams] = useSearchParams();
  const kind: Kind = params.get('kind') === 'supplier' ? 'supplier' : 'customer';
  const id = params.get('id') ?? '';
  const from = params.get('from') ?? isoDate(companyToday().startOf('month'));
  const to = params.get('to') ?? isoDate(companyToday());
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearchParams(next);
  };
  const variables = { id, from, to };
  const [customer] = useQuery({ query: CustomerStatementQuery, variables, pause: kind !== 'customer' || !id });
  const [supplier] = useQuery({ query: SupplierStatementQuery, variables, pause: kind !== 'supplier' || !id });
  const res = kind === 'customer' ? customer : supplier;
  const s = kind === 'customer' ? customer.data?.customer?.statement : supplier.data?.supplier?.statement;

  return (
    <Card>
      <Toolbar>
        <Space wrap className="no-print">
          <Select<Kind>
            style={{ width: 110 }}
            value={kind}
            onChange={(v) => set({ kind: v, id: null })}
            options={(['customer', 'supplier'] as const).map((k) => ({ value: k, label: t(`statement.kind.${k}`) }))}
            data-testid="statement-kind"
          />
          {kind === 'customer' ? (
            <CustomerSelect style={{ width: 260 }} value={id || undefined} onChange={(v) => set({ id: v })} placeholder={t('statement.choose')} includeInactive />
          ) : (
            <SupplierSelect style={{ width: 260 }} value={id || undefined} onChange={(v) => set({ id: v })} placeholder={t('statement.choose')} includeInactive />
          )}
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && set({ from: isoDate(v[0]), to: isoDate(v[1]) })}
          />
        </Space>
        <Button className="no-print" type="primary" icon={<PrinterOutlined />} disabled={!s} onClick={() => window.print()} data-testid="statement-print">
          {t('statement.print')}
        </Button>
      </Toolbar>
      {res.error && <Alert type="error" showIcon title={res.error.message} />}
      {!id && <Alert type="info" showIcon title={t('statement.choose')} className="no-print" />}
      {id && (
        <div className="statement-sheet" data-testid="statement-sheet">
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            {company || t('app.name')} {t('statement.title')}
          </Typography.Title>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('statement.company')}>
              <span data-testid="statement-company">{company || t('app.name')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(`statement.kind.${kind}`)}>
              <span data-testid="statement-partner">{s ? `${s.code} ${s.name}` : ''}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('statement.period')}>
              {from} ~ {to}
            </Descriptions.Item>
          </Descriptions>
          <StatementTable s={s} loading={res.fetching} />
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('statement.note')}</Typography.Paragraph>
          <div className="statement-signatures" data-testid="statement-signatures">
            <span>{t('statement.preparedBy')}</span>
            <span>{t('statement.checkedBy')}</span>
            <span>{t('statement.confirm')}</span>
            <span>{t('statement.signDate')}</span>
          </div>
        </div>
      )}
    </Card>
  );
}
