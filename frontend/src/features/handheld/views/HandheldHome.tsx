import { Link } from 'react-router';
import { DatabaseOutlined, DesktopOutlined, EditOutlined, InboxOutlined, NumberOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { useMe } from '../../../app/session';
import { allows } from '../../../app/access';
import { HandheldPage } from '../components/HandheldPage';
import { HANDHELD_TASKS } from '../routes';

const ICONS: Record<string, ComponentType<{ style?: React.CSSProperties }>> = {
  handheldPick: SendOutlined,
  handheldReceive: InboxOutlined,
  handheldCount: NumberOutlined,
  handheldAdjust: EditOutlined,
  handheldMove: SwapOutlined,
  handheldLookup: DatabaseOutlined,
};

/** The handheld home: one big tile per warehouse task the user's roles allow, and a way to the desktop screens. */
export default function HandheldHome() {
  const t = useT();
  const me = useMe();
  const tiles = HANDHELD_TASKS.filter((e) => allows(e.roles, me.roles));
  return (
    <HandheldPage title={t('menu.handheld')} back={null} testId="hh-home">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 12 }}>
        {tiles.map((e) => {
          const Icon = ICONS[e.key] ?? DatabaseOutlined;
          return <Tile key={e.key} to={e.path} icon={<Icon style={{ fontSize: 32 }} />} label={t(e.labelKey)} hint={t(`${e.labelKey}Hint` as MessageKey)} testId={`hh-tile-${e.key}`} />;
        })}
        <Tile to="/" desktop icon={<DesktopOutlined style={{ fontSize: 32 }} />} label={t('hh.desktop')} hint={t('hh.desktopHint')} testId="hh-tile-desktop" />
      </div>
    </HandheldPage>
  );
}

function Tile({ to, icon, label, hint, testId, desktop }: { to: string; icon: React.ReactNode; label: string; hint: string; testId: string; desktop?: boolean }) {
  return (
    <Link
      to={desktop ? `${to}?desktop=1` : to}
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 6,
        minHeight: 120,
        padding: 12,
        borderRadius: 12,
        background: desktop ? '#f5f5f5' : '#1d5fbf',
        color: desktop ? '#333' : '#fff',
        textAlign: 'center',
      }}
    >
      {icon}
      <span style={{ fontSize: 18, fontWeight: 600 }}>{label}</span>
      <span style={{ fontSize: 12, opacity: 0.85 }}>{hint}</span>
    </Link>
  );
}
