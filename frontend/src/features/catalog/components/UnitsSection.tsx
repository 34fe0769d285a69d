import { Button, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { useT } from '../../../i18n';
import { optionalText } from '../../../lib/text';

/** One unit besides the stock unit as the form holds it. */
export interface UnitRow {
  code?: string;
  nameEn?: string;
  factor?: string;
  places?: number;
  barcode?: string;
}

/** The units part of the product form. */
export interface UnitsValues {
  stockUnitPlaces?: number;
  units?: UnitRow[];
  purchaseUnit?: string;
  salesUnit?: string;
}

/** The product's units as the form shows them. */
export function unitsFormValues(p: {
  unitPlaces: number;
  purchaseUnit: string;
  salesUnit: string;
  units: readonly { code: string; nameEn: string; factor: string; places: number; barcode?: string | null }[];
}): UnitsValues {
  return {
    stockUnitPlaces: p.unitPlaces,
    purchaseUnit: p.purchaseUnit,
    salesUnit: p.salesUnit,
    units: p.units.map((u) => ({ code: u.code, nameEn: u.nameEn, factor: u.factor, places: u.places, barcode: u.barcode ?? undefined })),
  };
}

/** The setProductUnits input of the form's values (rows left blank are dropped). */
export function unitsInput(productId: string, v: UnitsValues) {
  const units = (v.units ?? [])
    .filter((u) => u.code?.trim() || u.factor?.trim() || u.barcode?.trim())
    .map((u) => ({ code: (u.code ?? '').trim(), nameEn: optionalText(u.nameEn), factor: (u.factor ?? '').trim(), places: u.places ?? 0, barcode: optionalText(u.barcode) }));
  return { productId, stockUnitPlaces: v.stockUnitPlaces ?? undefined, units, purchaseUnit: optionalText(v.purchaseUnit), salesUnit: optionalText(v.salesUnit) };
}

/**
 * The units section of the product form (计量单位): the stock unit's
 * decimals, the product's other units (name, English name, factor in stock
 * units, decimals, barcode) and its default purchase and sales units. The
 * fields are named as setProductUnits' input, so its userErrors land on them.
 */
export function UnitsSection({ form, stockUnit, loaded = true }: { form: FormInstance; stockUnit: string; loaded?: boolean }) {
  const t = useT();
  const rows = (Form.useWatch('units', form) as UnitRow[] | undefined) ?? [];
  const choices = [stockUnit, ...rows.map((u) => u?.code?.trim()).filter((c): c is string => !!c)].filter((c, i, a) => c && a.indexOf(c) === i);
  const options = choices.map((c) => ({ value: c, label: c }));
  const decimalMsg = t('common.decimalInvalid');
  return (
    <div data-testid="product-units" data-loaded={loaded ? 'true' : 'false'}>
      <Divider titlePlacement="start">{t('units.title')}</Divider>
      <Typography.Paragraph type="secondary">{t('units.hint', { unit: stockUnit || '—' })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="stockUnitPlaces" label={t('units.stockPlaces')}>
            <InputNumber min={0} max={4} precision={0} style={{ width: '100%' }} data-testid="units-stock-places" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="purchaseUnit" label={t('units.purchaseUnit')}>
            <Select allowClear options={options} data-testid="units-purchase-unit" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="salesUnit" label={t('units.salesUnit')}>
            <Select allowClear options={options} data-testid="units-sales-unit" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap data-testid={`unit-row-${f.name}`}>
                <Form.Item name={[f.name, 'code']} label={f.name === 0 ? t('units.code') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <Input style={{ width: 80 }} autoComplete="off" data-testid={`unit-code-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'nameEn']} label={f.name === 0 ? t('units.nameEn') : undefined}>
                  <Input style={{ width: 100 }} autoComplete="off" data-testid={`unit-name-en-${f.name}`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'factor']}
                  label={f.name === 0 ? t('units.factor', { unit: stockUnit || '—' }) : undefined}
                  rules={[{ required: true, message: t('common.required') }, decimalRule(decimalMsg, 4)]}
                >
                  <DecimalInput style={{ width: 100 }} data-testid={`unit-factor-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'places']} label={f.name === 0 ? t('units.places') : undefined}>
                  <InputNumber min={0} max={4} precision={0} style={{ width: 70 }} data-testid={`unit-places-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'barcode']} label={f.name === 0 ? t('units.barcode') : undefined}>
                  <Input style={{ width: 150 }} autoComplete="off" data-testid={`unit-barcode-${f.name}`} />
                </Form.Item>
                <Form.Item label={f.name === 0 ? ' ' : undefined}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('units.remove')} data-testid={`unit-remove-${f.name}`} />
                </Form.Item>
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ places: 0 })} disabled={!loaded} data-testid="unit-add">
              {t('units.add')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
