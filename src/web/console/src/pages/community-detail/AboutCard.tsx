import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { StageBadge } from '../communities/CommunityBits';
import { communityLabel } from '../communities/community-vocab';
import type { CommunityDetail } from '../communities/types';

type Person = CommunityDetail['admins'][number];

function PersonTag({ p }: { p: Person }) {
  const { t } = useI18n();
  const kind = p.staffId !== null ? t('community.person.staff') : t('community.person.member');
  return (
    <Tag style={{ margin: 0 }}>
      {p.name ?? `#${p.staffId ?? p.memberId}`}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {kind}
      </Typography.Text>
    </Tag>
  );
}

/** Positioning (type, goal, stage and what the stage asks for), channel, capacity and who runs it. */
export function AboutCard({ community: c }: { community: CommunityDetail }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Card size="small" title={t('community.about')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'type',
            label: t('community.field.positioningType'),
            children: communityLabel(t, 'positioning', c.positioningType),
          },
          { key: 'goal', label: t('community.field.goal'), children: communityLabel(t, 'goal', c.goal) },
          {
            key: 'stage',
            label: t('community.field.stage'),
            children: (
              <Flex vertical gap={4}>
                <span>
                  <StageBadge stage={c.stage} />
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {communityLabel(t, 'communityStageHint', c.stage)}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'channel', label: t('community.field.channel'), children: labelOf(t, 'channel', c.channel) },
          {
            key: 'externalId',
            label: t('community.field.externalId'),
            children: c.externalId ? (
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {c.externalId}
              </Typography.Text>
            ) : (
              none
            ),
          },
          {
            key: 'capacity',
            label: t('community.field.capacity'),
            children: c.capacity === null ? t('community.noLimit') : fmt.number(c.capacity),
          },
          { key: 'owner', label: t('community.field.owner'), children: c.owner ? <PersonTag p={c.owner} /> : none },
          {
            key: 'admins',
            label: t('community.field.admins'),
            children: c.admins.length ? (
              <Flex gap={4} wrap>
                {c.admins.map((a, i) => (
                  <PersonTag key={i} p={a} />
                ))}
              </Flex>
            ) : (
              none
            ),
          },
          { key: 'created', label: t('community.createdAt'), children: fmt.date(c.createdAt) },
          ...(c.archivedAt
            ? [{ key: 'archived', label: t('community.archivedAt'), children: fmt.dateTime(c.archivedAt) }]
            : []),
        ]}
      />
      {c.description ? (
        <Typography.Paragraph className="kith-message-text" style={{ marginTop: 12, marginBottom: 0 }}>
          {c.description}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** The community's rules (社群规则), as written: plain text, line breaks kept, never HTML. */
export function RulesCard({ rules, onEdit }: { rules: string; onEdit?: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('community.field.rules')}
      extra={onEdit ? <Typography.Link onClick={onEdit}>{t('community.edit')}</Typography.Link> : null}
    >
      {rules ? (
        <Typography.Paragraph
          className="kith-message-text"
          style={{ marginBottom: 0, maxHeight: 360, overflow: 'auto' }}
        >
          {rules}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('community.noRules')}</Typography.Text>
      )}
    </Card>
  );
}
