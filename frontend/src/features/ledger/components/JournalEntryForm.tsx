import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { AccountsQuery } from '../queries';
import { PostJournalEntryMutation } from '../mutations';
import { accountLabel } from '../accountLabel';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { LinesTable, lineColumn } from '../../../components/lineColumn';
import { TotalsRow } from '../../../components/TotalsRow';
import { applyUserErrors } from '../../../graphql/userErrors';
import { formatMoney, sumDecimals } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { optionalText } from '../../../lib/text';
import { CustomerSelect } from '../../sales/components/common';
import { SupplierSelect } from '../../purchasing/components/common';

interface LineForm {
  accountCode?: string;
  debit?: string;
  credit?: string;
  costCentre?: string;
  partner?: string;
  customerId?: string;
  supplierId?: string;
  description?: string;
}

interface EntryForm {
  postingDate?: Dayjs | null;
  description: string;
  attachments?: number | null;
  lines: LineForm[];
}

/**
 * A manual journal entry. Totals and the difference show as you type; the
 * server decides (it also refuses control accounts and closed periods), and
 * its userErrors land on the line fields (input.lines.1.debit).
 */
export function JournalEntryForm({ open, onClose, onPosted }: { open: boolean; onClose: () => void; onPosted: (id: string) => void }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, post] = useMutation(PostJournalEntryMutation);
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: { filter: { active: true } }, pause: !open });
  const lines = Form.useWatch('lines', form) ?? [];
  const totalDebit = sumDecimals(lines.map((l) => (l?.debit && /^\d+(\.\d+)?$/.test(l.debit) ? l.debit : '0')));
  const totalCredit = sumDecimals(lines.map((l) => (l?.credit && /^\d+(\.\d+)?$/.test(l.credit) ? l.credit : '0')));
  const diff = totalDebit.minus(totalCredit);

  const accountOptions = useMemo(
    () =>
      (accts?.accounts ?? [])
        .filter((a) => !a.header && a.manualPosting && a.active)
        .map((a) => ({ value: a.code, label: accountLabel(a, localName) })),
    [accts, localName],
  );

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await post({
      input: {
        postingDate: isoDate(v.postingDate),
        description: v.description.trim(),
        attachments: v.attachments ?? undefined,
        lines: v.lines.map((l) => ({
          accountCode: l.accountCode ?? '',
          debit: optionalText(l.debit),
          credit: optionalText(l.credit),
          costCentre: optionalText(l.costCentre),
          partner: optionalText(l.partner),
          customerId: l.customerId || null,
          supplierId: l.supplierId || null,
          description: optionalText(l.description),
        })),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postJournalEntry;
    if (p?.entry) {
      message.success(t('journal.posted', { no: p.entry.voucherNo }));
      form.resetFields();
      onPosted(p.entry.id);
      return;
    }
    setGeneral(applyUserErrors(form, p?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Drawer
      open={open}
      size={1100}
      title={t('journal.new')}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={fetching} onClick={submit} data-testid="je-submit">
            {t('journal.post')}
          </Button>
        </Space>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="je-errors" />}
      <Form<EntryForm> form={form} layout="vertical" initialValues={{ postingDate: companyToday(), lines: [{}, {}] }} data-testid="je-form">
        <Space align="start" wrap>
          <Form.Item name="postingDate" label={t('common.postingDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label={t('common.description')} rules={[{ required: true, message: t('common.required') }]} style={{ width: 560 }}>
            <Input autoComplete="off" data-testid="je-description" />
          </Form.Item>
          <Form.Item name="attachments" label={t('voucher.attachments')}>
            <InputNumber min={0} max={999} precision={0} style={{ width: 100 }} data-testid="je-attachments" />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              <LinesTable
                fields={fields}
                columns={[
                  { title: '#', width: 36, render: (_, __, i) => i + 1 },
                  lineColumn(
                    t('ledger.account'),
                    'accountCode',
                    (f) => (
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        options={accountOptions}
                        data-testid={`je-line-account-${f.name}`}
                      />
                    ),
                    { width: 280, rules: [{ required: true, message: t('common.required') }] },
                  ),
                  lineColumn(t('ledger.debit'), 'debit', (f) => <DecimalInput data-testid={`je-line-debit-${f.name}`} />, { width: 140, rules: [decimalRule(decimalMsg, 2)] }),
                  lineColumn(t('ledger.credit'), 'credit', (f) => <DecimalInput data-testid={`je-line-credit-${f.name}`} />, { width: 140, rules: [decimalRule(decimalMsg, 2)] }),
                  lineColumn(t('ledger.costCentre'), 'costCentre', () => <Input autoComplete="off" />, { width: 120 }),
                  lineColumn(t('ledger.partner'), 'partner', () => <Input autoComplete="off" />, { width: 120 }),
                  lineColumn(t('dimension.CUSTOMER'), 'customerId', (f) => <CustomerSelect allowClear style={{ width: 150 }} data-testid={`je-line-customer-${f.name}`} />, { width: 160 }),
                  lineColumn(t('dimension.SUPPLIER'), 'supplierId', (f) => <SupplierSelect allowClear style={{ width: 150 }} data-testid={`je-line-supplier-${f.name}`} />, { width: 160 }),
                  lineColumn(t('common.description'), 'description', () => <Input autoComplete="off" />),
                  {
                    width: 40,
                    render: (_, f) => (
                      <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 2} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                    ),
                  },
                ]}
                summary={() => (
                  <TotalsRow
                    label={t('ledger.total')}
                    span={2}
                    cells={[<span data-testid="je-total-debit">{formatMoney(totalDebit)}</span>, <span data-testid="je-total-credit">{formatMoney(totalCredit)}</span>]}
                    afterSpan={4}
                    after={
                      diff.eq(0) ? (
                        totalDebit.gt(0) && <Tag color="green">{t('journal.balanced')}</Tag>
                      ) : (
                        <Tag color="red" data-testid="je-difference">
                          {t('journal.difference', { amount: formatMoney(diff.abs()) })}
                        </Tag>
                      )
                    }
                  />
                )}
              />
              <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => add({})} data-testid="je-add-line">
                {t('adjust.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
