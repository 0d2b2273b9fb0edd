import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import type { Member } from './types';

/** The member's accounts on each channel: how Kith recognises them when they speak or buy. */
export function IdentitiesCard({ member }: { member: Member }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('member.identities')}>
      {member.identities.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.noIdentities')} />
      ) : (
        <Flex vertical gap={8}>
          {member.identities.map((i) => (
            <Flex key={i.id} gap={8} align="center" wrap>
              <Tag color="blue" style={{ margin: 0 }}>
                {labelOf(t, 'channel', i.channel)}
              </Tag>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {i.externalId}
              </Typography.Text>
              {i.displayName ? <Typography.Text type="secondary">{i.displayName}</Typography.Text> : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
