import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Col, Flex, Row, Skeleton, Tabs } from 'antd';
import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { api, call, ApiError } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { AccountTypeTag, MemberAvatar, StageTag } from '../../components/MemberBits';
import NotFoundPage from '../not-found/NotFoundPage';
import { MergeDialog, type MergePair } from '../members/MergeDialog';
import { useMergeUndo } from '../members/useMergeUndo';
import { ProfileCard } from './ProfileCard';
import { IdentitiesCard } from './IdentitiesCard';
import { CommunitiesCard } from './CommunitiesCard';
import { MemberRfmCard } from '../analytics/MemberRfmCard';
import { TagsCard } from './TagsCard';
import { ProfileFieldSelect } from './ProfileFieldSelect';
import { ActivityTimeline } from './ActivityTimeline';
import { MergePicker } from './MergePicker';
import { MergeHistory } from './MergeHistory';
import { PrivacyActions } from './PrivacyActions';
import { LoyaltyTab } from './LoyaltyTab';

/**
 * One member, everything about them: profile, channel accounts, communities, tags, stage and what
 * they did — and the operator's actions on them (tag, change stage, merge and undo, export, erase);
 * their standing in the membership programme on its own tab (?tab=loyalty).
 */
export default function MemberDetailPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { can, me } = useMe();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [version, setVersion] = useState(0);
  const [picking, setPicking] = useState(false);
  const [pair, setPair] = useState<MergePair | null>(null);
  const { announce, undo } = useMergeUndo();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'loyalty' && can('loyalty:read') ? 'loyalty' : 'profile';
  const member = useRequest(
    (signal) =>
      valid ? call(api.GET('/api/v1/members/{id}', { params: { path: { id } }, signal })) : Promise.resolve(undefined),
    [id, version],
  );
  const refresh = () => setVersion((v) => v + 1);

  if (!valid || (member.error instanceof ApiError && member.error.status === 404)) return <NotFoundPage />;
  const m = member.data;
  const back = (
    <Link to="/members" className="kith-muted">
      <ArrowLeftOutlined /> {t('member.back')}
    </Link>
  );
  if (member.error && !m)
    return (
      <>
        <PageHeader title={t('member.id', { id: String(id) })} back={back} />
        <ErrorState error={member.error} onRetry={member.reload} />
      </>
    );
  if (!m) return <Skeleton active avatar paragraph={{ rows: 8 }} />;

  const live = m.mergedInto === null && !m.erasedAt;
  const canWrite = live && can('members:write');

  return (
    <>
      <PageHeader
        back={back}
        title={
          <Flex align="center" gap={12}>
            <MemberAvatar id={m.id} name={m.displayName} url={m.avatarUrl} size={40} />
            <span>{m.displayName}</span>
          </Flex>
        }
        subtitle={
          <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
            <span>{t('member.id', { id: String(m.id) })}</span>
            {canWrite ? null : <StageTag stage={m.lifecycleStage} />}
            {m.accountType !== 'member' ? <AccountTypeTag type={m.accountType} /> : null}
          </Flex>
        }
        extra={
          <>
            {canWrite ? (
              <>
                <ProfileFieldSelect member={m} field="lifecycleStage" onChanged={(x) => member.setData(x)} />
                <ProfileFieldSelect member={m} field="accountType" onChanged={(x) => member.setData(x)} />
              </>
            ) : null}
            {live && can('members:merge') ? (
              <Button icon={<MergeCellsOutlined />} onClick={() => setPicking(true)}>
                {t('merge.pick')}
              </Button>
            ) : null}
            <PrivacyActions member={m} onErased={refresh} />
          </>
        }
      />
      {m.mergedInto !== null ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('member.mergedInto', { id: String(m.mergedInto) })}
          action={
            <Link to={`/members/${m.mergedInto}`}>
              <Button size="small">{t('member.openSurvivor', { id: String(m.mergedInto) })}</Button>
            </Link>
          }
        />
      ) : null}
      {m.erasedAt ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('member.erased', { at: fmt.dateTime(m.erasedAt) })}
        />
      ) : null}
      <Tabs
        activeKey={tab}
        style={{ marginTop: -8 }}
        destroyOnHidden
        onChange={(k) => setParams(k === 'loyalty' ? { tab: 'loyalty' } : {}, { replace: true })}
        items={[
          {
            key: 'profile',
            label: t('member.tab.profile'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={9}>
                  <Flex vertical gap={16}>
                    <TagsCard member={m} editable={canWrite} onChange={refresh} />
                    <ProfileCard member={m} />
                    <IdentitiesCard member={m} />
                    <CommunitiesCard memberId={m.id} version={version} />
                    {can('analytics:read') && me.communityIds === null ? <MemberRfmCard memberId={m.id} /> : null}
                    <MergeHistory memberId={m.id} version={version} onUndo={(mergeId) => void undo(mergeId, refresh)} />
                  </Flex>
                </Col>
                <Col xs={24} lg={15}>
                  <ActivityTimeline memberId={m.id} version={version} />
                </Col>
              </Row>
            ),
          },
          ...(can('loyalty:read')
            ? [{ key: 'loyalty', label: t('member.tab.loyalty'), children: <LoyaltyTab member={m} /> }]
            : []),
        ]}
      />
      <MergePicker
        member={m}
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(mergedId) => {
          setPicking(false);
          setPair({ survivorId: m.id, mergedId });
        }}
      />
      <MergeDialog
        pair={pair}
        onClose={() => setPair(null)}
        onMerged={(done) => {
          setPair(null);
          refresh();
          announce(done, refresh);
        }}
      />
    </>
  );
}
