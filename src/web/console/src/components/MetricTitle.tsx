import { Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';

/**
 * A figure's title with its definition and window one hover (or tap) away: every KPI in the console
 * says what it counts, in the words of docs/metrics.md.
 */
export function MetricTitle({ title, hint }: { title: string; hint?: string }) {
  if (!hint) return <>{title}</>;
  return (
    <Tooltip title={hint}>
      <span className="kith-metric-title" tabIndex={0}>
        {title} <QuestionCircleOutlined style={{ fontSize: 12, opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}
