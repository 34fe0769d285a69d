import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

/** Touch targets on the handheld screens: at least 44 px (WCAG), 52 for the main actions. */
export const TOUCH = 44;
export const BIG: CSSProperties = { height: 52, fontSize: 18 };

/** One handheld screen: a back link to the handheld home, its title, then one column of content. */
export function HandheldPage({ title, back = '/m', children, testId }: { title: string; back?: string | null; children: ReactNode; testId?: string }) {
  const t = useT();
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        {back && (
          <Link to={back} data-testid="hh-back" aria-label={t('hh.back')}>
            <Button icon={<LeftOutlined />} style={{ width: TOUCH, height: TOUCH }} aria-label={t('hh.back')} />
          </Link>
        )}
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="hh-title">
          {title}
        </Typography.Title>
      </div>
      {children}
    </div>
  );
}

/** A big row to tap (a shipment, an order, a product): a title line and a detail line. */
export function TapRow({ title, detail, extra, onClick, testId }: { title: ReactNode; detail?: ReactNode; extra?: ReactNode; onClick?: () => void; testId?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      style={{
        display: 'flex',
        width: '100%',
        minHeight: 60,
        alignItems: 'center',
        gap: 8,
        padding: '10px 12px',
        marginBottom: 8,
        border: '1px solid #d9d9d9',
        borderRadius: 8,
        background: '#fff',
        textAlign: 'left',
        fontSize: 16,
        cursor: onClick ? 'pointer' : 'default',
      }}
    >
      <span style={{ flex: 1, minWidth: 0 }}>
        <span style={{ display: 'block', fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</span>
        {detail && <span style={{ display: 'block', color: '#666', fontSize: 14, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{detail}</span>}
      </span>
      {extra && <span style={{ flex: 'none' }}>{extra}</span>}
    </button>
  );
}
