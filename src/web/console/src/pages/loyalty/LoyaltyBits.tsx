import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Form, Grid, Input, Modal, Segmented, Typography } from 'antd';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { MemberAvatar } from '../../components/MemberBits';
import { describeError } from '../../components/errors';

/** A member in a queue: picture, name and id, a link to their programme tab. */
export function MemberLink({ id, name, avatarUrl }: { id: number; name: string; avatarUrl: string | null }) {
  return (
    <Link to={`/members/${id}?tab=loyalty`} className="kith-table-name">
      <MemberAvatar id={id} name={name} url={avatarUrl} size={24} />
      <span>{name}</span>
      <span className="kith-muted">#{id}</span>
    </Link>
  );
}

/** Points with their sign and colour: +200 green, −50 red. */
export function PointsDelta({ points }: { points: number }) {
  const fmt = useFormat();
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return (
    <Typography.Text
      strong
      type={points > 0 ? 'success' : points < 0 ? 'danger' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {sign}
      {fmt.number(Math.abs(points))}
    </Typography.Text>
  );
}

/** The status filter of a queue, its first value the default one (kept in the address by the page). */
export function StatusFilter<S extends string>({
  value,
  statuses,
  group,
  onChange,
}: {
  value: S | 'all';
  statuses: readonly S[];
  group: 'redemptionStatus' | 'adjustmentStatus';
  onChange: (s: S | 'all') => void;
}) {
  const { t } = useI18n();
  const label = (s: string) => {
    const k = `${group}.${s}`;
    return hasMessage(k) ? t(k) : s;
  };
  return (
    <Segmented<S | 'all'>
      value={value}
      onChange={onChange}
      aria-label={t('loyalty.status')}
      options={[
        ...statuses.map((s) => ({ value: s, label: label(s) })),
        { value: 'all' as const, label: t('queue.all') },
      ]}
    />
  );
}

/**
 * Confirms a decision on one item (fulfil, cancel, approve, reject) with an optional note; the
 * server's refusal (someone decided first, the requester approving their own) is shown in place.
 */
export function DecisionDialog({
  open,
  title,
  intro,
  okText,
  danger = false,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  intro?: ReactNode;
  okText: string;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setNote('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(note.trim());
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger }}
      destroyOnHidden
    >
      {intro ? <div style={{ marginBottom: 12 }}>{intro}</div> : null}
      <Form layout="vertical">
        <Form.Item label={t('loyalty.noteOptional')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            aria-label={t('loyalty.noteOptional')}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}

/**
 * Where a table's action column sits: pinned to the right on a wide screen, so it stays in view
 * while the rest scrolls; on a phone it scrolls with the row (pinned, it would take half the screen).
 */
export function usePinnedActions(): 'right' | undefined {
  return Grid.useBreakpoint().md ? 'right' : undefined;
}
