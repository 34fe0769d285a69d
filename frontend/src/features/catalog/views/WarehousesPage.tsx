import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { WarehousesQuery as WarehousesResult } from '../../../gql/graphql';
import { WarehousesQuery } from '../queries';
import { CreateLocationMutation, CreateWarehouseMutation, UpdateLocationMutation, UpdateWarehouseMutation } from '../mutations';
import { applyUserErrors, type UserErrorLike } from '../../../graphql/userErrors';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { useT } from '../../../i18n';

type WarehouseRow = WarehousesResult['warehouses']['nodes'][number];
type LocationRow = WarehouseRow['locations'][number];

export default function WarehousesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan(['WAREHOUSE']);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WarehousesQuery, variables: { first: 200 } });
  const [editing, setEditing] = useState<WarehouseRow | 'new' | null>(null);
  const [addingBinTo, setAddingBinTo] = useState<WarehouseRow | null>(null);
  const [editingBin, setEditingBin] = useState<{ w: WarehouseRow; l: LocationRow } | null>(null);
  const [, updateLocation] = useMutation(UpdateLocationMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const rows = data?.warehouses.nodes ?? [];

  async function setBinActive(l: LocationRow, active: boolean) {
    const res = await updateLocation({ input: { id: l.id, active } });
    const errs = res.data?.updateLocation.userErrors ?? [];
    if (res.error || errs.length) message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
    else refresh();
  }

  return (
    <Card
      extra={
        <Space>
          <ExportButton<{ w: WarehouseRow; l: LocationRow | null }>
            fileName={t('menu.warehouses')}
            fetchRows={loadedRows(rows.flatMap((w): { w: WarehouseRow; l: LocationRow | null }[] => (w.locations.length ? w.locations.map((l) => ({ w, l })) : [{ w, l: null }])))}
            columns={[
              { header: t('warehouses.code'), value: (r) => r.w.code },
              { header: t('warehouses.name'), value: (r) => r.w.name, width: 20 },
              { header: t('warehouses.region'), value: (r) => r.w.region },
              { header: t('warehouses.address'), value: (r) => r.w.address, width: 30 },
              { header: t('warehouses.binCode'), value: (r) => r.l?.code },
              { header: t('warehouses.binName'), value: (r) => r.l?.name, width: 20 },
              { header: t('common.status'), value: (r) => ((r.l ? r.l.active : r.w.active) ? t('common.active') : t('common.inactive')) },
            ]}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="warehouse-create-open">
              {t('warehouses.create')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<WarehouseRow>
        rowKey="id"
        loading={fetching && !data}
        dataSource={rows}
        pagination={false}
        data-testid="warehouses-table"
        onRow={(w) => ({ 'data-testid': `warehouse-row-${w.code}` }) as object}
        expandable={{
          expandedRowRender: (w) => (
            <Table<LocationRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={w.locations}
              data-testid={`warehouse-bins-${w.code}`}
              onRow={(l) => ({ 'data-testid': `bin-row-${w.code}-${l.code}` }) as object}
              columns={[
                { title: t('warehouses.binCode'), dataIndex: 'code' },
                { title: t('warehouses.binName'), dataIndex: 'name' },
                {
                  title: t('common.status'),
                  render: (_, l) => (l.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
                },
                ...(canWrite
                  ? [
                      {
                        title: t('common.actions'),
                        render: (_: unknown, l: LocationRow) => (
                          <Space>
                            <Button size="small" onClick={() => setEditingBin({ w, l })} data-testid={`bin-edit-${w.code}-${l.code}`}>
                              {t('warehouses.editBin')}
                            </Button>
                            <Button size="small" onClick={() => setBinActive(l, !l.active)}>
                              {l.active ? t('warehouses.retireBin') : t('warehouses.reactivate')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          ),
        }}
        columns={[
          { title: t('warehouses.code'), dataIndex: 'code' },
          { title: t('warehouses.name'), dataIndex: 'name' },
          { title: t('warehouses.region'), dataIndex: 'region' },
          { title: t('warehouses.address'), dataIndex: 'address' },
          { title: t('warehouses.bins'), render: (_, w) => w.locations.filter((l) => l.active).length },
          {
            title: t('common.status'),
            render: (_, w) => (w.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, w: WarehouseRow) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(w)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" onClick={() => setAddingBinTo(w)} data-testid={`warehouse-add-bin-${w.code}`}>
                        {t('warehouses.addBin')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <WarehouseModal
        warehouse={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <BinModal
        warehouse={addingBinTo ?? editingBin?.w ?? null}
        bin={editingBin?.l}
        onClose={() => {
          setAddingBinTo(null);
          setEditingBin(null);
        }}
        onSaved={() => {
          setAddingBinTo(null);
          setEditingBin(null);
          refresh();
        }}
      />
    </Card>
  );
}

interface WarehouseForm {
  code: string;
  name: string;
  region?: string;
  address?: string;
  active: boolean;
}

function WarehouseModal({ warehouse, onClose, onSaved }: { warehouse: WarehouseRow | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<WarehouseForm>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching: c }, create] = useMutation(CreateWarehouseMutation);
  const [{ fetching: u }, update] = useMutation(UpdateWarehouseMutation);
  const isNew = warehouse === 'new';

  useEffect(() => {
    setGeneral([]);
    form.resetFields();
    if (warehouse && warehouse !== 'new') form.setFieldsValue({ ...warehouse });
    else form.setFieldsValue({ active: true });
  }, [warehouse, form]);

  async function submit() {
    const v = await form.validateFields();
    let errors: readonly UserErrorLike[] = [];
    if (isNew) {
      const res = await create({ input: { code: v.code.trim(), name: v.name.trim(), region: v.region, address: v.address } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.createWarehouse.userErrors ?? [];
    } else if (warehouse) {
      const res = await update({ input: { id: warehouse.id, name: v.name.trim(), region: v.region, address: v.address, active: v.active } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.updateWarehouse.userErrors ?? [];
    }
    if (errors.length === 0) onSaved();
    else setGeneral(applyUserErrors(form, errors));
  }

  return (
    <Modal
      open={!!warehouse}
      title={isNew ? t('warehouses.create') : t('common.edit')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={c || u}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('warehouses.code')} rules={[{ required: true, message: t('common.required') }]}>
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('warehouses.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="region" label={t('warehouses.region')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('warehouses.address')}>
          <Input autoComplete="off" />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Adds a bin to a warehouse, or (given bin) renames one; its code stays. */
function BinModal({ warehouse, bin, onClose, onSaved }: { warehouse: WarehouseRow | null; bin?: LocationRow; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name?: string }>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, create] = useMutation(CreateLocationMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateLocationMutation);
  useEffect(() => {
    setGeneral([]);
    form.resetFields();
    if (bin) form.setFieldsValue({ code: bin.code, name: bin.name });
  }, [warehouse, bin, form]);

  async function submit() {
    if (!warehouse) return;
    const v = await form.validateFields();
    let errors: readonly UserErrorLike[];
    if (bin) {
      const res = await update({ input: { id: bin.id, name: v.name ?? '' } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.updateLocation.userErrors ?? [];
    } else {
      const res = await create({ input: { warehouseId: warehouse.id, code: v.code.trim(), name: v.name } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.createLocation.userErrors ?? [];
    }
    if (errors.length === 0) {
      message.success(t('warehouses.binSaved'));
      onSaved();
    } else setGeneral(applyUserErrors(form, errors));
  }

  return (
    <Modal
      open={!!warehouse}
      title={bin ? t('warehouses.editBinTitle', { code: bin.code }) : t('warehouses.addBinTitle', { code: warehouse?.code ?? '' })}
      okButtonProps={{ 'data-testid': 'bin-save' } as Record<string, string>}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={fetching || updating}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('warehouses.binCode')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" placeholder="A-03" disabled={!!bin} data-testid="bin-code" />
        </Form.Item>
        <Form.Item name="name" label={t('warehouses.binName')}>
          <Input autoComplete="off" data-testid="bin-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

