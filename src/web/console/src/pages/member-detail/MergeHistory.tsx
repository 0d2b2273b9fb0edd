import { Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';

/** Merges this member took part in, newest first, with Undo while it is still possible. */
export function MergeHistory({
  memberId,
  version,
  onUndo,
}: {
  memberId: number;
  version: number;
  onUndo: (mergeId: number) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const merges = useRequest(
    (signal) => call(api.GET('/api/v1/members/{id}/merges', { params: { path: { id: memberId } }, signal })),
    [memberId, version],
  );
  const items = merges.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('merge.history')} data-testid="merge-history">
      <Flex vertical gap={10}>
        {items.map((m) => (
          <Flex key={m.id} justify="space-between" align="center" gap={8} wrap>
            <div>
              <div>
                {t('merge.historyItem', {
                  by: m.mergedBy,
                  at: fmt.dateTime(m.mergedAt),
                  merged: String(m.mergedId),
                  survivor: String(m.survivorId),
                })}{' '}
                <Link to={`/members/${m.mergedId === memberId ? m.survivorId : m.mergedId}`}>
                  #{m.mergedId === memberId ? m.survivorId : m.mergedId}
                </Link>
              </div>
              {m.undoneAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('merge.historyUndone', { by: m.undoneBy ?? '', at: fmt.dateTime(m.undoneAt) })}
                </Typography.Text>
              ) : null}
            </div>
            {!m.undoneAt && m.undoable ? (
              <Can permission="members:merge">
                <Button size="small" onClick={() => onUndo(m.id)}>
                  {t('merge.undo')}
                </Button>
              </Can>
            ) : null}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
