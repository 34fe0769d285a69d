import { DocumentLink } from '../../../components/DocumentLink';
import { useCompanyName } from '../../settings/useCompanyName';
import { useState, type ReactNode } from 'react';
import { Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { VoucherFieldsFragment } from '../../../gql/graphql';
import { Amount } from '../../../components/Amount';
import { chineseAmount } from '../../../lib/chineseAmount';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import './voucher.css';

type Line = VoucherFieldsFragment['lines'][number];
type Doc = NonNullable<VoucherFieldsFragment['source']['document']>;

/** An account as the chart names it, for the sub-account path. */
export interface ChartAccount {
  code: string;
  name: string;
  nameEn?: string | null;
  parentCode?: string | null;
}

/** "2221.01.01 应交税费/应交增值税/进项税额": the code and the names from the top of the chart down. */
export function accountPath(code: string, chart: ReadonlyMap<string, ChartAccount>, localName: (a: ChartAccount) => string, fallback: ChartAccount): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let a: ChartAccount | undefined = chart.get(code) ?? fallback; a && !seen.has(a.code); a = a.parentCode ? chart.get(a.parentCode) : undefined) {
    seen.add(a.code);
    names.unshift(localName(a));
  }
  return `${code} ${names.join('/')}`;
}

/**
 * One 记账凭证 in the familiar layout: title, 凭证字号, 日期, 附单据数, the
 * lines (摘要 | 科目 | 借方 | 贷方), 合计 with the amount in capital
 * numerals, and 制单 / 审核 / 记账. Entries post when they are made, so the
 * poster is the preparer (系统 for system postings).
 */
