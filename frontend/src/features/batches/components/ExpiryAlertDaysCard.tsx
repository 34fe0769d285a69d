import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { ExpiryAlertDaysQuery, SetExpiryAlertDaysMutation } from '../queries';
import { useT } from '../../../i18n';

/** The settings screen's card for the company's expiry alert days (临期预警天数). */
export function ExpiryAlertDaysCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: number }>();
  const [{ data }] = useQuery({ query: ExpiryAlertDaysQuery });
  const [{ fetching }, update] = useMutation(SetExpiryAlertDaysMutation);
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    if (data) form.setFieldsValue({ days: data.expiryAlertDays });
  }, [data, form]);
  async function save() {
    setErrors([]);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const res = await update({ days: v.days });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.setExpiryAlertDays;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    message.success(t('batch.alertDaysSaved', { n: p?.days ?? v.days }));
  }
  return (
    <Card title={t('batch.trackingTitle')}>
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="expiry-days-errors" />}
      <Form form={form} layout="inline" data-testid="expiry-days-form">
        <Form.Item name="days" label={t('batch.alertDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} precision={0} data-testid="expiry-days" />
        </Form.Item>
        <Button type="primary" onClick={save} loading={fetching} data-testid="expiry-days-save">
          {t('batch.save')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('batch.alertDaysHint')}
      </Typography.Paragraph>
    </Card>
  );
}
