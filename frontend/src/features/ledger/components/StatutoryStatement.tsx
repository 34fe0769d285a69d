import { Link } from 'react-router';
import { Button, Popover, Table } from 'antd';
import { PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { Amount } from '../../../components/Amount';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { dec } from '../../../lib/decimal';
import { useLocale, useLocalName, useT } from '../../../i18n';
import './statements.css';

/** One account's share of a line, in the two columns of the form. */
export interface StatutoryAccount {
  account: { code: string; name: string; nameEn: string };
  first: string;
  second: string;
}

/** A line of a statutory form with its two columns. */
export interface StatutoryRow {
  key: string;
  lineNo: number | null | undefined;
  labelZh: string;
  labelEn: string;
  kind: string;
  indent: number;
  first: string;
  second: string;
  accounts: StatutoryAccount[];
}

/** A column of the form: its title, and the months (YYYY-MM) the ledger shows for its figures. */
export interface StatutoryColumn {
  title: string;
  ledgerFrom: string;
  ledgerTo: string;
}

/** The ledger page of an account over months (YYYY-MM), where a statement's figure drills to. */
export function ledgerLink(code: string, from: string, to: string): string {
  return `/finance/ledger?${new URLSearchParams({ account: code, from, to })}`;
}

/** A line's figure; with mapped accounts it opens a popover of their shares, each linking to its ledger. */
function DrillAmount({ row, which, column, testId }: { row: StatutoryRow; which: 'first' | 'second'; column: StatutoryColumn; testId: string }) {
  const t = useT();
  const localName = useLocalName();
  const value = row[which];
  const accounts = row.accounts.filter((a) => !dec(a[which]).eq(0));
  const strong = row.kind === 'TOTAL' || row.kind === 'SUBTOTAL';
  if (row.kind !== 'ACCOUNTS' || accounts.length === 0) {
    return <Amount value={value} strong={strong} testId={testId} />;
  }
  const content = (
    <Table<StatutoryAccount>
      size="small"
      pagination={false}
      rowKey={(a) => a.account.code}
      dataSource={accounts}
      data-testid="stmt-drill"
      columns={[
        {
          title: t('stmt.drill.account'),
          render: (_, a) => (
            <Link to={ledgerLink(a.account.code, column.ledgerFrom, column.ledgerTo)} data-testid={`stmt-drill-account-${a.account.code}`}>
              {a.account.code} {localName(a.account)}
            </Link>
          ),
        },
        { title: column.title, align: 'right', render: (_, a) => <Amount value={a[which]} /> },
      ]}
    />
  );
  return (
    <Popover trigger="click" title={t('stmt.drill.title', { line: row.lineNo ?? '' })} content={content}>
      <span className="stmt-drill-amount" role="button" tabIndex={0} data-testid={testId}>
        <Amount value={value} strong={strong} />
      </span>
    </Popover>
  );
}

/** A statutory form as a table: 行次, 项目 and two columns of figures. */
export function StatutoryTable({ rows, columns, itemTitle, testId }: { rows: StatutoryRow[]; columns: [StatutoryColumn, StatutoryColumn]; itemTitle: string; testId: string }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Table<StatutoryRow>
      className="statutory-form"
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => r.key}
      dataSource={rows}
      data-testid={testId}
      rowClassName={(r) => (r.kind === 'HEADING' ? 'stmt-heading' : r.kind === 'TOTAL' || r.kind === 'SUBTOTAL' ? 'stmt-total' : '')}
      onRow={(r) => ({ 'data-testid': r.lineNo ? `${testId}-line-${r.lineNo}` : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: itemTitle,
          render: (_, r) => <span style={{ paddingLeft: r.indent * 16 }}>{locale === 'en' ? r.labelEn : r.labelZh}</span>,
        },
        { title: t('stmt.lineNo'), width: 56, className: 'stmt-line-no', render: (_, r) => r.lineNo ?? '' },
        ...(['first', 'second'] as const).map((which, i) => ({
          title: columns[i].title,
          align: 'right' as const,
          width: 150,
          render: (_: unknown, r: StatutoryRow) =>
            r.kind === 'HEADING' ? null : <DrillAmount row={r} which={which} column={columns[i]} testId={`${testId}-${which}-${r.lineNo}`} />,
        })),
      ]}
    />
  );
}

/** 打印: the browser's print of the form alone (see statements.css). */
export function PrintButton() {
  const t = useT();
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="stmt-print">
      {t('stmt.print')}
    </Button>
  );
}

/** 报表项目设置: the link from a statutory form to the editor of its lines' account mapping. */
export function MappingLink({ form }: { form: 'BALANCE_SHEET' | 'INCOME_STATEMENT' }) {
  const t = useT();
  const to = form === 'BALANCE_SHEET' ? '/finance/statement-mapping' : `/finance/statement-mapping?${new URLSearchParams({ form })}`;
  return (
    <Link to={to} data-testid="stmt-mapping-link">
      <SettingOutlined /> {t('stmt.mappingLink')}
    </Link>
  );
}

/** The form's heading on paper: its name, number, company and period. */
export function PrintTitle({ title, formNo, period }: { title: string; formNo: string; period: string }) {
  return (
    <div className="stmt-print-title">
      <h2>{title}</h2>
      <div>
        {formNo} · {period}
      </div>
    </div>
  );
}

/** The form's export: one row per line with 行次, 项目 and the two columns, as shown. */
export function StatutoryExportButton({ fileName, rows, columns }: { fileName: string; rows: StatutoryRow[]; columns: [StatutoryColumn, StatutoryColumn] }) {
  const t = useT();
  const [locale] = useLocale();
  const data = rows.filter((r) => r.kind !== 'HEADING');
  return (
    <ExportButton<StatutoryRow>
      fileName={fileName}
      fetchRows={loadedRows(data)}
      columns={[
        { header: t('stmt.item'), value: (r) => (locale === 'en' ? r.labelEn : r.labelZh), width: 36 },
        { header: t('stmt.lineNo'), value: (r) => String(r.lineNo ?? '') },
        { header: columns[0].title, value: (r) => ({ decimal: r.first, format: 'money' as const }) },
        { header: columns[1].title, value: (r) => ({ decimal: r.second, format: 'money' as const }) },
      ]}
    />
  );
}
