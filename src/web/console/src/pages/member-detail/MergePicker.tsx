import { useState } from 'react';
import { Alert, Button, Flex, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useRequest } from '../../hooks/useRequest';
import { MemberAvatar } from '../../components/MemberBits';
import { ErrorState } from '../../components/ErrorState';
import type { Member } from './types';

/**
 * Choose who to merge into this member: the likely duplicates Kith found first, or anyone found
 * by search. The preview comes next (MergeDialog); nothing is merged here.
 */
export function MergePicker({
  member,
  open,
  onClose,
  onPick,
}: {
  member: Member;
  open: boolean;
  onClose: () => void;
  onPick: (mergedId: number) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // The duplicate finder looks across the workspace; keep the pairs this member is in.
  const suggestions = useRequest(
    async (signal) => {
      if (!open) return [];
      const r = await call(api.GET('/api/v1/members/duplicates', { params: { query: { limit: 500 } }, signal }));
      return r.items
        .filter((p) => p.a.id === member.id || p.b.id === member.id)
        .map((p) => ({ other: p.a.id === member.id ? p.b : p.a, reasons: p.reasons }));
    },
    [open, member.id],
  );
  const found = useRequest(
    async (signal) =>
      q.trim()
        ? (
            await call(api.GET('/api/v1/members', { params: { query: { q: q.trim(), limit: 20 } }, signal }))
          ).items.filter((m) => m.id !== member.id)
        : [],
    [q, member.id],
  );

  return (
    <Modal title={t('merge.pick')} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Title level={5}>{t('merge.suggested')}</Typography.Title>
      {suggestions.error ? <ErrorState error={suggestions.error} compact onRetry={suggestions.reload} /> : null}
      {suggestions.loading ? <Skeleton active avatar paragraph={{ rows: 1 }} /> : null}
      {!suggestions.loading && suggestions.data?.length === 0 ? (
        <Alert type="info" title={t('merge.noSuggestions')} />
      ) : null}
      <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="merge-suggestions">
        {(suggestions.data ?? []).map(({ other, reasons }) => (
          <Flex key={other.id} align="center" gap={8} wrap>
            <MemberAvatar id={other.id} name={other.displayName} url={other.avatarUrl} size={28} />
            <strong>{other.displayName}</strong>
            <span className="kith-muted">#{other.id}</span>
            {reasons.map((r, i) => (
              <Tag key={i} color="orange">
                {labelOf(t, 'duplicates.reason', r.reason)}
              </Tag>
            ))}
            <Button size="small" style={{ marginInlineStart: 'auto' }} onClick={() => onPick(other.id)}>
              {t('duplicates.compare')}
            </Button>
          </Flex>
        ))}
      </Flex>
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setQ }}
        style={{ width: '100%' }}
        placeholder={t('merge.pickPlaceholder')}
        aria-label={t('merge.pickPlaceholder')}
        loading={found.loading && !!q}
        value={null}
        onChange={(id) => onPick(id)}
        notFoundContent={q && !found.loading ? t('members.empty') : null}
        options={(found.data ?? []).map((m) => ({
          value: m.id,
          label: `${m.displayName} #${m.id}${m.phone ? ` · ${m.phone}` : ''}`,
        }))}
      />
    </Modal>
  );
}
