import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Col, Flex, Row, Skeleton } from 'antd';
import { CrownOutlined, EditOutlined, GiftOutlined, StopOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { useTiers } from '../loyalty/useTiers';
import { StandingCard, PointsCard } from './LoyaltyStanding';
import { TierHistoryCard } from './TierHistoryCard';
import { LedgerCard } from './LedgerCard';
import { MemberBadgesCard } from './MemberBadgesCard';
import { AdjustPointsDialog } from './AdjustPointsDialog';
import { EndManualTierDialog, ManualTierDialog } from './ManualTierDialog';
import { RedeemDialog } from './RedeemDialog';
import type { Member } from './types';

type Dialog = 'adjust' | 'assign' | 'end' | 'redeem' | null;

/**
 * 会员制度 on the member's page: their tier (and why), growth and the way to the next tier, points
 * with what expires when, the ledger, badges — and, for roles that may, adjusting points, a tier
 * by hand and redeeming a reward for them.
 */
export function LoyaltyTab({ member }: { member: Member }) {
  const { t } = useI18n();
  const { can } = useMe();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = () => setVersion((v) => v + 1);
  const id = member.id;
  const standing = useRequest(
    (signal) => call(api.GET('/api/v1/members/{id}/loyalty', { params: { path: { id } }, signal })),
    [id, version],
  );
  const programme = useRequest((signal) => call(api.GET('/api/v1/loyalty/programme', { signal })), []);
  const pending = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/loyalty/adjustments', {
          params: { query: { memberId: id, status: 'pending', limit: 50 } },
          signal,
        }),
      ),
    [id, version],
  );
  const tiers = useTiers();
  const live = member.mergedInto === null && !member.erasedAt;
  const canAdjust = live && can('loyalty:adjust');
  const s = standing.data;

  if (standing.error && !s) return <ErrorState error={standing.error} onRetry={standing.reload} />;
  if (!s) return <Skeleton active paragraph={{ rows: 8 }} />;
  const waiting = pending.data?.items.length ?? 0;

  return (
    <div data-testid="member-loyalty">
      {canAdjust ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('adjust')}>
            {t('memberLoyalty.adjust')}
          </Button>
          <Button icon={<CrownOutlined />} onClick={() => setDialog('assign')} disabled={!tiers.data?.length}>
            {t('memberLoyalty.assign')}
          </Button>
          {s.tier.manual ? (
            <Button icon={<StopOutlined />} onClick={() => setDialog('end')}>
              {t('memberLoyalty.endManual')}
            </Button>
          ) : null}
          <Button icon={<GiftOutlined />} onClick={() => setDialog('redeem')}>
            {t('memberLoyalty.redeem')}
          </Button>
        </Flex>
      ) : null}
      {waiting ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('memberLoyalty.pendingAdjustments', { count: waiting })}
          data-testid="pending-adjustments"
          action={
            <Link to="/loyalty/adjustments">
              <Button size="small">{t('memberLoyalty.pendingLink')}</Button>
            </Link>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <StandingCard standing={s} tierName={tiers.name} />
            <PointsCard standing={s} />
            <MemberBadgesCard member={member} editable={canAdjust} version={version} />
          </Flex>
        </Col>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <LedgerCard memberId={id} version={version} />
            <TierHistoryCard history={s.history} tierName={tiers.name} />
          </Flex>
        </Col>
      </Row>
      {canAdjust ? (
        <>
          <AdjustPointsDialog
            open={dialog === 'adjust'}
            member={member}
            threshold={programme.data?.approvalThreshold ?? null}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              refresh();
            }}
          />
          <ManualTierDialog
            open={dialog === 'assign'}
            member={member}
            tiers={tiers.data ?? []}
            current={s.tier.manual?.tierId ?? s.tier.current?.id ?? null}
            onClose={() => setDialog(null)}
            onDone={(x) => {
              setDialog(null);
              standing.setData(x);
              refresh();
            }}
          />
          <EndManualTierDialog
            open={dialog === 'end'}
            member={member}
            earned={tiers.name(s.tier.earned?.id)}
            onClose={() => setDialog(null)}
            onDone={(x) => {
              setDialog(null);
              standing.setData(x);
              refresh();
            }}
          />
          <RedeemDialog
            open={dialog === 'redeem'}
            member={member}
            balance={s.points.balance}
            onClose={() => setDialog(null)}
            onDone={() => refresh()}
          />
        </>
      ) : null}
    </div>
  );
}
