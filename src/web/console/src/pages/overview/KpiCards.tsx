import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { queryString } from '@shared/api/client';
import type { Overview } from './types';

function Kpi({
  title,
  value,
  note,
  link,
  onOpen,
  testId,
}: {
  title: string;
  value: number;
  note: ReactNode;
  link?: string;
  onOpen?: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const more = link ? (
    <Link to={link} className="kith-kpi-link">
      {t('common.viewList')} <RightOutlined />
    </Link>
  ) : onOpen ? (
    <Typography.Link onClick={onOpen} className="kith-kpi-link">
      {t('common.viewList')} <RightOutlined />
    </Typography.Link>
  ) : null;
  return (
    <Card size="small" className="kith-kpi" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} formatter={(v) => fmt.number(Number(v))} />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', minHeight: 20 }}>
        {note}
      </Typography.Text>
      {more}
    </Card>
  );
}

/**
 * The headline figures. Each opens the list behind it: the member list with the same filter the
 * server counted with (created within the period, last active since the window's first instant).
 */
export function KpiCards({ data, onOpenMessages }: { data: Overview; onOpenMessages: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const m = data.members;
  const share = (n: number) =>
    m.total ? t('overview.activeShare', { percent: fmt.percent((n / m.total) * 100) }) : '';
  const messages = data.days.reduce((s, d) => s + d.messages, 0);
  const cols = { xs: 12, md: 8, xl: { flex: '20%' } } as const;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...cols}>
        <Kpi testId="kpi-total" title={t('overview.totalMembers')} value={m.total} note={null} link="/members" />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-new"
          title={t('overview.newMembers')}
          value={m.joined}
          note={
            m.growthPercent === null
              ? t('overview.growthNone')
              : t('overview.growth', { percent: fmt.percent(m.growthPercent, true) })
          }
          link={`/members${queryString({ createdFrom: data.periodStart, createdTo: data.periodEnd })}`}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-active7"
          title={t('overview.active7')}
          value={data.active.last7Days}
          note={share(data.active.last7Days)}
          link={`/members${queryString({ lastActiveFrom: data.active.since7Days, sort: 'last_active_at' })}`}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-active30"
          title={t('overview.active30')}
          value={data.active.last30Days}
          note={share(data.active.last30Days)}
          link={`/members${queryString({ lastActiveFrom: data.active.since30Days, sort: 'last_active_at' })}`}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-messages"
          title={t('overview.messages')}
          value={messages}
          note={t('overview.messagesPerDay', { count: Math.round(messages / Math.max(1, data.days.length)) })}
          onOpen={onOpenMessages}
        />
      </Col>
    </Row>
  );
}
