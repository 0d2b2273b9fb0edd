import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { Can } from '../../session/Can';
import { AwardText, RuleExtras } from './RuleBits';
import type { Rule } from '../loyalty/types';
import { usePinnedActions } from '../loyalty/LoyaltyBits';

/** The behaviour rules: what each rewards, with what, how limited, whether on, which version. */
export function RulesTable({
  items,
  loading,
  onEdit,
  onHistory,
}: {
  items: Rule[];
  loading: boolean;
  onEdit: (r: Rule) => void;
  onHistory: (r: Rule) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const pinned = usePinnedActions();
  const columns: TableProps<Rule>['columns'] = [
    {
      key: 'name',
      title: t('rules.col.name'),
      width: 190,
      render: (_, r) => (
        <div>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{r.name}</Typography.Text>
            {r.definition.enabled ? null : <Tag style={{ margin: 0 }}>{t('rules.disabled')}</Tag>}
          </Flex>
          <div className="kith-muted">
            {t('rules.version', { version: String(r.currentVersion) })} ·{' '}
            {t('rules.inForceFrom', { at: fmt.dateTime(r.validFrom) })}
          </div>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('rules.col.kind'),
      width: 100,
      render: (_, r) => <Tag style={{ margin: 0 }}>{labelOf(t, 'kind', r.definition.kind)}</Tag>,
    },
    {
      key: 'points',
      title: t('rules.col.points'),
      width: 150,
      render: (_, r) => <AwardText award={r.definition.points} what="points" />,
    },
    {
      key: 'growth',
      title: t('rules.col.growth'),
      width: 150,
      responsive: ['sm'],
      render: (_, r) => <AwardText award={r.definition.growth} what="growth" />,
    },
    {
      key: 'limits',
      title: t('rules.col.limits'),
      responsive: ['md'],
      render: (_, r) => <RuleExtras definition={r.definition} />,
    },
    {
      key: 'actions',
      title: '',
      width: 160,
      align: 'right',
      fixed: pinned,
      render: (_, r) => (
        <Flex gap={4} justify="flex-end">
          <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => onHistory(r)}>
            {t('rules.history')}
          </Button>
          <Can permission="loyalty:manage">
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(r)}>
              {t('loyalty.edit')}
            </Button>
          </Can>
        </Flex>
      ),
    },
  ];
  return (
    <Table<Rule>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <div style={{ padding: 16 }}>
            <Typography.Text type="secondary">{t('rules.empty')}</Typography.Text>
          </div>
        ),
      }}
    />
  );
}
