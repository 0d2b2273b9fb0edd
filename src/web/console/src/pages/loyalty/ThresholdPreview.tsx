import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { EChart } from '../../components/EChart';
import { describeError } from '../../components/errors';
import { Can } from '../../session/Can';
import { nameIn } from './loyalty-vocab';
import { previewOption, proposals } from './preview';
import { TierName } from './TiersCard';
import type { PreviewRow, Tier } from './types';

/** The value after the operator stopped typing for a moment, so each keystroke does not ask the server. */
function useSettled<T>(value: T, ms = 350): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * 门槛试算: the operator types proposed thresholds and sees how many members each tier holds now
 * and would hold — both counted by the server from members' growth (POST /loyalty/tiers/preview),
 * never guessed here. Nothing is saved until a manager applies them, all at once
 * (POST /loyalty/tiers/thresholds).
 */
export function ThresholdPreview({
  tiers,
  version,
  onApplied,
}: {
  tiers: Tier[];
  version: number;
  onApplied: () => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [applying, setApplying] = useState(false);
  useEffect(() => setEdits({}), [version]);
  const asked = useSettled(JSON.stringify(proposals(tiers, edits)));
  // `asked` settles a moment after the tiers change: a tier deleted meanwhile is left out, not
  // asked about (the server would answer that it no longer exists).
  const present = new Set(tiers.map((x) => x.id));
  const preview = useRequest(
    (signal) =>
      tiers.length
        ? call(
            api.POST('/api/v1/loyalty/tiers/preview', {
              body: {
                thresholds: (JSON.parse(asked) as { tierId: number; threshold: number }[]).filter((p) =>
                  present.has(p.tierId),
                ),
              },
              signal,
            }),
          )
        : Promise.resolve({ items: [] }),
    [asked, version, tiers.length],
  );
  const rows = preview.data?.items ?? [];
  const byId = new Map(tiers.map((x) => [x.id, x]));
  const name = (id: number) => {
    const x = byId.get(id);
    return x ? nameIn(x, locale) : `#${id}`;
  };
  const chart = useMemo(() => previewOption(rows, name, t, fmt), [preview.data, t, fmt, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const changed = Object.entries(edits).some(
    ([id, v]) => typeof v === 'number' && v !== byId.get(Number(id))?.threshold,
  );
  // Only what the preview on screen shows is applied: not while a newer one is on its way.
  const current = asked === JSON.stringify(proposals(tiers, edits)) && !preview.loading && !preview.error;

  const apply = async () => {
    setApplying(true);
    try {
      const r = await call(api.POST('/api/v1/loyalty/tiers/thresholds', { body: { thresholds: JSON.parse(asked) } }));
      message.success(t('preview.applied', { promoted: fmt.number(r.promoted) }));
      onApplied();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setApplying(false);
    }
  };

  const columns: TableProps<PreviewRow>['columns'] = [
    {
      key: 'tier',
      title: t('tiers.col.name'),
      render: (_, r) => (byId.get(r.tierId) ? <TierName tier={byId.get(r.tierId)!} /> : `#${r.tierId}`),
    },
    { key: 'members', title: t('preview.col.members'), align: 'right', render: (_, r) => fmt.number(r.members) },
    {
      key: 'proposed',
      title: t('preview.col.proposed'),
      width: 120,
      render: (_, r) => {
        const value = edits[r.tierId] ?? byId.get(r.tierId)?.threshold ?? r.threshold;
        return (
          <>
            <InputNumber
              size="small"
              min={0}
              max={1_000_000_000}
              precision={0}
              style={{ width: 104 }}
              aria-label={`${t('preview.col.proposed')} ${name(r.tierId)}`}
              value={value}
              onChange={(v) => setEdits((e) => ({ ...e, [r.tierId]: typeof v === 'number' ? v : null }))}
            />
            {value !== r.threshold ? (
              <div className="kith-muted">{t('preview.now', { value: fmt.number(r.threshold) })}</div>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'proposedMembers',
      title: t('preview.col.proposedMembers'),
      align: 'right',
      render: (_, r) => {
        const d = r.proposedMembers - r.members;
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong>{fmt.number(r.proposedMembers)}</Typography.Text>
            {d ? (
              <Typography.Text
                type={d > 0 ? 'success' : 'danger'}
                style={{ fontSize: 12, marginInlineStart: 6 }}
                aria-label={t('preview.col.change')}
              >
                {d > 0 ? '+' : ''}
                {fmt.number(d)}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t('preview.title')}
      data-testid="threshold-preview"
      extra={
        changed ? (
          <Space size={8} wrap>
            <Button size="small" icon={<UndoOutlined />} onClick={() => setEdits({})}>
              {t('preview.reset')}
            </Button>
            <Can permission="loyalty:manage">
              <Popconfirm
                title={t('preview.applyTitle')}
                description={<div style={{ maxWidth: 320 }}>{t('preview.applyConfirm')}</div>}
                okText={t('preview.apply')}
                onConfirm={apply}
              >
                <Button size="small" type="primary" icon={<CheckOutlined />} loading={applying} disabled={!current}>
                  {t('preview.apply')}
                </Button>
              </Popconfirm>
            </Can>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('preview.intro')}
      </Typography.Paragraph>
      {tiers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('preview.noTiers')} />
      ) : (
        <>
          {preview.error ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title={describeError(preview.error, t).message}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Table<PreviewRow>
            rowKey="tierId"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={preview.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          {rows.length ? (
            <div style={{ marginTop: 16 }}>
              <EChart option={chart} height={260} ariaLabel={t('preview.chart')} />
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
