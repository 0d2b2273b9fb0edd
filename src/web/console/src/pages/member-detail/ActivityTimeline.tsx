import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import {
  CalendarOutlined,
  CheckCircleOutlined,
  FileTextOutlined,
  FormOutlined,
  LoginOutlined,
  LogoutOutlined,
  MessageOutlined,
  ShoppingCartOutlined,
  SmileOutlined,
  StarOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useCommunities } from '../../hooks/useCommunities';
import { ErrorState } from '../../components/ErrorState';
import { describeActivity } from './activity-text';
import type { Activity } from './types';

const ICONS: Record<string, { icon: ReactNode; color: string }> = {
  message: { icon: <MessageOutlined />, color: 'blue' },
  reaction: { icon: <SmileOutlined />, color: 'gray' },
  check_in: { icon: <CheckCircleOutlined />, color: 'green' },
  join: { icon: <LoginOutlined />, color: 'green' },
  leave: { icon: <LogoutOutlined />, color: 'red' },
  event_registered: { icon: <CalendarOutlined />, color: 'blue' },
  event_attended: { icon: <StarOutlined />, color: 'green' },
  purchase: { icon: <ShoppingCartOutlined />, color: '#ca8a04' },
  refund: { icon: <UndoOutlined />, color: 'red' },
  survey_response: { icon: <FormOutlined />, color: 'blue' },
  content_view: { icon: <FileTextOutlined />, color: 'gray' },
  referral: { icon: <UserAddOutlined />, color: '#9333ea' },
};

/**
 * What the member did, newest first, page by page. Message text is member-written: it is shown
 * as plain text (React escapes it), never interpreted as HTML.
 */
export function ActivityTimeline({ memberId, version }: { memberId: number; version: number }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const communities = useCommunities();
  const [items, setItems] = useState<Activity[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call(
        api.GET('/api/v1/activities', {
          params: { query: { memberId, limit: 30, cursor: after ?? undefined } },
          signal,
        }),
      );
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (!signal?.aborted) setError(e);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const ctrl = new AbortController();
    setItems([]);
    void load(null, ctrl.signal);
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [memberId, version]);

  const communityName = (id: number) => communities.data?.find((c) => c.id === id)?.name ?? null;

  return (
    <Card size="small" title={t('member.activity')}>
      {error ? <ErrorState error={error} compact onRetry={() => load(cursor)} /> : null}
      {loading && items.length === 0 ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {!loading && !error && items.length === 0 ? <Empty description={t('member.noActivity')} /> : null}
      {items.length ? (
        <Timeline
          data-testid="activity-timeline"
          items={items.map((a) => {
            const d = describeActivity(a, { community: communityName, money: fmt.money });
            const look = ICONS[a.kind] ?? { icon: <StarOutlined />, color: 'gray' };
            return {
              key: a.id,
              color: look.color,
              icon: look.icon,
              // Everything in `content`: a `title` would sit on the other side of the line, away from what it names.
              content: (
                <>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>{t(d.title.key, d.title.values)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmt.dateTime(a.occurredAt)}
                    </Typography.Text>
                  </Flex>
                  {d.details.length ? (
                    <div className="kith-muted">{d.details.map((x) => t(x.key, x.values)).join(' · ')}</div>
                  ) : null}
                  {d.body ? (
                    <Typography.Paragraph className="kith-message-text" style={{ margin: '4px 0 0' }}>
                      {d.body}
                    </Typography.Paragraph>
                  ) : null}
                </>
              ),
            };
          })}
        />
      ) : null}
      {cursor ? (
        <Flex justify="center">
          <Button loading={loading} onClick={() => load(cursor)}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
