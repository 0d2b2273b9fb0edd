import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { useCan, type Permission } from './SessionProvider';

/** A page for roles holding `permission`; others are told so instead of meeting a wall of 403s. */
export function Gate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  if (useCan()(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}
