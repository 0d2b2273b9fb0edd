import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Row,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { usePagedList } from '../../hooks/usePagedList';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { ExportButtons, SectionTitle } from './AnalyticsBits';
import { FrequencyThresholdsButton, RfmScores } from './RfmScores';
import type { LayerMember, RfmLayer } from './types';

/**
 * 数据分析 · RFM 分层: every buyer scored by recency, frequency and monetary value, the R × F grid,
 * the layers with their members, revenue and operating strategy (editable), and each layer's members.
 */
export default function RfmPage() {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { can, me, workspace } = useMe();
  const { message } = App.useApp();
  const workspaceWide = me.communityIds === null;
  const rfm = useRequest(
    (signal) => (workspaceWide ? call(api.GET('/api/v1/analytics/rfm', { signal })) : Promise.resolve(undefined)),
    [workspaceWide],
  );
  const [computing, setComputing] = useState(false);
  // The workspace day to score as of; none picked: today, as the nightly scoring does.
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState<RfmLayer | null>(null);
  const [drill, setDrill] = useState<RfmLayer | null>(null);
  const name = (l: RfmLayer) => (locale === 'zh-CN' ? l.nameZh : l.nameEn);
  const strategy = (l: RfmLayer) => (locale === 'zh-CN' ? l.strategyZh : l.strategyEn);

  const compute = async () => {
    setComputing(true);
    try {
      const r = await call(api.POST('/api/v1/analytics/rfm/compute', { body: asOf ? { asOf: asOf.format(DAY) } : {} }));
      if (r.scored > 0) message.success(t('analytics.rfmComputed', { count: fmt.number(r.scored), asOf: r.asOf }));
      else message.warning(t('analytics.rfmComputedNone', { asOf: r.asOf, from: r.window.from, to: r.window.to }));
      rfm.reload();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setComputing(false);
    }
  };

  const layers = rfm.data?.layers ?? [];
  const run = rfm.data?.run ?? null;
  const windowDays = run?.windowDays ?? rfm.data?.windowDays ?? 365;
  const columns = [
    { title: t('analytics.layer'), value: (l: RfmLayer) => name(l) },
    { title: t('analytics.members'), value: (l: RfmLayer) => l.members },
    { title: t('analytics.share'), value: (l: RfmLayer) => fmt.percent(l.share * 100) },
    { title: t('analytics.revenue'), value: (l: RfmLayer) => l.revenue },
    { title: t('analytics.avgRecency'), value: (l: RfmLayer) => l.avgRecencyDays },
    { title: t('analytics.avgFrequency'), value: (l: RfmLayer) => l.avgFrequency },
    { title: t('analytics.strategy'), value: (l: RfmLayer) => strategy(l) },
  ];

  return (
    <>
      <PageHeader
        title={t('analytics.rfmTitle')}
        subtitle={
          rfm.data ? (
            run ? (
              <span data-testid="rfm-run">
                {t('analytics.rfmSubtitle', {
                  asOf: run.asOf,
                  from: run.window.from,
                  to: run.window.to,
                  days: String(run.windowDays),
                  at: fmt.dateTime(run.computedAt),
                  buyers: fmt.number(rfm.data.buyers),
                })}
              </span>
            ) : (
              t('analytics.rfmNever')
            )
          ) : (
            '\u00a0'
          )
        }
        extra={
          can('analytics:compute') ? (
            <Space wrap>
              <Tooltip title={t('analytics.asOfHint', { days: String(windowDays) })}>
                <DatePicker
                  value={asOf}
                  onChange={setAsOf}
                  allowClear
                  aria-label={t('analytics.asOf')}
                  prefix={t('analytics.asOf')}
                  placeholder={t('analytics.asOfToday')}
                  disabledDate={(d) => d.format(DAY) > workspace.today}
                />
              </Tooltip>
              <Button type="primary" loading={computing} onClick={() => void compute()}>
                {t('analytics.computeNow')}
              </Button>
            </Space>
          ) : null
        }
      />
      {!workspaceWide ? <Alert type="info" showIcon title={t('analytics.rfmWorkspaceOnly')} /> : null}
      {rfm.error ? <ErrorState error={rfm.error} onRetry={rfm.reload} /> : null}
      {run && run.scored === 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="rfm-empty-run"
          style={{ marginBottom: 12 }}
          title={t('analytics.rfmEmptyRun', {
            at: fmt.dateTime(run.computedAt),
            asOf: run.asOf,
            from: run.window.from,
            to: run.window.to,
          })}
        />
      ) : null}
      {workspaceWide && !rfm.data && rfm.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {rfm.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={8}>
            <Card
              size="small"
              title={<SectionTitle title={t('analytics.rfmGrid')} hint={t('analytics.rfmGridHint')} />}
              extra={
                can('analytics:compute') ? <FrequencyThresholdsButton rfm={rfm.data} onSaved={rfm.reload} /> : null
              }
            >
              <RfmScores rfm={rfm.data} />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card
              size="small"
              data-testid="rfm-layers"
              title={<SectionTitle title={t('analytics.layers')} />}
              extra={<ExportButtons name="rfm-layers" rows={layers} columns={columns} />}
            >
              <Table<RfmLayer>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={layers}
                scroll={{ x: 'max-content' }}
                expandable={{
                  expandedRowRender: (l) => (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                      {strategy(l)}
                    </Typography.Paragraph>
                  ),
                }}
                columns={[
                  {
                    key: 'name',
                    title: t('analytics.layer'),
                    render: (_, l) => (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        disabled={l.members === 0}
                        onClick={() => setDrill(l)}
                      >
                        {name(l)}
                      </Button>
                    ),
                  },
                  {
                    key: 'members',
                    title: t('analytics.members'),
                    align: 'right',
                    render: (_, l) => fmt.number(l.members),
                  },
                  {
                    key: 'share',
                    title: t('analytics.share'),
                    align: 'right',
                    render: (_, l) => fmt.percent(l.share * 100),
                  },
                  {
                    key: 'revenue',
                    title: t('analytics.revenue'),
                    align: 'right',
                    render: (_, l) => fmt.money(l.revenue),
                  },
                  {
                    key: 'rec',
                    title: t('analytics.avgRecency'),
                    align: 'right',
                    render: (_, l) =>
                      l.avgRecencyDays === null ? '—' : t('analytics.days', { n: String(l.avgRecencyDays) }),
                  },
                  {
                    key: 'freq',
                    title: t('analytics.avgFrequency'),
                    align: 'right',
                    render: (_, l) => l.avgFrequency ?? '—',
                  },
                  ...(can('analytics:compute')
                    ? [
                        {
                          key: 'edit',
                          title: '',
                          render: (_: unknown, l: RfmLayer) => (
                            <Button size="small" onClick={() => setEditing(l)}>
                              {t('analytics.editStrategy')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <LayerDialog
        layer={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          rfm.reload();
        }}
      />
      <LayerMembers layer={drill} title={drill ? name(drill) : ''} onClose={() => setDrill(null)} />
    </>
  );
}

const DAY = 'YYYY-MM-DD';

function LayerDialog({
  layer,
  onClose,
  onSaved,
}: {
  layer: RfmLayer | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ nameZh: string; nameEn: string; strategyZh: string; strategyEn: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!layer) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call(api.PUT('/api/v1/analytics/rfm/layers/{layer}', { params: { path: { layer: layer.key } }, body: v }));
      onSaved();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={layer !== null}
      title={t('analytics.editStrategy')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o && layer)
          form.setFieldsValue({
            nameZh: layer.nameZh,
            nameEn: layer.nameEn,
            strategyZh: layer.strategyZh,
            strategyEn: layer.strategyEn,
          });
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="nameZh" label={t('analytics.nameZh')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('analytics.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="strategyZh" label={t('analytics.strategyZh')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="strategyEn" label={t('analytics.strategyEn')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
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

function LayerMembers({ layer, title, onClose }: { layer: RfmLayer | null; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  // Each page carries the as-of day of the scores it lists; the last page read tells.
  const [asOf, setAsOf] = useState<string | null>(null);
  const list = usePagedList(
    (cursor, signal) =>
      layer
        ? call(
            api.GET('/api/v1/analytics/rfm/layers/{layer}/members', {
              params: { path: { layer: layer.key }, query: { cursor, limit: 50 } },
              signal,
            }),
          ).then((page) => {
            setAsOf(page.asOf);
            return page;
          })
        : Promise.resolve({ items: [] as LayerMember[], nextCursor: null }),
    [layer?.key],
  );
  return (
    <Drawer
      open={layer !== null}
      onClose={onClose}
      title={t('analytics.layerMembers', { layer: title })}
      size="large"
      extra={
        <ExportButtons
          name="rfm-members"
          rows={list.items}
          columns={[
            { title: t('analytics.member'), value: (m) => m.name },
            { title: 'R', value: (m) => m.r },
            { title: 'F', value: (m) => m.f },
            { title: 'M', value: (m) => m.m },
            { title: t('analytics.recencyDays'), value: (m) => m.recencyDays },
            { title: t('analytics.orders'), value: (m) => m.frequency },
            { title: t('analytics.revenue'), value: (m) => m.monetary },
          ]}
        />
      }
    >
      {layer && asOf ? (
        <Typography.Paragraph type="secondary" data-testid="rfm-members-as-of">
          {t('analytics.layerMembersAsOf', { asOf })}
        </Typography.Paragraph>
      ) : null}
      {list.error ? <ErrorState error={list.error} compact /> : null}
      <Table<LayerMember>
        size="small"
        rowKey="memberId"
        pagination={false}
        loading={list.loading}
        dataSource={list.items}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('analytics.member'),
            render: (_, m) => <Link to={`/members/${m.memberId}`}>{m.name}</Link>,
          },
          { key: 'rfm', title: 'R · F · M', render: (_, m) => `${m.r} · ${m.f} · ${m.m}` },
          { key: 'rec', title: t('analytics.recencyDays'), align: 'right', dataIndex: 'recencyDays' },
          { key: 'f', title: t('analytics.orders'), align: 'right', dataIndex: 'frequency' },
          { key: 'm', title: t('analytics.revenue'), align: 'right', render: (_, m) => fmt.money(m.monetary) },
        ]}
      />
      {list.hasMore ? (
        <div style={{ textAlign: 'center', padding: 12 }}>
          <Button onClick={list.more} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </Drawer>
  );
}
