import { Card, Col, Flex, Grid, List, Progress, Row, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons, ScopeBar, SectionTitle, useHealthWords, useScope } from './AnalyticsBits';
import type { Comparison, HealthItem } from './types';

type Item = Comparison['items'][number];
const scoreColour = (s: number | null) =>
  s === null ? undefined : s >= 70 ? '#52c41a' : s >= 45 ? '#faad14' : '#ff4d4f';

/**
 * 数据分析 · 社群对比与健康度: communities side by side for the period, and each one's health score
 * with its parts and the advice for its stage.
 */
export default function CommunitiesPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const scope = useScope();
  const wide = Grid.useBreakpoint().md ?? true;
  const q = { from: scope.from, to: scope.to };
  const cmp = useRequest(
    (signal) => call(api.GET('/api/v1/analytics/communities', { params: { query: q }, signal })),
    [scope.from, scope.to],
  );
  const health = useRequest(
    (signal) => call(api.GET('/api/v1/analytics/health', { params: { query: q }, signal })),
    [scope.from, scope.to],
  );
  const pct = (r: number) => fmt.percent(r * 100);
  const partLabel = (p: string) => t(`analytics.part.${p}` as 'analytics.part.growth');
  // Advice in the operator's language from the community's own figures (one line per weak part).
  const { findingText, stageAdvice, adviceText } = useHealthWords();

  const cmpColumns = [
    { title: t('analytics.communityName'), value: (r: Item) => r.name },
    { title: t('analytics.members'), value: (r: Item) => r.members },
    { title: t('analytics.activeMembers'), value: (r: Item) => r.active },
    { title: t('analytics.activeRate'), value: (r: Item) => pct(r.activeRate) },
    { title: t('analytics.messages'), value: (r: Item) => r.messages },
    { title: t('analytics.messagesPerActive'), value: (r: Item) => Math.round(r.messagesPerActiveMember * 10) / 10 },
  ];
  const healthColumns = [
    { title: t('analytics.communityName'), value: (r: HealthItem) => r.name },
    { title: t('analytics.healthScore'), value: (r: HealthItem) => r.score },
    ...(['growth', 'activity', 'retention'] as const).map((p) => ({
      title: partLabel(p),
      value: (r: HealthItem) => r.parts.find((x) => x.part === p)?.score ?? null,
    })),
    {
      title: t('analytics.advice'),
      value: (r: HealthItem) => `${adviceText(r)} ${stageAdvice(r)}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('analytics.communitiesTitle')}
        subtitle={t('analytics.communitiesSubtitle')}
        extra={<ScopeBar scope={scope} community={false} />}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Card
            size="small"
            data-testid="health-table"
            title={
              <SectionTitle
                title={t('analytics.health')}
                hint={
                  health.data
                    ? t('analytics.healthHint', {
                        from: fmt.day(health.data.previous.from),
                        to: fmt.day(health.data.previous.to),
                      })
                    : undefined
                }
              />
            }
            extra={<ExportButtons name="community-health" rows={health.data?.items ?? []} columns={healthColumns} />}
          >
            {health.error ? (
              <ErrorState error={health.error} onRetry={health.reload} compact />
            ) : !health.data ? (
              <Skeleton active />
            ) : !wide ? (
              // On a phone, one block per community instead of a table scrolled sideways.
              <List
                dataSource={health.data.items}
                rowKey="id"
                renderItem={(r) => (
                  <List.Item style={{ display: 'block' }}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <span>
                        <Link to={`/communities/${r.id}`}>{r.name}</Link>{' '}
                        <Tooltip title={stageAdvice(r)}>
                          <Tag>{t(`analytics.cstage.${r.stage}` as 'analytics.cstage.launch')}</Tag>
                        </Tooltip>
                      </span>
                      <Typography.Text strong style={{ color: scoreColour(r.score), fontSize: 18 }}>
                        {r.score ?? '—'}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.parts
                        .filter((x) => x.part !== 'sentiment')
                        .map((x) => `${partLabel(x.part)} ${x.score === null ? '—' : Math.round(x.score)}`)
                        .join(' · ')}
                    </Typography.Text>
                    <Typography.Paragraph style={{ margin: '4px 0 0', fontSize: 13 }} data-testid="health-advice">
                      {adviceText(r)}
                    </Typography.Paragraph>
                  </List.Item>
                )}
              />
            ) : (
              <Table<HealthItem>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={health.data.items}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    key: 'name',
                    title: t('analytics.communityName'),
                    render: (_, r) => (
                      <>
                        <Link to={`/communities/${r.id}`}>{r.name}</Link>{' '}
                        <Tag>{t(`analytics.cstage.${r.stage}` as 'analytics.cstage.launch')}</Tag>
                      </>
                    ),
                  },
                  {
                    key: 'score',
                    title: t('analytics.healthScore'),
                    width: 140,
                    render: (_, r) =>
                      r.score === null ? (
                        '—'
                      ) : (
                        <Progress
                          percent={r.score}
                          size="small"
                          strokeColor={scoreColour(r.score)}
                          format={(p) => String(p)}
                        />
                      ),
                  },
                  ...(['growth', 'activity', 'retention'] as const).map((p) => ({
                    key: p,
                    title: partLabel(p),
                    align: 'right' as const,
                    render: (_: unknown, r: HealthItem) => {
                      const x = r.parts.find((y) => y.part === p)!;
                      return x.score === null ? (
                        <Tooltip title={t('analytics.notMeasured')}>—</Tooltip>
                      ) : (
                        <Tooltip title={`${partLabel(p)}: ${pct(x.value ?? 0)}`}>
                          <span style={{ color: scoreColour(x.score) }}>{Math.round(x.score)}</span>
                        </Tooltip>
                      );
                    },
                  })),
                  {
                    key: 'advice',
                    title: t('analytics.advice'),
                    render: (_, r) => (
                      <div style={{ maxWidth: 380, minWidth: 260, whiteSpace: 'normal' }} data-testid="health-advice">
                        {r.advice.findings.length ? (
                          r.advice.findings.map((f) => <div key={f.part}>{findingText(f)}</div>)
                        ) : (
                          <Typography.Text type="secondary">{t('analytics.allHealthy')}</Typography.Text>
                        )}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('analytics.stageAdviceLabel', {
                            stage: t(`analytics.cstage.${r.stage}` as 'analytics.cstage.launch'),
                          })}{' '}
                          {stageAdvice(r)}
                        </Typography.Text>
                      </div>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={<SectionTitle title={t('analytics.comparison')} />}
            extra={<ExportButtons name="communities" rows={cmp.data?.items ?? []} columns={cmpColumns} />}
          >
            {cmp.error ? (
              <ErrorState error={cmp.error} onRetry={cmp.reload} compact />
            ) : (
              <Table<Item>
                size="small"
                rowKey="id"
                pagination={false}
                loading={cmp.loading}
                dataSource={cmp.data?.items ?? []}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    key: 'name',
                    title: t('analytics.communityName'),
                    render: (_, r) => <Link to={`/communities/${r.id}`}>{r.name}</Link>,
                    sorter: (a, b) => a.name.localeCompare(b.name),
                  },
                  {
                    key: 'members',
                    title: t('analytics.members'),
                    align: 'right',
                    render: (_, r) => fmt.number(r.members),
                    sorter: (a, b) => a.members - b.members,
                  },
                  {
                    key: 'active',
                    title: t('analytics.activeMembers'),
                    align: 'right',
                    render: (_, r) => fmt.number(r.active),
                    sorter: (a, b) => a.active - b.active,
                  },
                  {
                    key: 'rate',
                    title: t('analytics.activeRate'),
                    align: 'right',
                    render: (_, r) => pct(r.activeRate),
                    sorter: (a, b) => a.activeRate - b.activeRate,
                    defaultSortOrder: 'descend',
                  },
                  {
                    key: 'messages',
                    title: t('analytics.messages'),
                    align: 'right',
                    render: (_, r) => fmt.number(r.messages),
                    sorter: (a, b) => a.messages - b.messages,
                  },
                  {
                    key: 'per',
                    title: t('analytics.messagesPerActive'),
                    align: 'right',
                    render: (_, r) => fmt.number(Math.round(r.messagesPerActiveMember * 10) / 10),
                    sorter: (a, b) => a.messagesPerActiveMember - b.messagesPerActiveMember,
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
