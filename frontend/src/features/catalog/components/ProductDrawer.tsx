import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { CategoriesQuery, ProductFieldsFragment } from '../../../gql/graphql';
import { CreateProductMutation, SetProductUnitsMutation, UpdateProductMutation } from '../mutations';
import { ProductUnitsQuery } from '../queries';
import { UnitsSection, unitsFormValues, unitsInput, type UnitsValues } from './UnitsSection';
import { applyUserErrors } from '../../../graphql/userErrors';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { useLocalName, useT } from '../../../i18n';
import { optionalText } from '../../../lib/text';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { ProductTrackingCard } from '../../batches/components/ProductTrackingCard';

interface ProductForm extends UnitsValues {
  sku: string;
  name: string;
  nameEn?: string;
  barcodes: string[];
  unit: string;
  categoryId?: string;
  sellPrice?: string;
  vatRate?: string;
  safetyStock?: string;
  reorderPoint?: string;
  reorderQuantity?: string;
  leadTimeDays?: number;
  active: boolean;
}

/** Creates ('new') or edits a product; the server's userErrors land on the fields. */
export function ProductDrawer({
  product,
  categories,
  onClose,
  onSaved,
}: {
  product: ProductFieldsFragment | 'new' | null;
  categories: CategoriesQuery['categories'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductForm>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching: creating }, create] = useMutation(CreateProductMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateProductMutation);
  const [{ fetching: settingUnits }, setUnits] = useMutation(SetProductUnitsMutation);
  const isNew = product === 'new';
  const editId = product && product !== 'new' ? product.id : undefined;
  const [{ data: unitsData }, refetchUnits] = useQuery({ query: ProductUnitsQuery, variables: { id: editId ?? '' }, pause: !editId, requestPolicy: 'network-only' });
  const stockUnit = (Form.useWatch('unit', form) as string | undefined) ?? '';
  const loadedUnits = editId && unitsData?.product?.id === editId ? unitsData.product : undefined;

  // The product whose units the form shows: filled once per opening, so a
  // refetch (a save invalidates products) does not wipe what is being typed.
  const unitsShown = useRef<string | undefined>(undefined);
  useEffect(() => {
    setGeneral([]);
    unitsShown.current = undefined;
    form.resetFields();
    if (product && product !== 'new') {
      form.setFieldsValue({
        sku: product.sku,
        name: product.name,
        nameEn: product.nameEn,
        barcodes: [...product.barcodes],
        unit: product.unit,
        categoryId: product.category?.id,
        sellPrice: product.sellPrice,
        vatRate: product.vatRate,
        safetyStock: product.safetyStock,
        reorderPoint: product.reorderPoint,
        reorderQuantity: product.reorderQuantity,
        leadTimeDays: product.leadTimeDays,
        active: product.active,
      });
    } else if (product === 'new') {
      form.setFieldsValue({ barcodes: [], vatRate: '0.13', active: true, units: [] });
    }
  }, [product, form]);

  // The units come from their own query; they fill the section when loaded.
  useEffect(() => {
    if (loadedUnits && unitsShown.current !== loadedUnits.id) {
      unitsShown.current = loadedUnits.id;
      form.setFieldsValue(unitsFormValues(loadedUnits));
    }
  }, [loadedUnits, product, form]);

  /** Saves the units section through setProductUnits; false when it failed (its errors are shown). */
  async function saveUnits(productId: string, v: ProductForm): Promise<boolean> {
    const input = unitsInput(productId, v);
    if (isNew && input.units.length === 0 && input.stockUnitPlaces === undefined && !input.purchaseUnit && !input.salesUnit) return true;
    const res = await setUnits({ input });
    if (res.error) {
      setGeneral([res.error.message]);
      return false;
    }
    const p = res.data?.setProductUnits;
    if (p?.userErrors.length) {
      setGeneral(applyUserErrors(form, p.userErrors));
      return false;
    }
    return true;
  }

  async function submit() {
    const v = await form.validateFields();
    const common = {
      sku: v.sku.trim(),
      name: v.name.trim(),
      nameEn: optionalText(v.nameEn),
      barcodes: v.barcodes.map((b) => b.trim()).filter(Boolean),
      unit: v.unit.trim(),
      categoryId: v.categoryId,
      sellPrice: optionalText(v.sellPrice),
      vatRate: optionalText(v.vatRate),
      safetyStock: optionalText(v.safetyStock),
      reorderPoint: optionalText(v.reorderPoint),
      reorderQuantity: optionalText(v.reorderQuantity),
      leadTimeDays: v.leadTimeDays ?? undefined,
    };
    const res = isNew
      ? await create({ input: common })
      : await update({ input: { id: (product as ProductFieldsFragment).id, ...common, active: v.active } });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data && ('createProduct' in res.data ? res.data.createProduct : res.data.updateProduct);
    if (payload?.product) {
      if (!(await saveUnits(payload.product.id, v))) return;
      if (editId) refetchUnits({ requestPolicy: 'network-only' });
      message.success(t(isNew ? 'products.created' : 'products.updated', { sku: payload.product.sku }));
      onSaved();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Drawer
      open={!!product}
      size={640}
      title={product && product !== 'new' ? t('products.editTitle', { sku: product.sku }) : t('products.create')}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={creating || updating || settingUnits} onClick={submit} data-testid="product-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <WithAuditTab recordType="product" recordId={product && product !== 'new' ? product.id : undefined}>
        <Form form={form} layout="vertical" data-testid="product-form">
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="sku" label={t('products.sku')} rules={[{ required: true, message: t('common.required') }]}>
                <Input autoComplete="off" data-testid="product-form-sku" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="unit" label={t('products.unit')} rules={[{ required: true, message: t('common.required') }]}>
                <Input autoComplete="off" data-testid="product-form-unit" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="name" label={t('products.name')} rules={[{ required: true, message: t('common.required') }]}>
                <Input autoComplete="off" data-testid="product-form-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="nameEn" label={t('products.nameEn')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="categoryId" label={t('products.category')}>
                <Select allowClear options={categories.map((c) => ({ value: c.id, label: localName(c) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="barcodes" label={t('products.barcodes')} tooltip={t('products.barcodesHint')}>
                <Select mode="tags" open={false} tokenSeparators={[',', ' ']} data-testid="product-form-barcodes" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="sellPrice" label={t('products.sellPrice')} rules={[decimalRule(decimalMsg, 2)]}>
                <DecimalInput data-testid="product-form-sellPrice" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="vatRate" label={t('products.vatRate')} rules={[decimalRule(decimalMsg, 4)]}>
                <DecimalInput />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="leadTimeDays" label={t('products.leadTimeDays')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="safetyStock" label={t('products.safetyStock')} rules={[decimalRule(decimalMsg, 4)]}>
                <DecimalInput />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="reorderPoint" label={t('products.reorderPoint')} rules={[decimalRule(decimalMsg, 4)]}>
                <DecimalInput />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="reorderQuantity" label={t('products.reorderQuantity')} rules={[decimalRule(decimalMsg, 4)]}>
                <DecimalInput />
              </Form.Item>
            </Col>
            {!isNew && (
              <Col span={12}>
                <Form.Item name="active" label={t('common.active')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            )}
          </Row>
          <UnitsSection form={form} stockUnit={stockUnit.trim()} loaded={isNew || !!loadedUnits} />
        </Form>
        {product && product !== 'new' && <ProductTrackingCard productId={product.id} />}
      </WithAuditTab>
    </Drawer>
  );
}
