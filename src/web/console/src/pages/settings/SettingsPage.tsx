import { useNavigate, useParams } from 'react-router';
import { Tabs } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import NotFoundPage from '../not-found/NotFoundPage';
import { StaffTab } from './StaffTab';
import { ApiKeysTab } from './ApiKeysTab';
import { AuditTab } from './AuditTab';
import { SystemTab } from './SystemTab';

const TABS = [
  { key: 'staff', permission: 'staff:manage', label: 'settings.staff', Page: StaffTab },
  { key: 'api-keys', permission: 'api_keys:manage', label: 'settings.apiKeys', Page: ApiKeysTab },
  { key: 'audit', permission: 'audit:read', label: 'settings.audit', Page: AuditTab },
  { key: 'system', permission: 'staff:manage', label: 'settings.system', Page: SystemTab },
] as const;

/** 设置: staff accounts and roles, API keys, the audit log, data and backups — each tab for the roles that hold it. */
export default function SettingsPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const navigate = useNavigate();
  const tabs = TABS.filter((x) => can(x.permission));
  const key = useParams().tab ?? tabs[0]?.key;
  const current = tabs.find((x) => x.key === key);
  if (!current) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs
        activeKey={current.key}
        onChange={(k) => navigate(`/settings/${k}`)}
        style={{ marginBottom: 8 }}
        items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))}
      />
      <current.Page />
    </>
  );
}
