import { useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Modal, Table, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { describeError } from '../../components/errors';
import type { Rfm } from './types';

type Range = Rfm['ranges']['r'][number];
const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The R × F grid with what each score stands for in the last scoring (days since the last order,
 * orders, money — docs/metrics.md), so a cell reads as "ordered 3–4 times, 20–45 days ago".
 */
export function RfmScores({ rfm }: { rfm: Rfm }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const grid = rfm.grid;
  const at = (r: number, f: number) => grid.find((g) => g.r === r && g.f === f)?.members ?? 0;
  const max = Math.max(1, ...grid.map((g) => g.members));
  const span = (x: Range, one: (v: string) => string) =>
    x.min === null ? t('analytics.scoreUnused') : x.min === x.max ? one(x.min) : `${one(x.min)} – ${one(x.max!)}`;
  const days = (v: string) => t('analytics.days', { n: v });
  const orders = (v: string) => t('analytics.orderCount', { n: v });
  const rOf = (s: number) => rfm.ranges.r[s - 1]!;
  const fOf = (s: number) => rfm.ranges.f[s - 1]!;
  return (
    <>
      <table
        className="kith-rfm-grid"
        style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}
        aria-label={t('analytics.rfmGrid')}
      >
        <thead>
          <tr>
            <th style={{ padding: 4 }}>R \ F</th>
            {SCORES.map((f) => (
              <th key={f} style={{ padding: 4 }}>
                {f}
                <div className="kith-muted" style={{ fontSize: 11, fontWeight: 400 }}>
                  {span(fOf(f), (v) => v)}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((r) => (
            <tr key={r}>
              <th style={{ padding: 4, textAlign: 'left' }}>
                {r}
                <div className="kith-muted" style={{ fontSize: 11, fontWeight: 400 }}>
                  {span(rOf(r), (v) => v)}
                </div>
              </th>
              {SCORES.map((f) => {
                const n = at(r, f);
                return (
                  <td
                    key={f}
                    style={{
                      padding: 6,
                      background: `rgba(22, 119, 255, ${(0.06 + (n / max) * 0.8).toFixed(2)})`,
                      color: n / max > 0.55 ? '#fff' : undefined,
                      border: '1px solid #fff',
                    }}
                  >
                    {fmt.number(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '6px 0 10px' }}>
        {t('analytics.rfmAxes')}
      </Typography.Text>
      <Table
        size="small"
        data-testid="rfm-ranges"
        rowKey="score"
        pagination={false}
        dataSource={SCORES.map((s) => ({ score: s }))}
        columns={[
          { key: 'score', title: t('analytics.score'), render: (_, x) => x.score, width: 56 },
          { key: 'r', title: t('analytics.rangeR'), render: (_, x) => span(rOf(x.score), days) },
          { key: 'f', title: t('analytics.rangeF'), render: (_, x) => span(fOf(x.score), orders) },
          {
            key: 'm',
            title: t('analytics.rangeM'),
            render: (_, x) => span(rfm.ranges.m[x.score - 1]!, (v) => fmt.money(v)),
          },
        ]}
      />
    </>
  );
}

/** Operators set the order counts behind F 2–5; they apply from the next scoring. */
export function FrequencyThresholdsButton({ rfm, onSaved }: { rfm: Rfm; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<(number | null)[]>(rfm.frequencyThresholds);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.PATCH('/api/v1/analytics/settings', {
          body: { rfmFrequencyThresholds: values.map((v) => v ?? 0) },
        }),
      );
      message.success(t('analytics.fThresholdsSaved'));
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        icon={<SettingOutlined />}
        onClick={() => {
          setValues(rfm.frequencyThresholds);
          setError(null);
          setOpen(true);
        }}
      >
        {t('analytics.fThresholds')}
      </Button>
      <Modal
        open={open}
        title={t('analytics.fThresholds')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('analytics.fThresholdsHint')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          {values.map((v, i) => (
            <label key={i} style={{ display: 'grid', gap: 4 }}>
              <span>{t('analytics.fThresholdFor', { score: String(i + 2) })}</span>
              <InputNumber
                min={2}
                precision={0}
                value={v}
                aria-label={t('analytics.fThresholdFor', { score: String(i + 2) })}
                onChange={(x) => setValues(values.map((y, j) => (j === i ? x : y)))}
              />
            </label>
          ))}
        </Flex>
        {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} /> : null}
      </Modal>
    </>
  );
}
