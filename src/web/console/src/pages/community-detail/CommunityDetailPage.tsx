import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Skeleton, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { api, call, ApiError } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { addDays } from '../../i18n/format';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { forgetCommunities } from '../../hooks/useCommunities';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { EChart } from '../../components/EChart';
import { describeError } from '../../components/errors';
import NotFoundPage from '../not-found/NotFoundPage';
import { PeriodPicker } from '../overview/PeriodPicker';
import { PositioningTags } from '../communities/CommunityBits';
import { CommunityFormDialog } from '../communities/CommunityFormDialog';
import { StatsCards } from './StatsCards';
import { EngagementCard } from './EngagementCard';
import { MembersCard } from './MembersCard';
import { AboutCard, RulesCard } from './AboutCard';
import { trendOption } from './trend-chart';

/**
 * One community: how it is positioned and who runs it, its members and their roles, joins and
 * leaves over a period (kept in the address), and its rules. Writers edit and archive it here.
 */
export default function CommunityDetailPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { workspace, can } = useMe();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? addDays(workspace.today, -29);
  const to = params.get('to') ?? workspace.today;
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [version, setVersion] = useState(0);

  const community = useRequest(
    (signal) =>
      valid
        ? call(api.GET('/api/v1/communities/{id}', { params: { path: { id } }, signal }))
        : Promise.resolve(undefined),
    [id],
  );
  const stats = useRequest(
    (signal) =>
      valid
        ? call(api.GET('/api/v1/communities/{id}/stats', { params: { path: { id }, query: { from, to } }, signal }))
        : Promise.resolve(undefined),
    [id, from, to, version],
  );
  const trend = useRequest(
    (signal) =>
      valid
        ? call(api.GET('/api/v1/communities/{id}/trend', { params: { path: { id }, query: { from, to } }, signal }))
        : Promise.resolve(undefined),
    [id, from, to, version],
  );
  const chart = useMemo(() => trend.data && trendOption(trend.data, t, fmt), [trend.data, t, fmt]);

  if (!valid || (community.error instanceof ApiError && community.error.status === 404)) return <NotFoundPage />;
  const c = community.data;
  const back = (
    <Link to="/communities" className="kith-muted">
      <ArrowLeftOutlined /> {t('community.back')}
    </Link>
  );
  if (community.error && !c)
    return (
      <>
        <PageHeader title={t('community.id', { id: String(id) })} back={back} />
        <ErrorState error={community.error} onRetry={community.reload} />
      </>
    );
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;

  const canWrite = can('communities:write');
  const refresh = () => setVersion((v) => v + 1);

  const setArchived = async (archive: boolean) => {
    setArchiving(true);
    try {
      const r = archive
        ? await call(api.POST('/api/v1/communities/{id}/archive', { params: { path: { id } } }))
        : await call(api.POST('/api/v1/communities/{id}/unarchive', { params: { path: { id } } }));
      community.setData({ ...c, ...r });
      forgetCommunities();
      message.success(
        archive ? t('community.archivedDone', { name: c.name }) : t('community.unarchivedDone', { name: c.name }),
      );
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setArchiving(false);
    }
  };

  return (
    <>
      <PageHeader
        back={back}
        title={
          <Flex align="center" gap={8} wrap>
            <span>{c.name}</span>
            {c.archived ? <Tag>{t('communities.archivedTag')}</Tag> : null}
          </Flex>
        }
        subtitle={
          <div style={{ marginTop: 6 }}>
            <PositioningTags channel={c.channel} positioningType={c.positioningType} goal={c.goal} stage={c.stage} />
          </div>
        }
        extra={
          <>
            <PeriodPicker
              value={{ from, to }}
              today={workspace.today}
              onChange={(r) => setParams({ from: r.from, to: r.to }, { replace: true })}
            />
            {canWrite ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('community.edit')}
                </Button>
                {c.archived ? (
                  <Popconfirm
                    title={t('community.unarchiveConfirm')}
                    okText={t('community.unarchive')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setArchived(false)}
                  >
                    <Button icon={<RollbackOutlined />} loading={archiving}>
                      {t('community.unarchive')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Popconfirm
                    title={t('community.archiveConfirm')}
                    okText={t('community.archive')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => setArchived(true)}
                  >
                    <Button icon={<InboxOutlined />} loading={archiving}>
                      {t('community.archive')}
                    </Button>
                  </Popconfirm>
                )}
              </>
            ) : null}
          </>
        }
      />
      {c.archived ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('community.archivedNotice', { at: c.archivedAt ? fmt.date(c.archivedAt) : '' })}
        />
      ) : null}
      {stats.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorState error={stats.error} onRetry={stats.reload} compact />
        </div>
      ) : null}
      <StatsCards stats={stats.data} loading={stats.loading} />
      <EngagementCard communityId={c.id} />
      <Card
        size="small"
        title={t('community.trend.title')}
        style={{ marginBottom: 12 }}
        loading={trend.loading && !trend.data}
      >
        {trend.error ? <ErrorState error={trend.error} onRetry={trend.reload} compact /> : null}
        {chart && trend.data?.days.length ? (
          <EChart option={chart} height={280} ariaLabel={t('community.trend.title')} />
        ) : null}
        {trend.data && !trend.data.days.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <MembersCard communityId={c.id} editable={canWrite && !c.archived} onChanged={refresh} />
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={12}>
            <AboutCard community={c} />
            <RulesCard rules={c.rules} onEdit={canWrite ? () => setEditing(true) : undefined} />
          </Flex>
        </Col>
      </Row>
      <CommunityFormDialog
        open={editing}
        community={c}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          community.setData({ ...c, ...saved });
          refresh();
        }}
      />
    </>
  );
}
