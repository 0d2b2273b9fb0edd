import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Drawer, Empty, Flex, Grid, Skeleton, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { MemberAvatar } from '../../components/MemberBits';
import { ErrorState } from '../../components/ErrorState';
import type { MessagesPage } from './types';

export interface MessagesRange {
  from: string;
  to: string;
  title: string;
}

/**
 * The messages behind a day (or the whole period) of the chart, newest first. Message text is
 * what members typed: React writes it as text, so markup in it is shown, never run.
 */
export function MessagesDrawer({ range, onClose }: { range: MessagesRange | null; onClose: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const phone = !Grid.useBreakpoint().md;
  const [items, setItems] = useState<MessagesPage['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (r: MessagesRange, after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call(
        api.GET('/api/v1/overview/messages', {
          params: { query: { from: r.from, to: r.to, limit: 50, cursor: after ?? undefined } },
        }),
      );
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setItems([]);
    setCursor(null);
    if (range) void load(range, null);
  }, [range]);

  return (
    <Drawer open={!!range} onClose={onClose} title={range?.title} size={phone ? '100%' : 560} destroyOnHidden>
      {error ? <ErrorState error={error} compact onRetry={() => range && load(range, cursor)} /> : null}
      {loading && items.length === 0 ? <Skeleton active avatar paragraph={{ rows: 2 }} /> : null}
      {!loading && !error && items.length === 0 ? <Empty description={t('overview.noMessages')} /> : null}
      <Flex vertical gap={16} data-testid="day-messages">
        {items.map((m) => (
          <Flex key={m.id} gap={12} align="flex-start">
            <MemberAvatar id={m.member.id} name={m.member.displayName} url={m.member.avatarUrl} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Flex gap={8} wrap align="baseline">
                <Link to={`/members/${m.member.id}`}>{m.member.displayName}</Link>
                {m.community ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.community.name}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
                  {fmt.dateTime(m.occurredAt)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph className="kith-message-text" style={{ margin: 0 }}>
                {m.text}
              </Typography.Paragraph>
            </div>
          </Flex>
        ))}
      </Flex>
      {cursor ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={loading} onClick={() => range && load(range, cursor)}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Drawer>
  );
}
