import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../i18n';

/** Toggles 中文 / English; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      data-testid="lang-switch"
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </Button>
  );
}
