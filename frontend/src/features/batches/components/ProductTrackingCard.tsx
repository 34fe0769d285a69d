import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, InputNumber, Space, Switch, Typography } from 'antd';
import { ProductTrackingQuery, SetProductBatchTrackingMutation } from '../queries';
import { useCan } from '../../../app/session';
import { useT } from '../../../i18n';

interface TrackingForm {
  batchTracked: boolean;
  expiryTracked: boolean;
  shelfLifeDays?: number | null;
}

/** A product's batch and expiry tracking (setProductBatchTracking), in the product drawer. */
export function ProductTrackingCard({ productId }: { productId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan(['WAREHOUSE', 'MANAGER']);
  const [form] = Form.useForm<TrackingForm>();
  const [{ data }, refetch] = useQuery({ query: ProductTrackingQuery, variables: { id: productId }, requestPolicy: 'network-only' });
  const [{ fetching }, set] = useMutation(SetProductBatchTrackingMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const batchTracked = Form.useWatch('batchTracked', form);
  const tr = data?.product?.tracking;
  useEffect(() => {
    if (tr) form.setFieldsValue({ batchTracked: tr.batchTracked, expiryTracked: tr.expiryTracked, shelfLifeDays: tr.shelfLifeDays ?? null });
  }, [tr, form]);
  async function save() {
    setErrors([]);
    const v = form.getFieldsValue();
    const res = await set({ input: { productId, batchTracked: !!v.batchTracked, expiryTracked: !!v.batchTracked && !!v.expiryTracked, shelfLifeDays: v.shelfLifeDays ?? undefined } });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.setProductBatchTracking;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    message.success(t('batch.trackingSaved', { sku: data?.product?.sku ?? '' }));
    refetch({ requestPolicy: 'network-only' });
  }
  return (
    <Card size="small" title={t('batch.trackingTitle')} style={{ marginTop: 16 }} data-testid="product-tracking">
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="product-tracking-errors" />}
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Space wrap>
          <Form.Item name="batchTracked" label={t('batch.batchTracked')} valuePropName="checked">
            <Switch data-testid="product-batch-tracked" />
          </Form.Item>
          <Form.Item name="expiryTracked" label={t('batch.expiryTracked')} valuePropName="checked">
            <Switch disabled={!batchTracked} data-testid="product-expiry-tracked" />
          </Form.Item>
          <Form.Item name="shelfLifeDays" label={t('batch.shelfLife')}>
            <InputNumber min={1} max={36500} precision={0} disabled={!batchTracked} data-testid="product-shelf-life" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('batch.trackingHint')}</Typography.Paragraph>
        {canWrite && (
          <Button onClick={save} loading={fetching} data-testid="product-tracking-save">
            {t('batch.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
