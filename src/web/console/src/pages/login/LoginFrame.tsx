import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

/** The frame of the pages before a session exists (sign-in, first-run setup): logo, name, language. */
export function LoginFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" justify="center" className="kith-login">
      <div className="kith-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="kith-login-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {children}
      </Card>
    </Flex>
  );
}
