import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { MetricTitle } from '../../components/MetricTitle';
import { useMe } from '../../session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { queryString } from '@shared/api/client';
import { addDays } from '../../i18n/format';
import type { Overview } from './types';

function Kpi({
  title,
  hint,
  value,
  note,
  link,
  linkLabel,
  onOpen,
  testId,
}: {
  title: string;
  hint: string;
  value: number;
  note: ReactNode;
  link?: string;
  /** What the link opens, when it is not a list (the engagement report). */
  linkLabel?: string;
  onOpen?: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const more = link ? (
    <Link to={link} className="kith-kpi-link">
      {linkLabel ?? t('common.viewList')} <RightOutlined />
    </Link>
  ) : onOpen ? (
    <Typography.Link onClick={onOpen} className="kith-kpi-link">
      {t('common.viewList')} <RightOutlined />
    </Typography.Link>
  ) : null;
  return (
    <Card size="small" className="kith-kpi" data-testid={testId} style={{ height: '100%' }}>
      <Statistic
        title={<MetricTitle title={title} hint={hint} />}
        value={value}
        formatter={(v) => fmt.number(Number(v))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', minHeight: 20 }}>
        {note}
      </Typography.Text>
      {more}
    </Card>
  );
}

/**
 * The headline figures, each with its definition in a tooltip. Each opens what is behind it: the
 * member list with the filter the server counted with (all members; created within the period), the
 * engagement page over the same window for the active members (it counts them with the same
 * definition and lists the top contributors), the period's messages.
 */
export function KpiCards({ data, onOpenMessages }: { data: Overview; onOpenMessages: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const m = data.members;
  const share = (n: number) =>
    m.total ? t('overview.activeShare', { percent: fmt.percent((n / m.total) * 100) }) : '';
  const messages = data.days.reduce((s, d) => s + d.messages, 0);
  const { workspace } = useMe();
  const today = workspace.today; // the active windows end today, whatever the period
  const w = {
    from: fmt.day(data.from),
    to: fmt.day(data.to),
    wauFrom: fmt.day(addDays(today, -6)),
    mauFrom: fmt.day(addDays(today, -29)),
  };
  const cols = { xs: 12, md: 8, xl: { flex: '20%' } } as const;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...cols}>
        <Kpi
          testId="kpi-total"
          title={t('overview.totalMembers')}
          hint={t('overview.totalMembersHint')}
          value={m.total}
          note={null}
          link="/members"
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-new"
          title={t('overview.newMembers')}
          hint={t('overview.newMembersHint', w)}
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
          hint={t('analytics.wauHint', { ...w, to: fmt.day(today) })}
          value={data.active.last7Days}
          note={share(data.active.last7Days)}
          link={`/analytics${queryString({ from: addDays(today, -6), to: today })}`}
          linkLabel={t('overview.viewReport')}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-active30"
          title={t('overview.active30')}
          hint={t('analytics.mauHint', { ...w, to: fmt.day(today) })}
          value={data.active.last30Days}
          note={share(data.active.last30Days)}
          link={`/analytics${queryString({ from: addDays(today, -29), to: today })}`}
          linkLabel={t('overview.viewReport')}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          testId="kpi-messages"
          title={t('overview.messages')}
          hint={t('analytics.messagesHint', w)}
          value={messages}
          note={t('overview.messagesPerDay', { count: Math.round(messages / Math.max(1, data.days.length)) })}
          onOpen={onOpenMessages}
        />
      </Col>
    </Row>
  );
}
