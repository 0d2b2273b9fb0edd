import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Radio, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { Chip, MemberAvatar } from '../../components/MemberBits';
import { CHOOSABLE, choicesBody, differs, mergeRows, type MergeRow } from './merge-fields';

export interface MergePair {
  survivorId: number;
  mergedId: number;
}
export interface MergeDone {
  mergeId: number;
  survivorId: number;
  survivorName: string;
  mergedName: string;
}

/**
 * Merge two members after seeing the outcome field by field (GET merge-preview). Which profile
 * survives can be swapped before confirming; the merge itself can be undone afterwards.
 */
export function MergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: MergePair | null;
  onClose: () => void;
  onMerged: (r: MergeDone) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const [swapped, setSwapped] = useState(false);
  const [allFields, setAllFields] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Fields the operator decided by hand (database names), instead of the merge rule.
  const [chosen, setChosen] = useState<Record<string, 'survivor' | 'merged'>>({});
  useEffect(() => {
    setSwapped(false);
    setError(null);
    setAllFields(false);
    setChosen({});
  }, [pair]);
  useEffect(() => setChosen({}), [swapped]);

  const survivorId = pair ? (swapped ? pair.mergedId : pair.survivorId) : 0;
  const mergedId = pair ? (swapped ? pair.survivorId : pair.mergedId) : 0;
  const preview = useRequest(
    (signal) =>
      pair
        ? call(
            api.GET('/api/v1/members/{id}/merge-preview', {
              params: { path: { id: survivorId }, query: { mergedId } },
              signal,
            }),
          )
        : Promise.resolve(undefined),
    [survivorId, mergedId],
  );
  const p = preview.data;
  const current = p && p.survivor.id === survivorId ? p : undefined;

  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
    if (field === 'gender') return labelOf(t, 'gender', String(v));
    if (field === 'lifecycle_stage') return labelOf(t, 'stage', String(v));
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'created_at' || field === 'last_active_at') return fmt.dateTime(String(v));
    if (typeof v === 'object')
      return Object.keys(v as object).length ? (
        <code>{JSON.stringify(v)}</code>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      );
    return <span style={{ wordBreak: 'break-all' }}>{String(v)}</span>;
  };

  const confirm = async () => {
    if (!current) return;
    setSaving(true);
    setError(null);
    try {
      const r = await call(
        api.POST('/api/v1/members/{id}/merge', {
          params: { path: { id: survivorId } },
          body: { mergedId, ...(Object.keys(chosen).length ? { choices: choicesBody(chosen) } : {}) },
        }),
      );
      onMerged({
        mergeId: r.mergeId,
        survivorId,
        survivorName: current.survivor.displayName,
        mergedName: current.merged.displayName,
      });
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  const rows = current ? mergeRows(current as never) : [];
  const visible = allFields ? rows : rows.filter(differs);

  return (
    <Modal
      title={t('merge.title')}
      open={!!pair}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger loading={saving} disabled={!current} onClick={confirm}>
          {t('merge.confirm')}
        </Button>,
      ]}
    >
      {preview.error ? <ErrorState error={preview.error} compact onRetry={preview.reload} /> : null}
      {!current && !preview.error ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {current ? (
        <Flex vertical gap={12}>
          <Flex align="center" gap={12} wrap>
            <Who member={current.merged} />
            <span aria-hidden>→</span>
            <Who member={current.survivor} />
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => setSwapped(!swapped)}
              style={{ marginInlineStart: 'auto' }}
            >
              {t('merge.swap', { name: `${current.merged.displayName} #${current.merged.id}` })}
            </Button>
          </Flex>
          <Alert
            type="info"
            showIcon
            title={t('merge.summary', {
              merged: `${current.merged.displayName}（#${current.merged.id}）`,
              survivor: `${current.survivor.displayName}（#${current.survivor.id}）`,
            })}
            description={t('merge.moves', { identities: current.moves.identities, tags: current.moves.tags })}
          />
          <Table<MergeRow>
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={visible}
            scroll={{ x: 'max-content' }}
            data-testid="merge-preview"
            columns={[
              { key: 'f', title: t('merge.col.field'), render: (_, r) => t(r.label), width: 120 },
              {
                key: 's',
                title: t('merge.col.survivor', { name: current.survivor.displayName }),
                render: (_, r) => show(r.field, r.survivor),
              },
              {
                key: 'm',
                title: t('merge.col.merged', { name: current.merged.displayName }),
                render: (_, r) => show(r.field, r.merged),
              },
              {
                key: 'r',
                title: t('merge.col.result'),
                render: (_, r) =>
                  CHOOSABLE.has(r.field) && differs(r) ? (
                    // The operator may take either side; the rule's pick is the default.
                    <Radio.Group
                      size="small"
                      value={chosen[r.field] ?? r.from}
                      onChange={(e) => setChosen({ ...chosen, [r.field]: e.target.value as 'survivor' | 'merged' })}
                      data-testid={`merge-choice-${r.field}`}
                    >
                      <Flex vertical gap={2}>
                        <Radio value="survivor">{show(r.field, r.survivor)}</Radio>
                        <Radio value="merged">{show(r.field, r.merged)}</Radio>
                      </Flex>
                    </Radio.Group>
                  ) : (
                    <Flex vertical gap={2}>
                      <strong>{show(r.field, r.result)}</strong>
                      <Tag style={{ width: 'fit-content' }}>
                        {t(`merge.from.${r.from as 'survivor' | 'merged' | 'both'}`)}
                      </Tag>
                    </Flex>
                  ),
              },
            ]}
          />
          <Flex align="center" gap={8}>
            <Switch size="small" checked={allFields} onChange={setAllFields} id="merge-all-fields" />
            <label htmlFor="merge-all-fields" className="kith-muted">
              {t('merge.showAll', { count: rows.length })}
            </label>
          </Flex>
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        </Flex>
      ) : null}
    </Modal>
  );
}

/** A member of the pair: name, id and the channels they are known on, so two same names can be told apart. */
function Who({
  member,
}: {
  member: { id: number; displayName: string; identities: { channel: string; externalId: string }[] };
}) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={8} wrap>
      <MemberAvatar id={member.id} name={member.displayName} />
      <strong>{member.displayName}</strong>
      <span className="kith-muted">#{member.id}</span>
      {member.identities.map((i) => (
        <Chip key={`${i.channel}:${i.externalId}`} title={i.externalId}>
          {labelOf(t, 'channel', i.channel)}
        </Chip>
      ))}
    </Flex>
  );
}
