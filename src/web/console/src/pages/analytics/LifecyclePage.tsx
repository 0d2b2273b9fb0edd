import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Row, Segmented, Skeleton, Table, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { EChart } from '../../components/EChart';
import { describeError } from '../../components/errors';
import { ExportButtons, ScopeBar, SectionTitle, useScope } from './AnalyticsBits';
import type { FunnelStep } from './types';

type By = 'none' | 'community' | 'channel' | 'source';
const STEPS = ['acquired', 'activated', 'retained', 'monetised'] as const;

/**
 * 数据分析 · 生命周期: the funnel 获客 → 激活 → 留存 → 变现 of the members who joined in the period,
 * grouped if asked, and how many members are at each lifecycle stage now.
 */
export default function LifecyclePage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { can } = useMe();
  const { message } = App.useApp();
  const scope = useScope();
  const by = (scope.params.get('by') ?? 'none') as By;
  const funnel = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/analytics/funnel', {
          params: {
            query: { from: scope.from, to: scope.to, communityId: scope.communityId, ...(by !== 'none' ? { by } : {}) },
          },
          signal,
        }),
      ),
    [scope.from, scope.to, scope.communityId, by],
  );
  const stages = useRequest(
    (signal) =>
      call(api.GET('/api/v1/analytics/lifecycle', { params: { query: { communityId: scope.communityId } }, signal })),
    [scope.communityId],
  );
  const [updating, setUpdating] = useState(false);
  const pct = (r: number) => fmt.percent(r * 100);
  const stepName = (s: (typeof STEPS)[number]) => t(`analytics.step.${s}`);

  const chart = useMemo(
    () =>
      funnel.data && {
        tooltip: { trigger: 'axis' },
        grid: { left: 72, right: 24, top: 8, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: STEPS.map(stepName) },
        series: [
          { type: 'bar', data: STEPS.map((s) => funnel.data!.total[s]), label: { show: true, position: 'right' } },
        ],
      },
    [funnel.data, t],
  );

  const rows: FunnelStep[] = funnel.data ? (by === 'none' ? [funnel.data.total] : funnel.data.groups) : [];
  const label = (r: FunnelStep) =>
    by === 'none'
      ? t('analytics.total')
      : by === 'source' && r.key
        ? t(`analytics.source.${r.key}` as 'analytics.source.manual')
        : (r.name ?? '—');
  const columns = [
    { title: t('analytics.group'), value: label },
    ...STEPS.map((s) => ({ title: stepName(s), value: (r: FunnelStep) => r[s] })),
    { title: t('analytics.activationRate'), value: (r: FunnelStep) => pct(r.activationRate) },
    { title: t('analytics.retentionRate'), value: (r: FunnelStep) => pct(r.retentionRate) },
    { title: t('analytics.monetisationRate'), value: (r: FunnelStep) => pct(r.monetisationRate) },
    { title: t('analytics.buyers'), value: (r: FunnelStep) => r.buyers },
    { title: t('analytics.pending'), value: (r: FunnelStep) => r.activationPending + r.retentionPending },
  ];

  const update = async () => {
    setUpdating(true);
    try {
      const r = await call(api.POST('/api/v1/analytics/lifecycle/update'));
      message.success(t('analytics.stagesUpdated', { count: fmt.number(r.changed) }));
      stages.reload();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setUpdating(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('analytics.lifecycleTitle')}
        subtitle={t('analytics.lifecycleSubtitle')}
        extra={<ScopeBar scope={scope} />}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={<SectionTitle title={t('analytics.funnel')} />} style={{ height: '100%' }}>
            {funnel.error ? (
              <ErrorState error={funnel.error} onRetry={funnel.reload} compact />
            ) : chart ? (
              <>
                <EChart option={chart} height={220} ariaLabel={t('analytics.funnel')} />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                  {t('analytics.funnelRules', {
                    n: String(funnel.data!.rules.activationMinActivities),
                    days: String(funnel.data!.rules.activationDays),
                  })}
                </Typography.Paragraph>
              </>
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            style={{ height: '100%' }}
            title={
              <SectionTitle
                title={t('analytics.stages')}
                hint={
                  stages.data?.updatedAt
                    ? t('analytics.stagesAt', { at: fmt.dateTime(stages.data.updatedAt) })
                    : undefined
                }
              />
            }
            extra={
              can('analytics:compute') ? (
                <Button size="small" loading={updating} onClick={() => void update()}>
                  {t('analytics.updateStages')}
                </Button>
              ) : null
            }
          >
            {stages.error ? (
              <ErrorState error={stages.error} onRetry={stages.reload} compact />
            ) : (
              <Table
                size="small"
                rowKey="stage"
                pagination={false}
                loading={stages.loading}
                dataSource={stages.data?.stages ?? []}
                columns={[
                  { key: 's', title: t('analytics.stage'), render: (_, r) => t(`analytics.stage.${r.stage}`) },
                  { key: 'n', title: t('analytics.members'), align: 'right', render: (_, r) => fmt.number(r.members) },
                  { key: 'p', title: t('analytics.share'), align: 'right', render: (_, r) => pct(r.share) },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            data-testid="funnel-table"
            title={
              <Segmented<By>
                size="small"
                value={by}
                onChange={(v) => scope.set({ by: v === 'none' ? undefined : v })}
                options={(['none', 'community', 'channel', 'source'] as const).map((v) => ({
                  value: v,
                  label: t(`analytics.by.${v}`),
                }))}
              />
            }
            extra={<ExportButtons name="funnel" rows={rows} columns={columns} />}
          >
            <Table<FunnelStep>
              size="small"
              rowKey={(r) => r.key ?? 'total'}
              pagination={false}
              loading={funnel.loading}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={columns.map((c, i) => ({
                key: String(i),
                title: c.title,
                align: i === 0 ? undefined : ('right' as const),
                render: (_: unknown, r: FunnelStep) =>
                  typeof c.value(r) === 'number' ? fmt.number(c.value(r) as number) : c.value(r),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
