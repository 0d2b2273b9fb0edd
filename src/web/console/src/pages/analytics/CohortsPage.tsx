import { Card, InputNumber, Segmented, Select, Skeleton, Table, Tooltip } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { useTags } from '../../hooks/useTags';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons, ScopeBar, useScope } from './AnalyticsBits';
import type { Cohorts } from './types';

type Grain = 'week' | 'month';
type Row = Cohorts['cohorts'][number];

/** The cell colour: deeper blue for higher retention. */
const shade = (rate: number) => `rgba(22, 119, 255, ${Math.min(1, 0.08 + rate * 0.9).toFixed(2)})`;

/**
 * 数据分析 · 留存矩阵: members by join week or month × weeks or months since joining, for the
 * workspace, a community or a tag's members, with the size-weighted average below.
 */
export default function CohortsPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const scope = useScope();
  const tags = useTags();
  const grain = (scope.params.get('grain') ?? 'week') as Grain;
  const periods = Number(scope.params.get('periods') ?? 12);
  const tagId = scope.params.get('tagId') ? Number(scope.params.get('tagId')) : undefined;
  const c = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/analytics/cohorts', {
          params: { query: { grain, periods, communityId: scope.communityId, tagId, to: scope.today } },
          signal,
        }),
      ),
    [grain, periods, scope.communityId, tagId],
  );
  const pct = (r: number) => fmt.percent(r * 100);
  const n = c.data?.periods ?? periods;
  const head = (k: number) =>
    grain === 'week' ? t('analytics.weekN', { n: String(k) }) : t('analytics.monthN', { n: String(k) });
  const exportColumns = [
    { title: t('analytics.cohort'), value: (r: Row) => r.cohort },
    { title: t('analytics.cohortSize'), value: (r: Row) => r.size },
    ...Array.from({ length: n }, (_, k) => ({
      title: head(k),
      value: (r: Row) => (k < r.rates.length && r.size > 0 ? Math.round(r.rates[k]! * 1000) / 10 : null),
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('analytics.cohortsTitle')}
        subtitle={t('analytics.cohortsSubtitle')}
        extra={
          <>
            <ScopeBar scope={scope} period={false} />
            <Segmented<Grain>
              value={grain}
              onChange={(v) => scope.set({ grain: v })}
              options={[
                { value: 'week', label: t('analytics.weekly') },
                { value: 'month', label: t('analytics.monthly') },
              ]}
            />
            <InputNumber<number>
              min={1}
              max={104}
              value={periods}
              aria-label={t('analytics.periods')}
              addonBefore={t('analytics.periods')}
              style={{ width: 150 }}
              onChange={(v) => {
                if (v) scope.set({ periods: String(v) });
              }}
            />
            <Select<number>
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('analytics.segmentTag')}
              aria-label={t('analytics.segmentTag')}
              value={tagId}
              loading={tags.loading}
              options={(tags.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              onChange={(v) => scope.set({ tagId: v ? String(v) : undefined })}
            />
          </>
        }
      />
      {c.error ? <ErrorState error={c.error} onRetry={c.reload} /> : null}
      {!c.data && c.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {c.data ? (
        <Card
          size="small"
          data-testid="cohort-matrix"
          extra={<ExportButtons name="cohorts" rows={c.data.cohorts} columns={exportColumns} />}
          title={c.data.source === 'segment' ? t('analytics.segmentNote') : t('analytics.cellsNote')}
        >
          <Table<Row>
            size="small"
            rowKey="cohort"
            pagination={false}
            loading={c.loading}
            dataSource={c.data.cohorts}
            scroll={{ x: 'max-content' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('analytics.average')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                {c.data!.average.map((a, k) => (
                  <Table.Summary.Cell key={k} index={k + 2} align="right">
                    {a === null ? '' : pct(a)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
            columns={[
              {
                key: 'cohort',
                title: t('analytics.cohort'),
                fixed: 'left',
                render: (_, r) => (grain === 'month' ? r.cohort.slice(0, 7) : fmt.day(r.cohort)),
              },
              { key: 'size', title: t('analytics.cohortSize'), align: 'right', render: (_, r) => fmt.number(r.size) },
              ...Array.from({ length: n }, (_, k) => ({
                key: `p${k}`,
                title: head(k),
                align: 'right' as const,
                width: 64,
                onCell: (r: Row) => ({
                  style:
                    k < r.rates.length && r.size > 0
                      ? { background: shade(r.rates[k]!), color: r.rates[k]! > 0.5 ? '#fff' : undefined }
                      : {},
                }),
                // A cohort nobody joined has no retention to show (not 0%).
                render: (_: unknown, r: Row) =>
                  k < r.rates.length && r.size > 0 ? (
                    <Tooltip title={t('analytics.cellHint', { n: fmt.number(r.active[k]!), size: fmt.number(r.size) })}>
                      {pct(r.rates[k]!)}
                    </Tooltip>
                  ) : (
                    ''
                  ),
              })),
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
