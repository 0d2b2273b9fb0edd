import { Button, Flex, Select, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { PAGE_SIZES } from './member-query';

/**
 * Previous / next over keyset pages: the server pages by position in the sort order, so a list of
 * 100,000 members is as fast on page 500 as on page 1.
 */
export function Pager({
  page,
  hasNext,
  limit,
  onPrev,
  onNext,
  onLimit,
}: {
  page: number;
  hasNext: boolean;
  limit: number;
  onPrev: () => void;
  onNext: () => void;
  onLimit: (n: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('common.page', { page })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={onPrev}>
        {t('common.previous')}
      </Button>
      <Button disabled={!hasNext} onClick={onNext}>
        {t('common.next')} <RightOutlined />
      </Button>
      <Select
        value={limit}
        onChange={onLimit}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('common.pageSize', { count: n }) }))}
        style={{ width: 110 }}
        aria-label={t('common.pageSize', { count: limit })}
      />
    </Flex>
  );
}
