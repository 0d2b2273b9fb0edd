import { Drawer, Flex, Grid, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { AwardText, RuleExtras } from './RuleBits';
import type { Rule } from '../loyalty/types';

/** Every version of a rule, newest first: from when it applied, who made it, what it gave. */
export function RuleHistory({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const phone = !Grid.useBreakpoint().md;
  const versions = [...(rule?.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Drawer
      open={rule !== null}
      onClose={onClose}
      title={rule ? t('rules.historyTitle', { name: rule.name }) : ''}
      size={phone ? '100%' : 520}
      destroyOnHidden
    >
      <Timeline
        data-testid="rule-versions"
        items={versions.map((v) => ({
          key: v.version,
          color: v.version === rule?.currentVersion ? 'green' : 'gray',
          content: (
            <Flex vertical gap={4}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{t('rules.version', { version: String(v.version) })}</Typography.Text>
                {v.version === rule?.currentVersion ? (
                  <Tag color="green" style={{ margin: 0 }}>
                    {t('rules.current')}
                  </Tag>
                ) : null}
                <Tag style={{ margin: 0 }}>{labelOf(t, 'kind', v.definition.kind)}</Tag>
                {v.definition.enabled ? null : <Tag style={{ margin: 0 }}>{t('rules.disabled')}</Tag>}
              </Flex>
              <span className="kith-muted">
                {t('rules.inForceFrom', { at: fmt.dateTime(v.validFrom) })} ·{' '}
                {t('rules.versionBy', { by: v.createdBy || '—' })}
              </span>
              <div>
                <span className="kith-muted">{t('rules.col.points')}</span>{' '}
                <AwardText award={v.definition.points} what="points" />
              </div>
              <div>
                <span className="kith-muted">{t('rules.col.growth')}</span>{' '}
                <AwardText award={v.definition.growth} what="growth" />
              </div>
              <RuleExtras definition={v.definition} />
            </Flex>
          ),
        }))}
      />
    </Drawer>
  );
}
