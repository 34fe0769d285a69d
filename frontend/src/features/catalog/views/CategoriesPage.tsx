import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CategoriesQuery as CategoriesResult } from '../../../gql/graphql';
import { CategoriesQuery } from '../queries';
import { CreateCategoryMutation, UpdateCategoryMutation } from '../mutations';
import { applyUserErrors, type UserErrorLike } from '../../../graphql/userErrors';
import { AuditButton } from '../../audit/components/AuditButton';
import { useCan } from '../../../app/session';
import { useT } from '../../../i18n';

type CategoryRow = CategoriesResult['categories'][number];

/** Product categories: the list (with the retired ones), create, rename and retire or reactivate. */
export default function CategoriesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan(['WAREHOUSE']);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CategoriesQuery, variables: { includeInactive: true } });
  const [editing, setEditing] = useState<CategoryRow | 'new' | null>(null);
  const [, update] = useMutation(UpdateCategoryMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const rows = data?.categories ?? [];

  async function setActive(c: CategoryRow, active: boolean) {
    const res = await update({ input: { id: c.id, active } });
    const errs = res.data?.updateCategory.userErrors ?? [];
    if (res.error || errs.length) message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
    else refresh();
  }

  return (
    <Card
      title={t('menu.categories')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-create-open">
            {t('categories.create')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<CategoryRow>
        rowKey="id"
        loading={fetching && !data}
        dataSource={rows}
        pagination={false}
        data-testid="categories-table"
        onRow={(c) => ({ 'data-testid': `category-row-${c.code}` }) as object}
        columns={[
          { title: t('categories.code'), dataIndex: 'code' },
          { title: t('categories.name'), dataIndex: 'name' },
          { title: t('categories.nameEn'), dataIndex: 'nameEn' },
          {
            title: t('common.status'),
            render: (_, c) => (c.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, c: CategoryRow) => (
              <Space>
                {canWrite && (
                  <>
                    <Button size="small" onClick={() => setEditing(c)} data-testid={`category-edit-${c.code}`}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" onClick={() => setActive(c, !c.active)} data-testid={`category-toggle-${c.code}`}>
                      {c.active ? t('categories.retire') : t('categories.reactivate')}
                    </Button>
                  </>
                )}
                <AuditButton recordType="category" recordId={c.id} title={c.code} />
              </Space>
            ),
          },
        ]}
      />
      <CategoryModal
        category={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </Card>
  );
}

interface CategoryForm {
  code: string;
  name: string;
  nameEn?: string;
  active: boolean;
}

function CategoryModal({ category, onClose, onSaved }: { category: CategoryRow | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryForm>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching: c }, create] = useMutation(CreateCategoryMutation);
  const [{ fetching: u }, update] = useMutation(UpdateCategoryMutation);
  const isNew = category === 'new';

  useEffect(() => {
    setGeneral([]);
    form.resetFields();
    if (category && category !== 'new') form.setFieldsValue({ ...category });
    else form.setFieldsValue({ active: true });
  }, [category, form]);

  async function submit() {
    const v = await form.validateFields();
    let errors: readonly UserErrorLike[] = [];
    if (isNew) {
      const res = await create({ input: { code: v.code.trim(), name: v.name, nameEn: v.nameEn || null } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.createCategory.userErrors ?? [];
    } else if (category) {
      const res = await update({ input: { id: category.id, name: v.name, nameEn: v.nameEn ?? '', active: v.active } });
      if (res.error) return setGeneral([res.error.message]);
      errors = res.data?.updateCategory.userErrors ?? [];
    }
    if (errors.length === 0) {
      message.success(t('categories.saved'));
      onSaved();
    } else setGeneral(applyUserErrors(form, errors));
  }

  return (
    <Modal
      open={!!category}
      title={isNew ? t('categories.create') : t('common.edit')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={c || u}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'category-save' } as Record<string, string>}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="category-form">
        <Form.Item name="code" label={t('categories.code')} extra={isNew ? t('categories.codeHint') : undefined} rules={[{ required: true, message: t('common.required') }]}>
          <Input disabled={!isNew} autoComplete="off" data-testid="category-code" />
        </Form.Item>
        <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" data-testid="category-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categories.nameEn')}>
          <Input autoComplete="off" data-testid="category-nameEn" />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch data-testid="category-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
