import type { ReactNode } from 'react';
import { Form, Table, type FormListFieldData, type FormItemProps, type TableColumnType, type TableProps } from 'antd';

/**
 * A column of an editable lines table (one row per Form.List field): the
 * line's `field` as a form item, with its rules, around `input`.
 */
export function lineColumn(
  title: ReactNode,
  field: string,
  input: (f: FormListFieldData) => ReactNode,
  opts: { width?: number; rules?: FormItemProps['rules'] } = {},
): TableColumnType<FormListFieldData> {
  return {
    title,
    width: opts.width,
    render: (_, f) => (
      <Form.Item name={[f.name, field]} rules={opts.rules} style={{ margin: 0 }}>
        {input(f)}
      </Form.Item>
    ),
  };
}

/** The table of an editable lines form: one small row per Form.List field, no paging. */
export function LinesTable({ fields, ...props }: { fields: FormListFieldData[] } & Omit<TableProps<FormListFieldData>, 'dataSource'>) {
  return <Table<FormListFieldData> size="small" pagination={false} rowKey="key" dataSource={fields} {...props} />;
}
