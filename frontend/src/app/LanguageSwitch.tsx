import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useLocale, useT, type Locale } from '../i18n';
import { UpdateMyLanguageMutation } from '../features/users/mutations';
import { useResetGraphQL } from './GraphQLProvider';

/**
 * Toggles 中文 / English; the choice is remembered in localStorage and,
 * when signed in, saved as the user's language, so that the server writes
 * its messages in it (on every device). The GraphQL cache and socket start
 * afresh so that texts the server wrote show in the new language. Compact
 * (the narrow header) shows only the other language's short name.
 */
export function LanguageSwitch({ signedIn = false, compact = false }: { signedIn?: boolean; compact?: boolean }) {
  const t = useT();
  const [locale, setLocale] = useLocale();
  const [, save] = useMutation(UpdateMyLanguageMutation);
  const resetGraphQL = useResetGraphQL();
  async function toggle() {
    const next: Locale = locale === 'zh' ? 'en' : 'zh';
    setLocale(next);
    if (signedIn) {
      await save({ language: next === 'en' ? 'EN' : 'ZH_CN' });
      resetGraphQL();
    }
  }
  return (
    <Button type="text" icon={<TranslationOutlined />} data-testid="lang-switch" onClick={() => void toggle()} aria-label={t('lang.switch')} title={t('lang.switch')} style={compact ? { minWidth: 44, height: 44, padding: '0 6px' } : undefined}>
      {compact ? (locale === 'zh' ? 'EN' : '中') : t('lang.switch')}
    </Button>
  );
}
