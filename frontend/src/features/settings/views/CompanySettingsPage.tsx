import { ScrapSettingsCard } from '../../scrap/components/ScrapSettingsCard';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Switch, Typography } from 'antd';
import type { ProfitCarryForward } from '../../../gql/graphql';
import { CompanySettingsQuery } from '../queries';
import { UpdateCompanySettingsMutation } from '../mutations';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useLocale, useT } from '../../../i18n';
import type { MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';
import { NumberingRulesCard } from '../components/NumberingRulesCard';
import { ExpiryAlertDaysCard } from '../../batches/components/ExpiryAlertDaysCard';

interface SettingsForm {
  companyName: string;
  taxId: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  defaultVatRate: string;
  timeZone: string;
  currency: string;
  creditLimitRaiseByFinance: boolean;
  mismatchApprovalByOther: boolean;
  orderApprovalByOther: boolean;
  orderSelfApprovalLimit: string;
  openingStockByFinance: boolean;
  postingAccountsProtected: boolean;
  belowCostSaleByManager: boolean;
  voucherReview: boolean;
  profitCarryForward: ProfitCarryForward;
}

/** The switches, in the order the screen lists them. */
const SWITCHES: readonly (keyof SettingsForm)[] = [
  'creditLimitRaiseByFinance',
  'mismatchApprovalByOther',
  'orderApprovalByOther',
  'openingStockByFinance',
  'postingAccountsProtected',
  'belowCostSaleByManager',
  'voucherReview',
];

/** The company's separation-of-duties controls, for admins and managers. */
export default function CompanySettingsPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [{ data, error, fetching }] = useQuery({ query: CompanySettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateCompanySettingsMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const settings = data?.companySettings;
  const [updatedAt, setUpdatedAt] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (settings) {
      const { updatedAt: at, ...values } = settings;
      form.setFieldsValue(values);
      setUpdatedAt(at);
    }
  }, [settings, form]);

  async function submit() {
    const values = await form.validateFields();
    setGeneral([]);
    const res = await update({
      input: {
        ...values,
        orderSelfApprovalLimit: values.orderSelfApprovalLimit.trim(),
        defaultVatRate: values.defaultVatRate.trim(),
        taxId: values.taxId.trim(),
        timeZone: values.timeZone.trim(),
        currency: values.currency.trim(),
      },
    });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.updateCompanySettings;
    const errs = payload?.userErrors ?? [];
    if (errs.length) {
      setGeneral(applyUserErrors(form, errs));
      return;
    }
    message.success(t('settings.saved'));
    setUpdatedAt(new Date().toISOString());
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
    <Card title={t('settings.companyTitle')} loading={fetching && !data}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="settings-errors" />}
      <Form form={form} layout="vertical" data-testid="company-settings-form" style={{ maxWidth: 720 }}>
        <Form.Item name="companyName" label={t('settings.companyName')} extra={t('settings.companyNameHint')} rules={[{ max: 100, message: t('settings.companyNameTooLong') }]}>
          <Input style={{ width: 360 }} maxLength={100} data-testid="settings-companyName" />
        </Form.Item>
        <Form.Item name="taxId" label={t('settings.taxId')} extra={t('settings.taxIdHint')}>
          <Input style={{ width: 360 }} maxLength={20} data-testid="settings-taxId" />
        </Form.Item>
        <Form.Item name="address" label={t('settings.address')}>
          <Input style={{ width: 520 }} maxLength={200} data-testid="settings-address" />
        </Form.Item>
        <Form.Item name="phone" label={t('settings.phone')}>
          <Input style={{ width: 240 }} maxLength={40} data-testid="settings-phone" />
        </Form.Item>
        <Form.Item name="bankName" label={t('settings.bankName')}>
          <Input style={{ width: 360 }} maxLength={100} data-testid="settings-bankName" />
        </Form.Item>
        <Form.Item name="bankAccount" label={t('settings.bankAccount')}>
          <Input style={{ width: 360 }} maxLength={40} data-testid="settings-bankAccount" />
        </Form.Item>
        <Form.Item
          name="defaultVatRate"
          label={t('settings.defaultVatRate')}
          extra={t('settings.defaultVatRateHint')}
          rules={[{ required: true, message: t('settings.vatRateInvalid') }, decimalRule(t('settings.vatRateInvalid'), 4)]}
        >
          <DecimalInput style={{ width: 120 }} data-testid="settings-defaultVatRate" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('settings.timeZone')} extra={t('settings.timeZoneHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 240 }} data-testid="settings-timeZone" />
        </Form.Item>
        <Form.Item name="currency" label={t('settings.currency')} extra={t('settings.currencyHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 120 }} maxLength={3} data-testid="settings-currency" />
        </Form.Item>
        <Typography.Title level={5}>{t('settings.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
        {SWITCHES.map((k) => (
          <Form.Item key={k} name={k} valuePropName="checked" label={t(`settings.${k}` as MessageKey)}>
            <Switch data-testid={`settings-${k}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="orderSelfApprovalLimit"
          label={t('settings.orderSelfApprovalLimit')}
          rules={[{ required: true, message: t('settings.limitInvalid') }, decimalRule(t('settings.limitInvalid'))]}
        >
          <DecimalInput style={{ width: 200 }} data-testid="settings-orderSelfApprovalLimit" />
        </Form.Item>
        <Form.Item name="profitCarryForward" label={t('settings.profitCarryForward')} extra={t('settings.profitCarryForwardHint')}>
          <Radio.Group data-testid="settings-profitCarryForward">
            <Radio value="MONTHLY" data-testid="settings-profitCarryForward-MONTHLY">
              {t('settings.carryMonthly')}
            </Radio>
            <Radio value="YEARLY" data-testid="settings-profitCarryForward-YEARLY">
              {t('settings.carryYearly')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Space>
          <Button type="primary" onClick={submit} loading={saving} data-testid="settings-save">
            {t('settings.save')}
          </Button>
          {updatedAt && (
            <Typography.Text type="secondary">
              {t('settings.updatedAt', { at: formatDateTime(updatedAt, locale) })}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
    <NumberingRulesCard />
    <ScrapSettingsCard />
    <ExpiryAlertDaysCard />
    </Space>
  );
}
