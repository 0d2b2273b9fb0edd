import { Card, Flex, Tag, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';

/** A member's RFM layer 分层 on their profile: the scores, the layer and what to do with it. */
export function MemberRfmCard({ memberId }: { memberId: number }) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const r = useRequest(
    (signal) => call(api.GET('/api/v1/members/{id}/rfm', { params: { path: { id: memberId } }, signal })),
    [memberId],
  );
  return (
    <Card
      size="small"
      title={t('analytics.memberRfm')}
      loading={r.loading && r.data === undefined}
      data-testid="member-rfm"
    >
      {r.error ? <ErrorState error={r.error} compact onRetry={r.reload} /> : null}
      {r.data === null ? <Typography.Text type="secondary">{t('analytics.memberRfmNone')}</Typography.Text> : null}
      {r.data ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <Tag color="blue" style={{ margin: 0 }}>
              {locale === 'zh-CN' ? r.data.nameZh : r.data.nameEn}
            </Tag>
            <Typography.Text>
              R {r.data.r} · F {r.data.f} · M {r.data.m}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('analytics.memberRfmFigures', {
              days: String(r.data.recencyDays),
              orders: String(r.data.frequency),
              amount: fmt.money(r.data.monetary),
              asOf: r.data.asOf,
              at: fmt.date(r.data.computedAt),
            })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0 }}>
            {locale === 'zh-CN' ? r.data.strategyZh : r.data.strategyEn}
          </Typography.Paragraph>
        </Flex>
      ) : null}
    </Card>
  );
}
