import { Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { awardLine, ruleExtras } from './rule-text';
import type { Award, RuleDefinition } from '../loyalty/types';

/** What an award gives, in words ("1 point per ¥10 spent"), or a dash. */
export function AwardText({ award, what }: { award: Award | null; what: 'points' | 'growth' }) {
  const { t, locale } = useI18n();
  const line = awardLine(award, what, locale);
  return line ? <span>{t(line.key, line.values)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
}

/** A rule's limits, bonuses and checks, one per line. */
export function RuleExtras({ definition }: { definition: RuleDefinition }) {
  const { t, locale } = useI18n();
  const lines = ruleExtras(definition, locale);
  if (!lines.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {lines.map((l, i) => (
        <span key={i} style={{ fontSize: 13 }}>
          {t(l.key, l.values)}
        </span>
      ))}
    </Flex>
  );
}
