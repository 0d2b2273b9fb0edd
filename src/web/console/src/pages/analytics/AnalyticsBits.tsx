import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Col, Dropdown, Row, Select, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { MetricTitle } from '../../components/MetricTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { useCommunities } from '../../hooks/useCommunities';
import { addDays } from '../../i18n/format';
import { PeriodPicker } from '../overview/PeriodPicker';
import { downloadCsv, downloadXlsx, type ExportColumn } from '../../components/export';
import { useFormat } from '../../i18n/useFormat';
import type { HealthItem } from './types';

/**
 * What every analytics page reads from its address: the period (default the last 30 workspace
 * days) and the community (none: the workspace). A community manager sees only their communities,
 * so their first one is the default and "the whole workspace" is not offered.
 */
export function useScope() {
  const { me, workspace } = useMe();
  const [params, setParams] = useSearchParams();
  const own = me.communityIds;
  const from = params.get('from') ?? addDays(workspace.today, -29);
  const to = params.get('to') ?? workspace.today;
  const raw = params.get('communityId');
  const communityId = raw ? Number(raw) : own && own.length ? own[0] : undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return { from, to, communityId, workspaceWide: own === null, today: workspace.today, params, set };
}

/** Period and community filters, as one bar. */
export function ScopeBar({
  scope,
  community = true,
  period = true,
}: {
  scope: ReturnType<typeof useScope>;
  community?: boolean;
  period?: boolean;
}) {
  const { t } = useI18n();
  const communities = useCommunities();
  const { me } = useMe();
  const options = (communities.data ?? [])
    .filter((c) => !c.archived && (me.communityIds === null || me.communityIds.includes(c.id)))
    .map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      {community ? (
        <Select<number | 0>
          style={{ minWidth: 180 }}
          aria-label={t('analytics.community')}
          value={scope.communityId ?? 0}
          loading={communities.loading}
          options={[
            ...(scope.workspaceWide ? [{ value: 0 as const, label: t('analytics.allCommunities') }] : []),
            ...options,
          ]}
          onChange={(v) => scope.set({ communityId: v ? String(v) : undefined })}
        />
      ) : null}
      {period ? (
        <PeriodPicker
          value={{ from: scope.from, to: scope.to }}
          today={scope.today}
          onChange={(r) => scope.set({ from: r.from, to: r.to })}
        />
      ) : null}
    </>
  );
}

/** CSV and XLSX of the rows a report shows. */
export function ExportButtons<T>({
  name,
  rows,
  columns,
}: {
  name: string;
  rows: readonly T[];
  columns: readonly ExportColumn<T>[];
}) {
  const { t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      disabled={rows.length === 0}
      menu={{
        items: [
          { key: 'csv', label: 'CSV' },
          { key: 'xlsx', label: 'Excel (XLSX)' },
        ],
        onClick: ({ key }) => {
          if (key === 'csv') downloadCsv(name, rows, columns);
          else void downloadXlsx(name, name, rows, columns);
        },
      }}
    >
      <Button size="small" icon={<DownloadOutlined />}>
        {t('analytics.export')}
      </Button>
    </Dropdown>
  );
}

export interface Kpi {
  key: string;
  title: string;
  value: ReactNode;
  hint?: string;
}

/** A row of figures; each says in its tooltip exactly what it counts (docs/metrics.md). */
export function KpiRow({ items }: { items: Kpi[] }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {items.map((k) => (
        <Col key={k.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`kpi-${k.key}`}>
            <Statistic title={<MetricTitle title={k.title} hint={k.hint} />} value={k.value as string} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The section title of a card, with the card's exports on the right. */
export function SectionTitle({ title, hint }: { title: string; hint?: string }) {
  return (
    <span>
      {title}
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, fontWeight: 'normal' }}>
          {hint}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/**
 * The words of community health advice: each finding with the community's own figures, the stage's
 * general advice, and the whole line (docs/metrics.md → community health).
 */
export function useHealthWords() {
  const { t } = useI18n();
  const fmt = useFormat();
  const findingText = (f: HealthItem['advice']['findings'][number]) =>
    t(`analytics.finding.${f.part}` as 'analytics.finding.growth', {
      ...Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, fmt.number(v)])),
    });
  const stageAdvice = (r: HealthItem) => t(`analytics.stageAdvice.${r.stage}` as 'analytics.stageAdvice.launch');
  const adviceText = (r: HealthItem) => r.advice.findings.map(findingText).join(' ') || t('analytics.allHealthy');
  return { findingText, stageAdvice, adviceText };
}
