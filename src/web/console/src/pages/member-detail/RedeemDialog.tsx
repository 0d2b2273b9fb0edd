import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Modal, Result, Select, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { hasMessage, useI18n, type Translate } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { describeError } from '../../components/errors';
import { nameIn } from '../loyalty/loyalty-vocab';
import type { CatalogueItem, NewRedemption as Redemption } from '../loyalty/types';
import type { Member } from './types';

/** A fresh key per dialog: a retried submit (a lost answer) stays one redemption on the server. */
const newKey = () =>
  crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Why this member cannot redeem the reward now, in the console's words (from the refusal's figures). */
export function refusalText(r: CatalogueItem, t: Translate, number: (n: number) => string): string | null {
  if (!r.refusal) return null;
  const p = (r.refusalParams ?? {}) as { reason?: string; limit?: number; needed?: number; balance?: number };
  const key = `memberLoyalty.refusal.${r.refusal === 'REWARD_UNAVAILABLE' ? (p.reason ?? 'ended') : r.refusal}`;
  // A refusal this console does not know yet is shown as the server words it.
  if (!hasMessage(key)) return r.refusalMessage;
  return t(key, { limit: String(p.limit ?? ''), short: number((p.needed ?? 0) - (p.balance ?? 0)) });
}

/**
 * 代会员兑换: redeem a reward for the member (at the counter, say). The list is the member's own
 * catalogue: rewards they cannot redeem now are shown greyed with the reason. The server checks
 * stock, tier, limits and balance again under lock. A coupon's code comes back here.
 */
export function RedeemDialog({
  open,
  member,
  balance,
  onClose,
  onDone,
}: {
  open: boolean;
  member: Member;
  balance: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [rewardId, setRewardId] = useState<number | null>(null);
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const rewards = useRequest(
    (signal) =>
      open
        ? call(api.GET('/api/v1/members/{id}/loyalty/rewards', { params: { path: { id: member.id } }, signal }))
        : Promise.resolve({ items: [] as CatalogueItem[] }),
    [open, member.id],
  );
  useEffect(() => {
    if (open) {
      setRewardId(null);
      setKey(newKey());
      setError(null);
      setDone(null);
    }
  }, [open]);
  const reward = rewards.data?.items.find((r) => r.id === rewardId);

  const submit = async () => {
    if (!rewardId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call(
        api.POST('/api/v1/members/{id}/loyalty/redemptions', {
          params: { path: { id: member.id } },
          body: { rewardId, idempotencyKey: key },
        }),
      );
      setDone(r);
      message.success(t('memberLoyalty.redeem.done', { reward: reward ? nameIn(reward, locale) : `#${rewardId}` }));
      onDone();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('memberLoyalty.redeemTitle', { name: member.displayName })}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          [
            <Button key="c" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={busy} disabled={!rewardId} onClick={() => void submit()}>
              {t('memberLoyalty.redeem.submit')}
            </Button>,
          ]
        )
      }
    >
      {done ? (
        <Result
          status="success"
          style={{ padding: '8px 0' }}
          title={t('memberLoyalty.redeem.done', { reward: reward ? nameIn(reward, locale) : `#${done.rewardId}` })}
          subTitle={
            done.couponCode ? (
              <Typography.Text copyable code>
                {t('memberLoyalty.redeem.code', { code: done.couponCode })}
              </Typography.Text>
            ) : null
          }
        />
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('memberLoyalty.redeem.reward')} required>
            <Select<number>
              value={rewardId ?? undefined}
              onChange={(v) => {
                setRewardId(v);
                setKey(newKey());
                setError(null);
              }}
              loading={rewards.loading}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('memberLoyalty.redeem.reward')}
              notFoundContent={t('memberLoyalty.redeem.none')}
              options={(rewards.data?.items ?? []).map((r) => {
                const why = refusalText(r, t, fmt.number);
                return {
                  value: r.id,
                  disabled: !r.canRedeem,
                  label: `${nameIn(r, locale)} · ${t('loyalty.pointsCount', { count: r.cost })}${why ? ` · ${why}` : ''}`,
                };
              })}
            />
          </Form.Item>
          {reward ? (
            <Typography.Paragraph type={reward.cost > balance ? 'warning' : 'secondary'}>
              {t('memberLoyalty.redeem.cost', { cost: fmt.number(reward.cost), balance: fmt.number(balance) })}
              {reward.cost > balance ? (
                <>
                  <br />
                  {t('memberLoyalty.redeem.short', { short: fmt.number(reward.cost - balance) })}
                </>
              ) : null}
            </Typography.Paragraph>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        </Form>
      )}
    </Modal>
  );
}
