import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zh, type MessageKey } from './zh';
import { ENUM_LABEL_PREFIX } from './enums';

export type Locale = 'zh' | 'en';
export type { MessageKey };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh, en };

const STORAGE_KEY = 'jxc.locale';

let activeLocale: Locale | null = null;

/**
 * The UI's language as the server names it (zh-CN, en): sent as
 * Accept-Language on every request and as `language` in the websocket's
 * connection_init, so that the server's messages match the screens.
 */
export function serverLanguage(): 'zh-CN' | 'en' {
  return (activeLocale ?? initialLocale()) === 'en' ? 'en' : 'zh-CN';
}

/** The UI locale of a saved server preference (the Language enum). */
export function localeOfLanguage(lang: string | null | undefined): Locale | null {
  return lang === 'EN' ? 'en' : lang === 'ZH_CN' ? 'zh' : null;
}

export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked; fall back to the default.
  }
  return 'zh';
}

/** Formats a message, replacing {name} placeholders with params. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  activeLocale = locale;
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    activeLocale = l;
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not remembered; the switch still works for this page.
    }
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useT must be used inside <I18nProvider>');
  return v;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18n().t;
}

/** The current language and a setter that remembers it. */
export function useLocale(): [Locale, (l: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}

/** A record's name in the current language: nameEn in English when set, else the Chinese name. */
export function useLocalName(): (o: { name: string; nameEn?: string | null } | null | undefined) => string {
  const { locale } = useI18n();
  return useCallback(
    (o) => (!o ? '' : locale === 'en' && o.nameEn ? o.nameEn : o.name),
    [locale],
  );
}

/** Whether a message key exists (for keys built from server enums). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/**
 * The label of a server enum value: `enumOrPrefix` is the GraphQL enum's name
 * (its prefix is in ENUM_LABEL_PREFIX, i18n/enums.ts) or a message prefix;
 * the label is the message `prefix.VALUE`. A value added to the schema
 * before its translation shows as it is (and fails enums.test.ts).
 */
export function enumLabel(t: TFunction, enumOrPrefix: string, value: string): string {
  const prefix = Object.prototype.hasOwnProperty.call(ENUM_LABEL_PREFIX, enumOrPrefix) ? ENUM_LABEL_PREFIX[enumOrPrefix] : enumOrPrefix;
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}
