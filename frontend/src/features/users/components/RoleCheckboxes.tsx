import { Checkbox } from 'antd';
import type { Role } from '../../../gql/graphql';
import { ALL_ROLES } from '../../../app/access';
import { useT } from '../../../i18n';

/** Role picker for antd Form.Item (value/onChange are injected by the form). */
export function RoleCheckboxes({ value, onChange }: { value?: Role[]; onChange?: (v: Role[]) => void }) {
  const t = useT();
  return (
    <Checkbox.Group
      value={value}
      onChange={(v) => onChange?.(v as Role[])}
      options={ALL_ROLES.map((r) => ({
        value: r,
        label: <span data-testid={`role-${r}`}>{t(`role.${r}`)}</span>,
      }))}
    />
  );
}
