import { useState } from 'react';
import { App, Button, Dropdown, Flex, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider';
import { labelOf } from '../i18n/labels';
import { useMe, useSession } from '../session/SessionProvider';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** Who is signed in, with their role; change password and sign out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { me } = useMe();
  const { logout } = useSession();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const role = labelOf(t, 'role', me.role ?? me.type);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <Flex vertical>
                  <strong>{me.name ?? me.label}</strong>
                  {me.name ? <Typography.Text type="secondary">{me.label}</Typography.Text> : null}
                  <Typography.Text type="secondary">{role}</Typography.Text>
                </Flex>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: t('user.changePassword'),
              onClick: () => setChanging(true),
            },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: t('user.logout'),
              onClick: () => void logout().then(() => message.success(t('user.loggedOut'))),
            },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={t('user.menu')}>
          {compact ? null : (
            <span className="kith-user-label" data-testid="user-name">
              {me.name ?? me.label}
              <Typography.Text type="secondary"> · {role}</Typography.Text>
            </span>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
