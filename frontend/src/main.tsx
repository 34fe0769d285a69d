import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { I18nProvider, useLocale } from './i18n';
import { GraphQLProvider } from './app/GraphQLProvider';
import { AppRoutes } from './app/AppRoutes';
import { registerServiceWorker } from './lib/pwa';
import './main.css';

function AntdConfig({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  return (
    // No space inserted between two Chinese characters of a button ("编 辑").
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d5fbf' } }} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AntdConfig>
        <BrowserRouter>
          <GraphQLProvider>
            <AppRoutes />
          </GraphQLProvider>
        </BrowserRouter>
      </AntdConfig>
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
