import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';

/** Every stay in a community, current ones first: role, how they joined, when they came and went. */
export function CommunitiesCard({ memberId, version }: { memberId: number; version: number }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const stays = useRequest(
    (signal) =>
      call(api.GET('/api/v1/members/{id}/community-memberships', { params: { path: { id: memberId } }, signal })),
    [memberId, version],
  );
  const items = [...(stays.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <Card size="small" title={t('member.communities')} loading={stays.loading && !stays.data}>
      {stays.error ? <ErrorState error={stays.error} compact onRetry={stays.reload} /> : null}
      {stays.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.noCommunities')} />
      ) : null}
      <Flex vertical gap={12}>
        {items.map((s) => (
          <div key={s.membershipId}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{s.communityName}</Typography.Text>
              <Tag color={s.current ? 'green' : 'default'} style={{ margin: 0 }}>
                {s.current ? t('member.community.current') : t('member.community.past')}
              </Tag>
              {s.role !== 'member' ? <Tag style={{ margin: 0 }}>{labelOf(t, 'membershipRole', s.role)}</Tag> : null}
            </Flex>
            <div className="kith-muted">
              {t('member.community.joined')} {fmt.date(s.joinedAt)}
              {s.leftAt ? ` · ${t('member.community.left')} ${fmt.date(s.leftAt)}` : ''}
              {` · ${labelOf(t, 'joinSource', s.joinSource)}`}
            </div>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
