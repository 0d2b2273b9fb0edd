import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The title row of a page: title and subtitle on the left, the page's actions on the right (wrapping on a phone). */
export function PageHeader({
  title,
  subtitle,
  extra,
  back,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  back?: ReactNode;
}) {
  return (
    <Flex className="kith-page-header" justify="space-between" align="center" wrap gap={12}>
      <div style={{ minWidth: 0 }}>
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap align="center">
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