export function Voucher({ voucher, chart }: { voucher: VoucherFieldsFragment; chart: ReadonlyMap<string, ChartAccount> }) {
  const t = useT();
  const localName = useLocalName();
  const company = useCompanyName();
  const [doc, setDoc] = useState<Doc | null>(null);
  const person = (u: { displayName: string; username: string } | null | undefined) => (u ? u.displayName || u.username : '');
  const maker = voucher.createdBy ? person(voucher.createdBy) : t('voucher.system');
  const source = voucher.source;
  const ownDocument = source.type === 'MANUAL_ENTRY' || (source.type === 'CLOSING' && source.document?.__typename === 'JournalEntry' && source.document.id === voucher.id);
  return (
    <div className="voucher" data-testid={`voucher-${voucher.id}`}>
      <Typography.Title level={3} className="voucher-title" data-testid="voucher-title">
        {t('voucher.title')}
      </Typography.Title>
      <div className="voucher-head">
        {company && (
          <span>
            {t('voucher.company')}: <span data-testid="voucher-company">{company}</span>
          </span>
        )}
        <span>
          {t('voucher.no')}: <strong data-testid="voucher-no">{voucher.voucherNo}</strong>
        </span>
        <span>
          {t('voucher.date')}: <span data-testid="voucher-date">{voucher.postingDate}</span>
        </span>
        <span>
          {t('voucher.attachments')}: <span data-testid="voucher-attachments">{t('voucher.attachmentsCount', { n: String(voucher.attachments) })}</span>
        </span>
      </div>
      {!ownDocument && source.number && (
        <div className="voucher-source">
          {t('voucher.source')}: {enumLabel(t, 'source', source.type)}{' '}
          {source.document ? (
            <Button type="link" size="small" className="voucher-source-link" onClick={() => setDoc(source.document ?? null)} data-testid="voucher-source-link">
              {source.number}
            </Button>
          ) : (
            <span data-testid="voucher-source-number">{source.number}</span>
          )}{' '}
          <span className="no-print">
            <DocumentLink kind={source.type} number={source.number} testId="voucher-source-page">
              {t('pdoc.openPage')}
            </DocumentLink>
          </span>
        </div>
      )}
      <Table<Line>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={voucher.lines}
        className="voucher-lines"
        data-testid="voucher-lines"
        columns={[
          { title: t('voucher.summary'), render: (_, l) => l.description || voucher.description },
          { title: t('voucher.account'), render: (_, l) => accountPath(l.account.code, chart, localName, l.account) },
          { title: t('voucher.debit'), align: 'right', width: 140, render: (_, l) => (l.debit !== '0' && l.debit !== '0.00' ? <Amount value={l.debit} /> : '') },
          { title: t('voucher.credit'), align: 'right', width: 140, render: (_, l) => (l.credit !== '0' && l.credit !== '0.00' ? <Amount value={l.credit} /> : '') },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t('voucher.total')}</strong> <span className="voucher-words">{t('voucher.inWords')}: </span>
              <span data-testid="voucher-total-words">{chineseAmount(voucher.totalDebit)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span data-testid="voucher-total-debit">
                <Amount value={voucher.totalDebit} strong />
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Amount value={voucher.totalDebit} strong />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <div className="voucher-foot" title={t('voucher.posterHint')}>
        <span>
          {t('voucher.poster')}: <span data-testid="voucher-poster">{maker}</span>
        </span>
        <span>
          {t('voucher.reviewer')}: <span data-testid="voucher-reviewer">{person(voucher.reviewedBy)}</span>
        </span>
        <span>
          {t('voucher.maker')}: <span data-testid="voucher-maker">{maker}</span>
        </span>
      </div>
      <SourceDocumentModal doc={doc} kind={enumLabel(t, 'source', source.type)} onClose={() => setDoc(null)} />
    </div>
  );
}

/** The business document behind a voucher, opened from its number. */
function SourceDocumentModal({ doc, kind, onClose }: { doc: Doc | null; kind: string; onClose: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const items: { label: string; value: ReactNode }[] = [];
  let title = '';
  let lines: ReactNode = null;
  if (doc) {
    const add = (label: string, value: ReactNode) => items.push({ label, value });
    const party = (p: { code: string; name: string } | null | undefined) => (p ? `${p.code} ${p.name}` : '');
    switch (doc.__typename) {
      case 'GoodsReceipt':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.receiptDate);
        add(t('voucher.party'), party(doc.purchaseOrder.supplier));
        add(t('voucher.order'), doc.purchaseOrder.number);
        add(t('voucher.warehouse'), doc.warehouse.name);
        lines = (
          <Table
            rowKey="lineNo"
            size="small"
            pagination={false}
            dataSource={doc.lines}
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 40 },
              { title: t('stock.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
              { title: t('voucher.quantity'), align: 'right', render: (_, l) => formatQty(l.acceptedQuantity) },
              { title: t('voucher.value'), align: 'right', render: (_, l) => formatMoney(l.value) },
            ]}
          />
        );
        break;
      case 'SupplierInvoice':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.invoiceDate);
        add(t('voucher.party'), party(doc.supplier));
        add(t('voucher.value'), formatMoney(doc.totalAmount));
        break;
      case 'SupplierPayment':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.paymentDate);
        add(t('voucher.party'), party(doc.supplier));
        add(t('voucher.value'), formatMoney(doc.amount));
        break;
      case 'LandedCost':
      case 'OperatingCost':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.postingDate);
        add(t('voucher.value'), formatMoney(doc.amount));
        add(t('voucher.summary'), doc.description);
        break;
      case 'Shipment':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.shippedOn ?? '');
        add(t('voucher.party'), party(doc.customer));
        break;
      case 'SalesInvoice':
      case 'SalesReturn':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.postingDate);
        add(t('voucher.party'), party(doc.customer));
        add(t('voucher.value'), formatMoney(doc.totalAmount));
        break;
      case 'CustomerPayment':
      case 'CustomerRefund':
        title = `${kind} ${doc.number}`;
        add(t('voucher.date'), doc.postingDate);
        add(t('voucher.party'), party(doc.customer));
        add(t('voucher.value'), formatMoney(doc.amount));
        break;
      case 'StockDocument':
        title = kind;
        add(t('voucher.date'), doc.postingDate);
        add(t('voucher.summary'), doc.description);
        break;
      case 'JournalEntry':
        title = `${t('voucher.title')} ${doc.voucherNo}`;
        add(t('voucher.date'), doc.postingDate);
        add(t('voucher.summary'), doc.description);
        break;
    }
  }
  return (
    <Modal open={!!doc} title={<span data-testid="source-document-title">{title}</span>} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <div data-testid="source-document">
        <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
          {items.map((i) => (
            <Descriptions.Item key={i.label} label={i.label}>
              {i.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {lines}
      </div>
    </Modal>
  );
}
