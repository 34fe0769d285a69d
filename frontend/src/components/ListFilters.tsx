import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Checkbox, DatePicker, Input, Popover, Select, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { SettingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ListState } from '../lib/listState';
import { isoDate } from '../lib/date';
import { useT } from '../i18n';

/**
 * The filters above a document list, bound to the URL through useListState:
 * text search, a date range and a status filter (each shown when asked for),
 * then whatever the screen adds (customer, warehouse...).
 */
export function ListFilters({
  state,
  searchPlaceholder,
  dates = true,
  statusOptions,
  children,
  testId = 'list',
}: {
  state: Pick<ListState, 'search' | 'setSearch' | 'dateFrom' | 'dateTo' | 'setDates' | 'statuses' | 'setStatuses'>;
  searchPlaceholder?: string;
  dates?: boolean;
  statusOptions?: { value: string; label: string }[];
  children?: ReactNode;
  testId?: string;
}) {
  const t = useT();
  const [text, setText] = useState(state.search);
  // The URL is the truth: back and forward bring their search back into the box.
  useEffect(() => setText(state.search), [state.search]);
  return (
    <Space wrap>
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={searchPlaceholder ?? t('list.search')}
        onSearch={(v) => state.setSearch(v)}
        style={{ width: 240 }}
        data-testid={`${testId}-search`}
      />
      {dates && (
        <DatePicker.RangePicker
          value={[state.dateFrom ? dayjs(state.dateFrom) : null, state.dateTo ? dayjs(state.dateTo) : null]}
          onChange={(v) => state.setDates(isoDate(v?.[0]), isoDate(v?.[1]))}
          allowEmpty={[true, true]}
          data-testid={`${testId}-dates`}
        />
      )}
      {statusOptions && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('common.status')}
          style={{ minWidth: 160 }}
          value={state.statuses}
          onChange={(v: string[]) => state.setStatuses(v)}
          options={statusOptions}
          data-testid={`${testId}-status`}
        />
      )}
      {children}
    </Space>
  );
}

/**
 * The columns a user chose to see in one list, remembered in this browser
 * (localStorage `jxc.cols.<list>`), and the button that chooses them.
 * Columns need a `key`; the first column always stays.
 */
export function useColumnChooser<T>(list: string, columns: ColumnType<T>[]) {
  const t = useT();
  const storageKey = `jxc.cols.${list}`;
  const [hidden, setHidden] = useState<string[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const save = (h: string[]) => {
    setHidden(h);
    localStorage.setItem(storageKey, JSON.stringify(h));
  };
  const keyOf = (c: ColumnType<T>) => String(c.key ?? c.dataIndex ?? '');
  const visible = useMemo(() => columns.filter((c, i) => i === 0 || !hidden.includes(keyOf(c))), [columns, hidden]);
  const chooser = (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          value={columns.map(keyOf).filter((k) => !hidden.includes(k))}
          onChange={(v) => save(columns.map(keyOf).filter((k, i) => i > 0 && !v.includes(k)))}
          options={columns.map((c, i) => ({ value: keyOf(c), label: c.title as ReactNode, disabled: i === 0 }))}
          data-testid={`${list}-columns-options`}
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid={`${list}-columns`}>
        {t('list.columns')}
      </Button>
    </Popover>
  );
  return { columns: visible, chooser };
}

/** The bar over a list with rows selected: how many, and the actions for them. */
export function BulkBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
      <span>{t('list.selected', { n: count })}</span>
      {children}
      <Button type="link" onClick={onClear}>
        {t('list.clearSelection')}
      </Button>
    </Space>
  );
}
