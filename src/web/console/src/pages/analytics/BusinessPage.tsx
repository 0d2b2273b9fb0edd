import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { useTags } from '../../hooks/useTags';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { ExportButtons, KpiRow, ScopeBar, SectionTitle, useScope } from './AnalyticsBits';
import type { Business, Campaign } from './types';

type Row = Business['byCommunity'][number] | Business['byTier'][number] | Business['byLayer'][number];
const DAY = 'YYYY-MM-DD';

/**
 * 数据分析 · 收入与营销活动: orders and revenue of the period by community, tier and RFM layer,
 * referrals, and the ROI of tagged campaigns under the attribution rule in docs/metrics.md.
 */
export default function BusinessPage() {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { can, me } = useMe();
  const { message } = App.useApp();
  const scope = useScope();
  const workspaceWide = me.communityIds === null;
  const b = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/analytics/business', {
          params: { query: { from: scope.from, to: scope.to, communityId: scope.communityId } },
          signal,
        }),
      ),
    [scope.from, scope.to, scope.communityId],
  );
  const campaigns = useRequest(
    (signal) =>
      workspaceWide
        ? call(api.GET('/api/v1/analytics/campaigns', { signal }))
        : Promise.resolve({ items: [] as Campaign[] }),
    [workspaceWide],
  );
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  // Rows without a key are what no community / tier claims: named here in the operator's language.
  const rowName = (r: Row) =>
    r.key === null && 'name' in r
      ? t('analytics.unattributed')
      : 'name' in r
        ? r.name
        : locale === 'zh-CN'
          ? r.nameZh
          : r.nameEn;
  const ratio = (x: number | null) => (x === null ? '—' : fmt.percent(x * 100));
  const breakdownColumns = [
    { title: t('analytics.group'), value: rowName },
    { title: t('analytics.orders'), value: (r: Row) => r.orders },
    { title: t('analytics.revenue'), value: (r: Row) => r.revenue },
    { title: t('analytics.buyers'), value: (r: Row) => r.buyers },
    { title: t('analytics.share'), value: (r: Row) => fmt.percent(r.share * 100) },
  ];
  const breakdown = (title: string, name: string, rows: Row[], hint?: string) => (
    <Col xs={24} lg={12} xxl={8}>
      <Card
        size="small"
        title={<SectionTitle title={title} hint={hint} />}
        extra={<ExportButtons name={name} rows={rows} columns={breakdownColumns} />}
        style={{ height: '100%' }}
      >
        <Table<Row>
          size="small"
          rowKey={(r) => String(r.key)}
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('analytics.group'), render: (_, r) => rowName(r) },
            { key: 'o', title: t('analytics.orders'), align: 'right', render: (_, r) => fmt.number(r.orders) },
            { key: 'r', title: t('analytics.revenue'), align: 'right', render: (_, r) => fmt.money(r.revenue) },
            { key: 's', title: t('analytics.share'), align: 'right', render: (_, r) => fmt.percent(r.share * 100) },
          ]}
        />
      </Card>
    </Col>
  );
  const campaignColumns = [
    { title: t('analytics.campaign'), value: (c: Campaign) => c.name },
    { title: t('analytics.campaignTag'), value: (c: Campaign) => c.tagName ?? '—' },
    {
      title: t('analytics.campaignDates'),
      value: (c: Campaign) => `${c.startsOn} – ${c.endsOn} (+${c.attributionDays})`,
    },
    { title: t('analytics.cost'), value: (c: Campaign) => c.cost },
    { title: t('analytics.attributedRevenue'), value: (c: Campaign) => c.figures.revenue },
    { title: 'ROI', value: (c: Campaign) => ratio(c.figures.roi) },
    { title: t('analytics.taggedMembers'), value: (c: Campaign) => c.figures.taggedMembers },
    { title: t('analytics.buyers'), value: (c: Campaign) => c.figures.buyers },
    { title: t('analytics.conversion'), value: (c: Campaign) => ratio(c.figures.conversion) },
  ];
  const archive = async (c: Campaign) => {
    try {
      await call(api.DELETE('/api/v1/analytics/campaigns/{id}', { params: { path: { id: c.id } } }));
      message.success(t('analytics.campaignArchived', { name: c.name }));
      campaigns.reload();
    } catch (e) {
      message.error(describeError(e, t).message);
    }
  };

  return (
    <>
      <PageHeader
        title={t('analytics.businessTitle')}
        subtitle={t('analytics.businessSubtitle')}
        extra={<ScopeBar scope={scope} />}
      />
      {b.error ? <ErrorState error={b.error} onRetry={b.reload} /> : null}
      {!b.data && b.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {b.data ? (
        <div aria-busy={b.loading} style={{ opacity: b.loading ? 0.6 : 1 }}>
          <KpiRow
            items={[
              {
                key: 'revenue',
                title: t('analytics.revenue'),
                value: fmt.money(b.data.totals.revenue),
                hint: t('analytics.revenueHint'),
              },
              { key: 'orders', title: t('analytics.orders'), value: fmt.number(b.data.totals.orders) },
              { key: 'buyers', title: t('analytics.buyers'), value: fmt.number(b.data.totals.buyers) },
              { key: 'aov', title: t('analytics.aov'), value: fmt.money(b.data.totals.averageOrderValue) },
              {
                key: 'referrals',
                title: t('analytics.referrals'),
                value: fmt.number(b.data.totals.referrals),
                hint: t('analytics.referralsHint'),
              },
              { key: 'referrers', title: t('analytics.referrers'), value: fmt.number(b.data.totals.referrers) },
            ]}
          />
          <Row gutter={[12, 12]}>
            {breakdown(
              t('analytics.byCommunity'),
              'revenue-by-community',
              b.data.byCommunity,
              t('analytics.communityAttribution'),
            )}
            {breakdown(t('analytics.byTier'), 'revenue-by-tier', b.data.byTier)}
            {breakdown(t('analytics.byLayer'), 'revenue-by-layer', b.data.byLayer)}
          </Row>
        </div>
      ) : null}
      {workspaceWide ? (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          data-testid="campaigns"
          title={<SectionTitle title={t('analytics.campaigns')} hint={t('analytics.attributionRule')} />}
          extra={
            <>
              <ExportButtons name="campaigns" rows={campaigns.data?.items ?? []} columns={campaignColumns} />
              {can('analytics:compute') ? (
                <Button size="small" type="primary" style={{ marginLeft: 8 }} onClick={() => setEditing('new')}>
                  {t('analytics.newCampaign')}
                </Button>
              ) : null}
            </>
          }
        >
          {campaigns.error ? (
            <ErrorState error={campaigns.error} onRetry={campaigns.reload} compact />
          ) : (
            <Table<Campaign>
              size="small"
              rowKey="id"
              pagination={false}
              loading={campaigns.loading}
              dataSource={campaigns.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  key: 'name',
                  title: t('analytics.campaign'),
                  render: (_, c) => (
                    <>
                      <Typography.Text strong>{c.name}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.tagName ?? '—'}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'dates',
                  title: t('analytics.campaignDates'),
                  render: (_, c) => `${fmt.day(c.startsOn)} – ${fmt.day(c.endsOn)}`,
                },
                { key: 'until', title: t('analytics.attributedUntil'), render: (_, c) => fmt.day(c.attributionUntil) },
                {
                  key: 'cost',
                  title: t('analytics.cost'),
                  align: 'right',
                  render: (_, c) => fmt.money(c.cost, c.currency),
                },
                {
                  key: 'rev',
                  title: t('analytics.attributedRevenue'),
                  align: 'right',
                  render: (_, c) => fmt.money(c.figures.revenue, c.currency),
                },
                {
                  key: 'roi',
                  title: 'ROI',
                  align: 'right',
                  render: (_, c) => (
                    <Typography.Text
                      strong
                      type={c.figures.roi === null ? undefined : c.figures.roi >= 0 ? 'success' : 'danger'}
                    >
                      {ratio(c.figures.roi)}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'conv',
                  title: t('analytics.conversion'),
                  align: 'right',
                  render: (_, c) =>
                    `${ratio(c.figures.conversion)} (${fmt.number(c.figures.buyers)}/${fmt.number(c.figures.taggedMembers)})`,
                },
                ...(can('analytics:compute')
                  ? [
                      {
                        key: 'act',
                        title: '',
                        render: (_: unknown, c: Campaign) => (
                          <>
                            <Button size="small" onClick={() => setEditing(c)}>
                              {t('analytics.edit')}
                            </Button>{' '}
                            <Popconfirm
                              title={t('analytics.archiveConfirm', { name: c.name })}
                              onConfirm={() => void archive(c)}
                            >
                              <Button size="small" danger>
                                {t('analytics.archive')}
                              </Button>
                            </Popconfirm>
                          </>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
      ) : null}
      <CampaignDialog
        value={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          campaigns.reload();
        }}
      />
    </>
  );
}

interface CampaignForm {
  name: string;
  tagId: number;
  dates: [Dayjs, Dayjs];
  attributionDays: number;
  cost: number;
  notes?: string;
}

function CampaignDialog({
  value,
  onClose,
  onSaved,
}: {
  value: Campaign | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const tags = useTags();
  const [form] = Form.useForm<CampaignForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name,
      tagId: v.tagId,
      startsOn: v.dates[0].format(DAY),
      endsOn: v.dates[1].format(DAY),
      attributionDays: v.attributionDays,
      cost: v.cost.toFixed(2),
      notes: v.notes ?? '',
    };
    setBusy(true);
    setError(null);
    try {
      if (value === 'new') await call(api.POST('/api/v1/analytics/campaigns', { body }));
      else if (value)
        await call(api.PATCH('/api/v1/analytics/campaigns/{id}', { params: { path: { id: value.id } }, body }));
      onSaved();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={value !== null}
      title={value === 'new' ? t('analytics.newCampaign') : t('analytics.editCampaign')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (!o) return;
        setError(null);
        if (value && value !== 'new')
          form.setFieldsValue({
            name: value.name,
            tagId: value.tagId ?? undefined,
            dates: [dayjs(value.startsOn, DAY), dayjs(value.endsOn, DAY)],
            attributionDays: value.attributionDays,
            cost: Number(value.cost),
            notes: value.notes,
          });
        else form.setFieldsValue({ attributionDays: 7, cost: 0 });
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('analytics.campaign')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="tagId"
          label={t('analytics.campaignTag')}
          extra={t('analytics.campaignTagHint')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={tags.loading}
            options={(tags.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item name="dates" label={t('analytics.campaignDates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="attributionDays" label={t('analytics.attributionDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={365} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="cost" label={t('analytics.cost')} rules={[{ required: true }]}>
          <InputNumber min={0} step={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t('analytics.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error ? (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
