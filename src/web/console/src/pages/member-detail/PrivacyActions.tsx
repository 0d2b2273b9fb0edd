import { useState } from 'react';
import { Alert, App, Button, Dropdown, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EllipsisOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { describeError } from '../../components/errors';
import type { Member } from './types';

/** Hands a JSON document to the browser as a download. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Personal-data requests: export everything Kith holds about the member (a JSON file), or erase it.
 * Erasing cannot be undone, so it asks for the member number to be typed first.
 */
export function PrivacyActions({ member, onErased }: { member: Member; onErased: () => void }) {
  const { t } = useI18n();
  const { can } = useMe();
  const { message } = App.useApp();
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = !member.erasedAt && member.mergedInto === null;

  const exportData = async () => {
    try {
      const data = await call(api.GET('/api/v1/members/{id}/personal-data', { params: { path: { id: member.id } } }));
      download(`kith-member-${member.id}-personal-data.json`, data);
      message.success(t('privacy.exported'));
    } catch (e) {
      message.error(describeError(e, t).message);
    }
  };

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(api.POST('/api/v1/members/{id}/erase', { params: { path: { id: member.id } } }));
      message.success(t('privacy.erased'));
      setErasing(false);
      onErased();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  const items = [
    ...(can('members:data_request')
      ? [{ key: 'export', icon: <DownloadOutlined />, label: t('privacy.export'), onClick: exportData }]
      : []),
    ...(can('members:erase') && live
      ? [
          {
            key: 'erase',
            icon: <DeleteOutlined />,
            danger: true,
            label: t('privacy.erase'),
            onClick: () => {
              setTyped('');
              setError(null);
              setErasing(true);
            },
          },
        ]
      : []),
  ];
  if (items.length === 0) return null;

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<EllipsisOutlined />} aria-label={t('member.actions')}>
          {t('member.actions')}
        </Button>
      </Dropdown>
      <Modal
        title={t('privacy.eraseTitle', { name: member.displayName })}
        open={erasing}
        onCancel={() => setErasing(false)}
        destroyOnHidden
        okText={t('privacy.eraseConfirm')}
        cancelText={t('common.cancel')}
        onOk={erase}
        confirmLoading={busy}
        okButtonProps={{ danger: true, disabled: typed.trim() !== String(member.id) }}
      >
        <Alert type="warning" showIcon title={t('privacy.eraseWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>{t('privacy.eraseType', { id: String(member.id) })}</Typography.Paragraph>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-label={t('privacy.eraseType', { id: String(member.id) })}
          autoComplete="off"
        />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" /> : null}
      </Modal>
    </>
  );
}
