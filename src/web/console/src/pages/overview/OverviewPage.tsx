import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { api, call, queryString } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { EChart } from '../../components/EChart';
import { PeriodPicker } from './PeriodPicker';
import { KpiCards } from './KpiCards';
import { GettingStarted } from './GettingStarted';
import { MessagesDrawer, type MessagesRange } from './MessagesDrawer';
import { activityOption, communityFlowOption, growthOption } from './charts';
import { addDays } from '../../i18n/format';
import type { Overview } from './types';

function ChartCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="kith-chart-hint">
          {hint}
        </Typography.Text>
      }
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/**
 * 概览: the workspace at a glance for a period of workspace days (default the last 30), kept in
 * the address so a view can be shared. Every figure opens the list behind it.
 */
export default function OverviewPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { workspace, can } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? addDays(workspace.today, -29);
  const to = params.get('to') ?? workspace.today;
  const [messages, setMessages] = useState<MessagesRange | null>(null);

  const { data, error, loading, reload } = useRequest(
    (signal) => call(api.GET('/api/v1/overview', { params: { query: { from, to } }, signal })),
    [from, to],
  );

  const options = useMemo(
    () =>
      data && {
        growth: growthOption(data, t, fmt),
        activity: activityOption(data, t, fmt),
        flow: communityFlowOption(data, t, fmt),
      },
    [data, t, fmt],
  );

  const openDay = (d: Overview, i: number) => {
    const day = d.days[i];
    if (day && can('activities:read'))
      setMessages({ from: day.start, to: day.end, title: t('overview.dayMessages', { date: fmt.fullDay(day.date) }) });
  };

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        subtitle={
          data
            ? t('overview.subtitle', {
                from: fmt.fullDay(data.from),
                to: fmt.fullDay(data.to),
                timeZone: data.timeZone,
              })
            : '\u00a0'
        }
        extra={
          <PeriodPicker
            value={{ from, to }}
            today={workspace.today}
            onChange={(r) => setParams({ from: r.from, to: r.to }, { replace: true })}
          />
        }
      />
      <GettingStarted />
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {!data && loading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {data && options ? (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity .2s' }} aria-busy={loading}>
          <KpiCards
            data={data}
            onOpenMessages={() =>
              setMessages({ from: data.periodStart, to: data.periodEnd, title: t('overview.messages') })
            }
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <ChartCard title={t('overview.memberGrowth')} hint={t('overview.memberGrowthHint')}>
                <EChart
                  option={options.growth}
                  ariaLabel={t('overview.memberGrowth')}
                  onClick={({ dataIndex }) => {
                    const day = data.days[dataIndex];
                    if (day) navigate(`/members${queryString({ createdFrom: day.start, createdTo: day.end })}`);
                  }}
                />
              </ChartCard>
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('overview.activity')} hint={t('overview.activityHint')}>
                <EChart
                  option={options.activity}
                  ariaLabel={t('overview.activity')}
                  onClick={({ dataIndex }) => openDay(data, dataIndex)}
                />
              </ChartCard>
            </Col>
            <Col xs={24}>
              <ChartCard title={t('overview.communityFlow')} hint={t('overview.communityFlowHint')}>
                {data.communities.length === 0 ? (
                  <Empty description={t('overview.noCommunities')} />
                ) : (
                  <EChart
                    option={options.flow}
                    ariaLabel={t('overview.communityFlow')}
                    categoryAxis="y"
                    height={Math.max(200, data.communities.length * 56 + 60)}
                    onClick={({ dataIndex }) => {
                      const c = [...data.communities].reverse()[dataIndex];
                      if (c) navigate(`/members${queryString({ communityId: c.id })}`);
                    }}
                  />
                )}
              </ChartCard>
            </Col>
          </Row>
        </div>
      ) : null}
      <MessagesDrawer range={messages} onClose={() => setMessages(null)} />
    </>
  );
}
