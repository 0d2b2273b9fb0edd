import { useState } from 'react';
import { Alert, App, Form, Modal, Radio, Select } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useTags } from '../../hooks/useTags';
import { describeError } from '../../components/errors';
import { compact, memberFilter, type MemberQuery } from './member-query';

export type BulkTarget = { kind: 'selected'; ids: number[] } | { kind: 'filtered'; query: MemberQuery };

/**
 * Add and remove tags on many members at once: the selected rows, or everyone the current filter
 * finds (the server applies the very filter the list shows, not just this page).
 */
export function BulkTagDialog({
  target,
  onClose,
  onDone,
}: {
  target: BulkTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tags = useTags();
  const [add, setAdd] = useState<number[]>([]);
  const [remove, setRemove] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = (tags.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  const close = () => {
    setAdd([]);
    setRemove([]);
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!target) return;
    if (add.length === 0 && remove.length === 0) {
      setError(t('bulkTag.nothing'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const who =
        target.kind === 'selected' ? { memberIds: target.ids } : { filter: compact(memberFilter(target.query)) };
      const r = await call(api.POST('/api/v1/members/tags/bulk', { body: { ...who, add, remove } }));
      message.success(t('bulkTag.done', { matched: r.matched, added: r.added, removed: r.removed }));
      tags.reload();
      close();
      onDone();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('bulkTag.title')}
      open={!!target}
      onCancel={close}
      onOk={submit}
      confirmLoading={saving}
      okText={t('common.apply')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('bulkTag.target')}>
          <Radio checked>
            {target?.kind === 'selected'
              ? t('bulkTag.targetSelected', { count: target.ids.length })
              : t('bulkTag.targetFiltered')}
          </Radio>
        </Form.Item>
        <Form.Item label={t('bulkTag.add')}>
          <Select
            mode="multiple"
            value={add}
            onChange={setAdd}
            options={options.filter((o) => !remove.includes(o.value))}
            placeholder={t('bulkTag.pickTags')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={tags.loading}
            aria-label={t('bulkTag.add')}
          />
        </Form.Item>
        <Form.Item label={t('bulkTag.remove')}>
          <Select
            mode="multiple"
            value={remove}
            onChange={setRemove}
            options={options.filter((o) => !add.includes(o.value))}
            placeholder={t('bulkTag.pickTags')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={tags.loading}
            aria-label={t('bulkTag.remove')}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
