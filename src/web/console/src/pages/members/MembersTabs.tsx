import { useLocation, useNavigate } from 'react-router';
import { Tabs } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

/** All members | possible duplicates: two views of the same people. */
export function MembersTabs() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Tabs
      activeKey={pathname === '/members/duplicates' ? 'duplicates' : 'all'}
      onChange={(k) => navigate(k === 'duplicates' ? '/members/duplicates' : '/members')}
      items={[
        { key: 'all', label: t('members.tabAll') },
        { key: 'duplicates', label: t('members.tabDuplicates') },
      ]}
      style={{ marginBottom: 8 }}
    />
  );
}
