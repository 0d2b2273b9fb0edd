import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { communityLabel, STAGE_COLORS } from './community-vocab';

/** Red when full, orange near full, the brand colour otherwise. */
export const capacityColor = (percent: number) => (percent >= 100 ? '#dc2626' : percent >= 90 ? '#f59e0b' : undefined);

/** Members now against the capacity: a bar that turns orange near the limit and red at it. */
export function CapacityUse({
  membersNow,
  capacity,
  percent,
  compact = false,
}: {
  membersNow: number;
  capacity: number | null;
  percent: number | null;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  if (capacity === null || percent === null) {
    return (
      <span>
        {fmt.number(membersNow)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          / {t('community.noLimit')}
        </Typography.Text>
      </span>
    );
  }
  const color = capacityColor(percent);
  return (
    <Tooltip title={t('community.capacityUse', { percent: fmt.percent(percent) })}>
      <Flex vertical gap={0} style={{ minWidth: compact ? 110 : 160 }}>
        <span>
          {fmt.number(membersNow)}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            / {fmt.number(capacity)}
          </Typography.Text>
        </span>
        <Progress
          percent={Math.min(percent, 100)}
          showInfo={false}
          size="small"
          strokeColor={color}
          aria-label={t('community.capacityUse', { percent: fmt.percent(percent) })}
          style={{ margin: 0 }}
        />
      </Flex>
    </Tooltip>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage] ?? 'default'} variant="filled" style={{ margin: 0 }}>
      {communityLabel(t, 'communityStage', stage)}
    </Tag>
  );
}

/** Channel, positioning type and goal of a community, as a row of tags. */
export function PositioningTags({
  channel,
  positioningType,
  goal,
  stage,
}: {
  channel: string;
  positioningType: string;
  goal: string;
  stage?: string;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap align="center">
      <Tag style={{ margin: 0 }}>{labelOf(t, 'channel', channel)}</Tag>
      <Tag color="cyan" style={{ margin: 0 }}>
        {communityLabel(t, 'positioning', positioningType)}
      </Tag>
      <Tag color="geekblue" style={{ margin: 0 }}>
        {communityLabel(t, 'goal', goal)}
      </Tag>
      {stage ? <StageBadge stage={stage} /> : null}
    </Flex>
  );
}
