import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StatementForm, StatementLineDefinitionFieldsFragment, StatementRule } from '../../../gql/graphql';
import { StatementMappingQuery } from '../queries.statements';
import { UpdateStatementLineMutation } from '../mutations.statements';
import { applyUserErrors, type UserErrorLike } from '../../../graphql/userErrors';
import { Toolbar } from '../../../components/Toolbar';
import { useCan } from '../../../app/session';
import { enumLabel, useLocale, useT } from '../../../i18n';

type Line = StatementLineDefinitionFieldsFragment;

/** The rules each form takes: the balance sheet reads balances, the income statement movements. */
const FORM_RULES: Record<StatementForm, StatementRule[]> = {
  BALANCE_SHEET: ['BALANCE', 'DEBIT_BALANCE_ONLY', 'CREDIT_BALANCE_ONLY'],
  INCOME_STATEMENT: ['MOVEMENT'],
};

const FORMS: StatementForm[] = ['BALANCE_SHEET', 'INCOME_STATEMENT'];

/** 报表项目设置: the lines of 资产负债表 / 利润表 with the account prefixes mapped to them; finance edits an ACCOUNTS line's prefixes. */
export default function StatementMappingPage() {
  const t = useT();
  const [locale] = useLocale();
  const canWrite = useCan(['FINANCE']);
  // ?form=INCOME_STATEMENT opens the income statement; the balance sheet otherwise.
  const [params, setParams] = useSearchParams();
  const form: StatementForm = params.get('form') === 'INCOME_STATEMENT' ? 'INCOME_STATEMENT' : 'BALANCE_SHEET';
  const [{ data, error, fetching }, reexecute] = useQuery({ query: StatementMappingQuery, variables: { form } });
  const lines = data?.statementMapping ?? [];
  const [editing, setEditing] = useState<Line | null>(null);

  const mappingText = (m: Line['accounts'][number]) => `${m.sign < 0 ? '−' : '+'}${m.prefix} ${enumLabel(t, 'StatementRule', m.rule)}`;

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('stmt.map.form')}</span>
          <Segmented<StatementForm>
            value={form}
            onChange={(f) => setParams(f === 'BALANCE_SHEET' ? {} : { form: f })}
            options={FORMS.map((f) => ({ value: f, label: <span data-testid={`map-form-${f}`}>{enumLabel(t, 'StatementForm', f)}</span> }))}
          />
        </Space>
      </Toolbar>
      {!canWrite && <Alert type="info" showIcon title={t('stmt.map.readOnly')} style={{ marginBottom: 16 }} data-testid="map-read-only" />}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Line>
        size="small"
        bordered
        pagination={false}
        loading={fetching && !data}
        rowKey={(l) => `${l.form}-${l.position}`}
        dataSource={[...lines]}
        data-testid="map-table"
        rowClassName={(r) => (r.kind === 'HEADING' ? 'stmt-heading' : r.kind === 'TOTAL' || r.kind === 'SUBTOTAL' ? 'stmt-total' : '')}
        onRow={(l) => ({ 'data-testid': l.lineNo ? `map-line-${l.lineNo}` : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('stmt.lineNo'), width: 64, render: (_, l) => l.lineNo ?? '' },
          { title: t('stmt.item'), render: (_, l) => <span style={{ paddingLeft: l.indent * 16 }}>{locale === 'en' ? l.labelEn : l.labelZh}</span> },
          { title: t('stmt.map.kind'), width: 110, render: (_, l) => enumLabel(t, 'StatementLineKind', l.kind) },
          {
            title: t('stmt.map.accounts'),
            render: (_, l) =>
              l.kind === 'ACCOUNTS' ? (
                l.accounts.length ? (
                  <Space size={[4, 4]} wrap data-testid={`map-accounts-${l.lineNo}`}>
                    {l.accounts.map((m) => (
                      <Tag key={m.prefix} color={m.sign < 0 ? 'red' : undefined} data-testid={`map-prefix-${l.lineNo}-${m.prefix}`}>
                        {mappingText(m)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('stmt.map.none')}</Typography.Text>
                )
              ) : l.formula ? (
                <Typography.Text type="secondary">
                  {t('stmt.map.formula')}: {l.formula}
                </Typography.Text>
              ) : null,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, l: Line) =>
                    l.kind === 'ACCOUNTS' && l.lineNo != null ? (
                      <Button size="small" onClick={() => setEditing(l)} data-testid={`map-edit-${l.lineNo}`}>
                        {t('stmt.map.edit')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <MappingDialog
        line={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    </Card>
  );
}

interface MappingRow {
  prefix: string;
  sign: number;
  rule: StatementRule;
}

/** The editor of an ACCOUNTS line's prefixes: rows of prefix, sign and rule; saving replaces the line's mapping. */
function MappingDialog({ line, onClose, onSaved }: { line: Line | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accounts: MappingRow[] }>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, update] = useMutation(UpdateStatementLineMutation);
  const rules = line ? FORM_RULES[line.form] : [];

  useEffect(() => {
    setGeneral([]);
    form.resetFields();
    if (line) form.setFieldsValue({ accounts: line.accounts.map((m) => ({ prefix: m.prefix, sign: m.sign, rule: m.rule })) });
  }, [line, form]);

  async function submit() {
    if (!line || line.lineNo == null) return;
    const v = await form.validateFields();
    const accounts = (v.accounts ?? []).map((m) => ({ prefix: (m.prefix ?? '').trim(), sign: m.sign, rule: m.rule }));
    const res = await update({ input: { form: line.form, lineNo: line.lineNo, accounts } });
    if (res.error) return setGeneral([res.error.message]);
    const errors: readonly UserErrorLike[] = res.data?.updateStatementLine.userErrors ?? [];
    if (errors.length === 0) {
      message.success(t('stmt.map.saved', { line: line.lineNo }));
      onSaved();
    } else setGeneral(applyUserErrors(form, errors));
  }

  return (
    <Modal
      open={!!line}
      width={720}
      title={line ? t('stmt.map.editTitle', { line: line.lineNo ?? '', label: locale === 'en' ? line.labelEn : line.labelZh }) : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={fetching}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'map-save' }}
      cancelButtonProps={{ 'data-testid': 'map-cancel' }}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="map-general-error" />}
      <Form form={form} layout="vertical" data-testid="map-dialog">
        <Form.List name="accounts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }} data-testid={`map-row-${i}`}>
                  <Form.Item name={[f.name, 'prefix']} label={i === 0 ? t('stmt.map.prefix') : undefined} rules={[{ required: true, message: t('common.required') }]} style={{ width: 240 }}>
                    <Input autoComplete="off" placeholder="1405" data-testid={`map-row-prefix-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sign']} label={i === 0 ? t('stmt.map.sign') : undefined}>
                    <Select
                      style={{ width: 80 }}
                      data-testid={`map-row-sign-${i}`}
                      options={[
                        { value: 1, label: '+' },
                        { value: -1, label: '−' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'rule']} label={i === 0 ? t('stmt.map.rule') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                    <Select style={{ width: 200 }} data-testid={`map-row-rule-${i}`} options={rules.map((r) => ({ value: r, label: enumLabel(t, 'StatementRule', r) }))} />
                  </Form.Item>
                  <Form.Item label={i === 0 ? ' ' : undefined}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('stmt.map.removeRow')} data-testid={`map-row-remove-${i}`} />
                  </Form.Item>
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ prefix: '', sign: 1, rule: rules[0] })} data-testid="map-add-row">
                {t('stmt.map.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
