import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { NumberDatePart, NumberingRulesQuery as NumberingRulesResult } from '../../../gql/graphql';
import { NumberingRulesQuery } from '../queries';
import { UpdateNumberingRuleMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { enumLabel, useT } from '../../../i18n';

type Rule = NumberingRulesResult['numberingRules'][number];

const DATE_PARTS: NumberDatePart[] = ['NONE', 'YEAR', 'YEAR_MONTH'];

interface RuleForm {
  prefix: string;
  datePart: NumberDatePart;
  padding: number;
}

/** The numbering rules of new documents, one row per document kind; a manager edits a row in a dialog. */
export function NumberingRulesCard() {
  const t = useT();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: NumberingRulesQuery });
  const [editing, setEditing] = useState<Rule | null>(null);
  const rules = data?.numberingRules ?? [];
  return (
    <Card title={t('numbering.title')} data-testid="numbering-rules">
      <Typography.Paragraph type="secondary">{t('numbering.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Rule>
        rowKey="kind"
        size="small"
        loading={fetching && !data}
        dataSource={rules}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `numbering-row-${r.kind}` }) as object}
        columns={[
          { title: t('numbering.kind'), render: (_, r) => enumLabel(t, 'NumberingKind', r.kind) },
          { title: t('numbering.prefix'), dataIndex: 'prefix' },
          { title: t('numbering.datePart'), render: (_, r) => enumLabel(t, 'NumberDatePart', r.datePart) },
          { title: t('numbering.padding'), dataIndex: 'padding', align: 'right' },
          { title: t('numbering.example'), dataIndex: 'example', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid={`numbering-edit-${r.kind}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <RuleModal
        rule={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    </Card>
  );
}

function RuleModal({ rule, onClose, onSaved }: { rule: Rule | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, update] = useMutation(UpdateNumberingRuleMutation);

  useEffect(() => {
    setGeneral([]);
    form.resetFields();
    if (rule) form.setFieldsValue({ prefix: rule.prefix, datePart: rule.datePart, padding: rule.padding });
  }, [rule, form]);

  async function submit() {
    if (!rule) return;
    const v = await form.validateFields();
    const res = await update({ input: { kind: rule.kind, prefix: v.prefix.trim(), datePart: v.datePart, padding: v.padding } });
    if (res.error) return setGeneral([res.error.message]);
    const errs = res.data?.updateNumberingRule.userErrors ?? [];
    if (errs.length) return setGeneral(applyUserErrors(form, errs));
    message.success(t('numbering.saved'));
    onSaved();
  }

  return (
    <Modal
      open={!!rule}
      title={rule ? t('numbering.editTitle', { kind: enumLabel(t, 'NumberingKind', rule.kind) }) : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={fetching}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'numbering-save' } as Record<string, string>}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="numbering-form">
        <Form.Item name="prefix" label={t('numbering.prefix')} extra={t('numbering.prefixHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 200 }} autoComplete="off" data-testid="numbering-prefix" />
        </Form.Item>
        <Form.Item name="datePart" label={t('numbering.datePart')}>
          <Select style={{ width: 240 }} data-testid="numbering-datePart" options={DATE_PARTS.map((d) => ({ value: d, label: enumLabel(t, 'NumberDatePart', d) }))} />
        </Form.Item>
        <Form.Item name="padding" label={t('numbering.padding')} extra={t('numbering.paddingHint')}>
          <InputNumber min={4} max={10} precision={0} data-testid="numbering-padding" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
