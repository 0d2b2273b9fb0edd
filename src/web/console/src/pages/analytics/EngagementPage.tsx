import { useMemo } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Skeleton, Table } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { EChart } from '../../components/EChart';
import { ExportButtons, KpiRow, ScopeBar, SectionTitle, useScope, type Kpi } from './AnalyticsBits';
import type { Engagement, Heatmap, TopContributors } from './types';
import { addDays } from '../../i18n/format';

const WEEKDAYS = [
  'analytics.mon',
  'analytics.tue',
  'analytics.wed',
  'analytics.thu',
  'analytics.fri',
  'analytics.sat',
  'analytics.sun',
] as const;

/**
 * 数据分析 · 活跃度: the engagement figures of a period for the workspace or one community, the
 * daily series, the weekday × hour heatmap and the top contributors (definitions: docs/metrics.md).
 */
export default function EngagementPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const scope = useScope();
  const query = { from: scope.from, to: scope.to, communityId: scope.communityId };
  const deps = [scope.from, scope.to, scope.communityId];
  const e = useRequest((signal) => call(api.GET('/api/v1/analytics/engagement', { params: { query }, signal })), deps);
  const heat = useRequest((signal) => call(api.GET('/api/v1/analytics/heatmap', { params: { query }, signal })), deps);
  const top = useRequest(
    (signal) => call(api.GET('/api/v1/analytics/top-contributors', { params: { query }, signal })),
    deps,
  );

  const daily = useMemo(() => e.data && dailyOption(e.data, t, fmt.day), [e.data, t, fmt.day]);
  const heatmap = useMemo(
    () =>
      heat.data &&
      heatmapOption(
        heat.data,
        WEEKDAYS.map((k) => t(k)),
        t('analytics.activities'),
      ),
    [heat.data, t],
  );
  const columns = [
    { title: t('analytics.member'), value: (r: TopContributors['items'][number]) => r.name },
    { title: t('analytics.meaningful'), value: (r: TopContributors['items'][number]) => r.meaningful },
    { title: t('analytics.messages'), value: (r: TopContributors['items'][number]) => r.messages },
    { title: t('analytics.activeDays'), value: (r: TopContributors['items'][number]) => r.activeDays },
  ];

  return (
    <>
      <PageHeader
        title={t('analytics.engagementTitle')}
        subtitle={t('analytics.engagementSubtitle')}
        extra={<ScopeBar scope={scope} />}
      />
      {e.error ? <ErrorState error={e.error} onRetry={e.reload} /> : null}
      {!e.data && e.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {e.data ? (
        <div aria-busy={e.loading} style={{ opacity: e.loading ? 0.6 : 1 }}>
          <KpiRow items={engagementKpis(e.data, t, fmt)} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={<SectionTitle title={t('analytics.daily')} />}
                extra={
                  <ExportButtons
                    name="daily"
                    rows={e.data.days}
                    columns={[
                      { title: t('analytics.day'), value: (d) => d.day },
                      { title: t('analytics.activeMembers'), value: (d) => d.active },
                      { title: t('analytics.messages'), value: (d) => d.messages },
                      { title: t('analytics.meaningful'), value: (d) => d.meaningful },
                    ]}
                  />
                }
              >
                {daily ? <EChart option={daily} ariaLabel={t('analytics.daily')} /> : null}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                size="small"
                data-testid="top-contributors"
                title={<SectionTitle title={t('analytics.topContributors')} />}
                extra={<ExportButtons name="top-contributors" rows={top.data?.items ?? []} columns={columns} />}
              >
                {top.error ? (
                  <ErrorState error={top.error} onRetry={top.reload} compact />
                ) : (
                  <Table<TopContributors['items'][number]>
                    size="small"
                    rowKey="memberId"
                    pagination={false}
                    loading={top.loading}
                    dataSource={top.data?.items ?? []}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        key: 'name',
                        title: t('analytics.member'),
                        render: (_, r) => <Link to={`/members/${r.memberId}`}>{r.name}</Link>,
                      },
                      { key: 'm', title: t('analytics.meaningful'), dataIndex: 'meaningful', align: 'right' },
                      { key: 'msg', title: t('analytics.messages'), dataIndex: 'messages', align: 'right' },
                      { key: 'd', title: t('analytics.activeDays'), dataIndex: 'activeDays', align: 'right' },
                    ]}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={<SectionTitle title={t('analytics.heatmap')} hint={t('analytics.heatmapHint')} />}
                extra={
                  <ExportButtons
                    name="heatmap"
                    rows={heat.data?.cells ?? []}
                    columns={[
                      { title: t('analytics.weekday'), value: (c) => t(WEEKDAYS[c.weekday - 1]!) },
                      { title: t('analytics.hour'), value: (c) => c.hour },
                      { title: t('analytics.activities'), value: (c) => c.n },
                    ]}
                  />
                }
              >
                {heat.error ? (
                  <ErrorState error={heat.error} onRetry={heat.reload} compact />
                ) : heatmap ? (
                  <EChart option={heatmap} height={300} ariaLabel={t('analytics.heatmap')} />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
    </>
  );
}

function dailyOption(
  e: Engagement,
  t: (k: 'analytics.activeMembers' | 'analytics.messages' | 'analytics.meaningful') => string,
  day: (d: string) => string,
) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: e.days.map((d) => day(d.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('analytics.activeMembers'), type: 'line', smooth: true, data: e.days.map((d) => d.active) },
      { name: t('analytics.messages'), type: 'bar', data: e.days.map((d) => d.messages) },
      { name: t('analytics.meaningful'), type: 'line', data: e.days.map((d) => d.meaningful) },
    ],
  };
}

function heatmapOption(h: Heatmap, weekdays: string[], label: string) {
  const max = Math.max(1, ...h.cells.map((c) => c.n));
  return {
    tooltip: {
      formatter: (p: { data: [number, number, number] }) =>
        `${weekdays[p.data[1]]} ${p.data[0]}:00 · ${label} ${p.data[2]}`,
    },
    grid: { left: 48, right: 16, top: 8, bottom: 84 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, i) => String(i)), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [
      {
        type: 'heatmap',
        data: h.cells.map((c) => [c.hour, c.weekday - 1, c.n]),
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * The engagement figures, each with its definition and window in the tooltip (docs/metrics.md):
 * the same words the overview uses for the same figures.
 */
function engagementKpis(e: Engagement, t: ReturnType<typeof useI18n>['t'], fmt: ReturnType<typeof useFormat>): Kpi[] {
  const w = {
    from: fmt.day(e.period.from),
    to: fmt.day(e.period.to),
    wauFrom: fmt.day(addDays(e.period.to, -6)),
    mauFrom: fmt.day(addDays(e.period.to, -29)),
  };
  const pct = (r: number) => fmt.percent(r * 100);
  const tenth = (x: number) => fmt.number(Math.round(x * 10) / 10);
  return [
    {
      key: 'members',
      title: t('analytics.members'),
      value: fmt.number(e.members),
      hint: t('analytics.membersHint', w),
    },
    {
      key: 'active',
      title: t('analytics.activeMembers'),
      value: fmt.number(e.activeMembers),
      hint: t('analytics.activeMembersHint', w),
    },
    { key: 'dau', title: t('analytics.dau'), value: tenth(e.dau), hint: t('analytics.dauHint', w) },
    { key: 'wau', title: t('analytics.wau'), value: fmt.number(e.wau), hint: t('analytics.wauHint', w) },
    { key: 'mau', title: t('analytics.mau'), value: fmt.number(e.mau), hint: t('analytics.mauHint', w) },
    {
      key: 'activeRate',
      title: t('analytics.activeRate'),
      value: pct(e.activeRate),
      hint: t('analytics.activeRateHint', w),
    },
    {
      key: 'participation',
      title: t('analytics.participationRate'),
      value: pct(e.participationRate),
      hint: t('analytics.participationHint', w),
    },
    {
      key: 'messages',
      title: t('analytics.messages'),
      value: fmt.number(e.messages),
      hint: t('analytics.messagesHint', w),
    },
    {
      key: 'perActive',
      title: t('analytics.messagesPerActive'),
      value: tenth(e.messagesPerActiveMember),
      hint: t('analytics.messagesPerActiveHint', w),
    },
    {
      key: 'frequency',
      title: t('analytics.frequency'),
      value: tenth(e.interactionsPerActiveMemberPerWeek),
      hint: t('analytics.frequencyHint', w),
    },
  ];
}
