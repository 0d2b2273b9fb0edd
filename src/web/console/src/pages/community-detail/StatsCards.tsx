import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { capacityColor } from '../communities/CommunityBits';
import type { CommunityStats } from './types';

/** Members now (against the capacity), and the joins, leaves and net change of the period. */
export function StatsCards({ stats, loading }: { stats: CommunityStats | undefined; loading: boolean }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const figure = (title: string, value: number | undefined, tone?: 'success' | 'danger', signed = false) => (
    <Card size="small" loading={loading && !stats} className="kith-kpi" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value ?? 0}
        formatter={(v) => (
          <Typography.Text type={tone} style={{ fontSize: 'inherit' }}>
            {signed && Number(v) > 0 ? '+' : ''}
            {fmt.number(Number(v))}
          </Typography.Text>
        )}
      />
    </Card>
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} sm={12} lg={6}>
        <Card size="small" loading={loading && !stats} className="kith-kpi" style={{ height: '100%' }}>
          <Statistic
            title={t('community.stats.membersNow')}
            value={stats?.membersNow ?? 0}
            formatter={(v) => fmt.number(Number(v))}
          />
          {stats && stats.capacity !== null && stats.capacityUsePercent !== null ? (
            <>
              <Progress
                percent={Math.min(stats.capacityUsePercent, 100)}
                showInfo={false}
                size="small"
                strokeColor={capacityColor(stats.capacityUsePercent)}
                style={{ margin: 0 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('community.capacityOf', {
                  capacity: fmt.number(stats.capacity),
                  percent: fmt.percent(stats.capacityUsePercent),
                })}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('community.noLimit')}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={8} lg={6}>
        {figure(t('community.stats.joined'), stats?.joined, 'success')}
      </Col>
      <Col xs={8} lg={6}>
        {figure(t('community.stats.left'), stats?.left, 'danger')}
      </Col>
      <Col xs={8} lg={6}>
        {figure(t('community.stats.net'), stats?.net, stats && stats.net < 0 ? 'danger' : undefined, true)}
      </Col>
    </Row>
  );
}
