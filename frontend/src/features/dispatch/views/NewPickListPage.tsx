import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { ShipmentFieldsFragment } from '../../../gql/graphql';
import { ShipmentsQuery } from '../../sales/queries';
import { CreatePickListMutation } from '../mutations';
import { pickListPath } from '../routes';
import { useT } from '../../../i18n';

type Shipment = ShipmentFieldsFragment;

/** /stock/pick-lists/new — choose pending shipments of one warehouse and make a pick list of them (its lines by bin route). */
export default function NewPickListPage() {
  const t = useT();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ShipmentsQuery, variables: { first: 200, filter: { status: ['PENDING'] } }, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreatePickListMutation);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const pending = data?.shipments.nodes ?? [];
  const warehouses = [...new Map(pending.map((s) => [s.warehouse.id, s.warehouse])).values()];
  const [wid, setWid] = useState<string>();
  const shown = wid ? pending.filter((s) => s.warehouse.id === wid) : pending;

  async function submit() {
    setErrors([]);
    if (chosen.length === 0) return setErrors([t('dispatch.noneChosen')]);
    setBusy(true);
    const res = await create({ input: { shipmentNumbers: chosen } });
    setBusy(false);
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.createPickList;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    if (p?.pickList) navigate(pickListPath(p.pickList.number));
  }

  return (
    <Card data-testid="picklist-new-page">
      <Typography.Title level={4}>{t('menu.pickListNew')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('dispatch.choose')}</span>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('dispatch.warehouse')}
          value={wid}
          onChange={(v) => {
            setWid(v);
            setChosen([]);
          }}
          options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
          data-testid="picklist-warehouse"
        />
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="picklist-create">
          {t('dispatch.create')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} data-testid="picklist-errors" style={{ marginBottom: 12 }} />}
      <Table<Shipment>
        rowKey="number"
        size="small"
        loading={fetching && !data}
        dataSource={shown}
        pagination={false}
        data-testid="picklist-shipments"
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), getCheckboxProps: (r) => ({ 'data-testid': `picklist-choose-${r.number}` }) as never }}
        columns={[
          { key: 'number', title: t('dispatch.shipment'), dataIndex: 'number' },
          { key: 'order', title: t('dispatch.order'), render: (_, r) => r.order.number },
          { key: 'customer', title: t('dispatch.customer'), render: (_, r) => `${r.customer.code} ${r.customer.name}` },
          { key: 'warehouse', title: t('dispatch.warehouse'), render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}` },
          { key: 'lines', title: t('dispatch.lineCount'), align: 'right', render: (_, r) => r.lines.length },
        ]}
      />
    </Card>
  );
}
