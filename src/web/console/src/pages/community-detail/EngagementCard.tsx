import { Link } from 'react-router';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { addDays } from '../../i18n/format';
import { MetricTitle } from '../../components/MetricTitle';
import { ErrorState } from '../../components/ErrorState';
import { useHealthWords } from '../analytics/AnalyticsBits';

const scoreColour = (s: number | null) =>
  s === null ? undefined : s >= 70 ? '#52c41a' : s >= 45 ? '#faad14' : '#ff4d4f';

/**
 * The community's engagement and health over the last 30 days, counted as the analytics pages count
 * them (docs/metrics.md), with the advice its own figures call for and links to the full reports.
 */
export function EngagementCard({ communityId }: { communityId: number }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { can, workspace } = useMe();
  const words = useHealthWords();
  const allowed = can('analytics:read');
  const q = { from: addDays(workspace.today, -29), to: workspace.today };
  const e = useRequest(
    (signal) =>
      allowed
        ? call(api.GET('/api/v1/analytics/engagement', { params: { query: { ...q, communityId } }, signal }))
        : Promise.resolve(undefined),
    [communityId, allowed],
  );
  const h = useRequest(
    (signal) =>
      allowed
        ? call(api.GET('/api/v1/analytics/health', { params: { query: q }, signal }))
        : Promise.resolve(undefined),
    [allowed],
  );
  if (!allowed) return null;
  const health = h.data?.items.find((x) => x.id === communityId);
  const w = { from: fmt.day(q.from), to: fmt.day(q.to), wauFrom: fmt.day(addDays(q.to, -6)), mauFrom: fmt.day(q.from) };
  const figure = (key: string, title: string, value: string, hint: string) => (
    <Col xs={12} md={6} key={key}>
      <Statistic title={<MetricTitle title={title} hint={hint} />} value={value} />
    </Col>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="community-engagement"
      loading={!e.data && e.loading}
      title={t('community.engagement.title')}
      extra={<Link to={`/analytics?communityId=${communityId}`}>{t('community.engagement.more')}</Link>}
    >
      {e.error ? <ErrorState error={e.error} onRetry={e.reload} compact /> : null}
      {e.data ? (
        <Row gutter={[12, 12]}>
          {figure(
            'active',
            t('analytics.activeMembers'),
            fmt.number(e.data.activeMembers),
            t('analytics.activeMembersHint', w),
          )}
          {figure(
            'rate',
            t('analytics.activeRate'),
            fmt.percent(e.data.activeRate * 100),
            t('analytics.activeRateHint', w),
          )}
          {figure('dau', t('analytics.dau'), fmt.number(Math.round(e.data.dau * 10) / 10), t('analytics.dauHint', w))}
          {figure('messages', t('analytics.messages'), fmt.number(e.data.messages), t('analytics.messagesHint', w))}
        </Row>
      ) : null}
      {health ? (
        <Flex gap={16} align="flex-start" style={{ marginTop: 16 }} wrap data-testid="community-health">
          <div style={{ minWidth: 96 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('analytics.healthScore')}
            </Typography.Text>
            <div style={{ fontSize: 28, fontWeight: 600, color: scoreColour(health.score) }}>{health.score ?? '—'}</div>
          </div>
          <div style={{ flex: 1, minWidth: 220 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{words.adviceText(health)}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('analytics.stageAdviceLabel', {
                stage: t(`analytics.cstage.${health.stage}` as 'analytics.cstage.launch'),
              })}{' '}
              {words.stageAdvice(health)}
            </Typography.Text>
          </div>
        </Flex>
      ) : null}
    </Card>
  );
}
