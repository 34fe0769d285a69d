import type { ReactNode } from 'react';
import { Form, type FormListFieldData, type FormItemProps, type TableColumnType } from 'antd';

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
