import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { ScrapSettingsQuery, UpdateScrapSettingsMutation } from '../queries';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { useT } from '../../../i18n';

/** The settings screen's card for the scrap approval threshold and the company's slow-mover days. */
export function ScrapSettingsCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ approvalThreshold: string; slowMoverDays: number }>();
  const [{ data }] = useQuery({ query: ScrapSettingsQuery });
  const [{ fetching }, update] = useMutation(UpdateScrapSettingsMutation);
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    if (data) form.setFieldsValue({ approvalThreshold: data.scrapSettings.approvalThreshold, slowMoverDays: data.scrapSettings.slowMoverDays });
  }, [data, form]);
  async function save() {
    setErrors([]);
    const v = await form.validateFields();
    const res = await update({ input: { approvalThreshold: v.approvalThreshold.trim(), slowMoverDays: v.slowMoverDays } });
    if (res.error) return setErrors([res.error.message]);
    const ues = res.data?.updateScrapSettings.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('scrap.settingsSaved'));
  }
  return (
    <Card title={t('scrap.settings')}>
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" data-testid="scrap-settings-form">
        <Form.Item name="approvalThreshold" label={t('scrap.threshold')} rules={[{ required: true }, decimalRule(t('common.decimalInvalid'), 2)]}>
          <DecimalInput style={{ width: 160 }} data-testid="scrap-settings-threshold" />
        </Form.Item>
        <Form.Item name="slowMoverDays" label={t('scrap.slowMoverDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} precision={0} data-testid="scrap-settings-days" />
        </Form.Item>
        <Button type="primary" onClick={save} loading={fetching} data-testid="scrap-settings-save">
          {t('scrap.save')}
        </Button>
      </Form>
    </Card>
  );
}
