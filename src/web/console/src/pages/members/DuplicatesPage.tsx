import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { useCommunities } from '../../hooks/useCommunities';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { MemberAvatar } from '../../components/MemberBits';
import { MembersTabs } from './MembersTabs';
import { MergeDialog, type MergePair } from './MergeDialog';
import { useMergeUndo } from './useMergeUndo';
import type { DuplicatePair } from './types';
import { DUPLICATE_REASONS, type DuplicateReason } from './duplicate-reasons';

type Reason = DuplicateReason;

function Who({ m }: { m: DuplicatePair['a'] }) {
  return (
    <Flex align="center" gap={8}>
      <MemberAvatar id={m.id} name={m.displayName} url={m.avatarUrl} size={28} />
      <Link to={`/members/${m.id}`}>{m.displayName}</Link>
      <span className="kith-muted">#{m.id}</span>
    </Flex>
  );
}

/** 疑似重复: pairs that look like one person, each with why, to compare and merge. */
export default function DuplicatesPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const communities = useCommunities();
  const [reason, setReason] = useState<Reason | undefined>();
  const [pair, setPair] = useState<MergePair | null>(null);
  const { announce } = useMergeUndo();
  const list = useRequest(
    (signal) => call(api.GET('/api/v1/members/duplicates', { params: { query: { limit: 200, reason } }, signal })),
    [reason],
  );
  const communityName = (id: number | null) =>
    id === null ? '' : (communities.data?.find((c) => c.id === id)?.name ?? `#${id}`);

  return (
    <>
      <PageHeader title={t('members.title')} />
      <MembersTabs />
      <Typography.Paragraph type="secondary">{t('duplicates.hint')}</Typography.Paragraph>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex style={{ padding: '8px 12px' }}>
          <Select<Reason | 'all'>
            value={reason ?? 'all'}
            onChange={(v) => setReason(v === 'all' ? undefined : v)}
            style={{ width: 220 }}
            aria-label={t('duplicates.filterReason')}
            options={[
              { value: 'all', label: t('duplicates.allReasons') },
              ...DUPLICATE_REASONS.map((r) => ({ value: r, label: labelOf(t, 'duplicates.reason', r) })),
            ]}
          />
        </Flex>
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} compact onRetry={list.reload} />
          </div>
        ) : null}
        <Table<DuplicatePair>
          rowKey={(p) => `${p.a.id}-${p.b.id}`}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <div style={{ padding: 24 }}>{t('duplicates.empty')}</div> }}
          columns={[
            { key: 'a', title: t('members.col.member'), render: (_, p) => <Who m={p.a} /> },
            { key: 'b', title: t('duplicates.sameAs'), render: (_, p) => <Who m={p.b} /> },
            {
              key: 'why',
              title: t('duplicates.filterReason'),
              render: (_, p) => (
                <Flex gap={4} wrap>
                  {p.reasons.map((r, i) => (
                    <Tag key={i} color="orange">
                      {labelOf(t, 'duplicates.reason', r.reason)}：
                      {r.communityId !== null ? `${r.value} · ${communityName(r.communityId)}` : r.value}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            ...(can('members:merge')
              ? [
                  {
                    key: 'act',
                    title: '',
                    width: 140,
                    render: (_: unknown, p: DuplicatePair) => (
                      <Button
                        size="small"
                        icon={<MergeCellsOutlined />}
                        onClick={() => setPair({ survivorId: p.a.id, mergedId: p.b.id })}
                      >
                        {t('duplicates.compare')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <MergeDialog
        pair={pair}
        onClose={() => setPair(null)}
        onMerged={(done) => {
          setPair(null);
          list.reload();
          announce(done, list.reload);
        }}
      />
    </>
  );
}
