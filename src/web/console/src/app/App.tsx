import { Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import 'antd/dist/antd.css';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { SessionProvider } from '../session/SessionProvider';
import { AppRoutes } from './routes';
import { theme } from './theme';

function Themed() {
  const { locale } = useI18n();
  return (
    // antd's own texts (pagination, date pickers, empty states) follow the chosen language too.
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense
              fallback={
                <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <AppRoutes />
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
