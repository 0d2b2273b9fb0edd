import type { MouseEvent, ReactNode } from 'react';
import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { labelOf, STAGE_COLORS } from '../i18n/labels';

const AVATAR_COLORS = ['#0f766e', '#2563eb', '#9333ea', '#db2777', '#ea580c', '#ca8a04', '#16a34a', '#0891b2'];

/**
 * A member's picture, or the first character of their name on a colour that stays theirs. A plain
 * element, not antd's Avatar: that one measures its text on every mount, and a list draws dozens.
 */
export function MemberAvatar({
  id,
  name,
  url,
  size = 32,
}: {
  id: number;
  name: string;
  url?: string | null;
  size?: number;
}) {
  // Only http(s) pictures: an avatar URL comes from outside and must never be a javascript: or data: trick.
  const safe = url && /^https?:\/\//i.test(url) ? url : undefined;
  const style = {
    width: size,
    height: size,
    lineHeight: `${size}px`,
    fontSize: Math.round(size * 0.45),
    background: AVATAR_COLORS[id % AVATAR_COLORS.length],
  };
  return (
    <span className="kith-avatar" style={style} aria-hidden>
      {safe ? (
        <img src={safe} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" />
      ) : (
        (Array.from(name.trim())[0] ?? '?')
      )}
    </span>
  );
}

/** A tag-like label for table cells: antd's look without its per-instance cost. */
export function Chip({
  children,
  color,
  title,
  className,
}: {
  children: ReactNode;
  color?: string;
  title?: string;
  className?: string;
}) {
  const safe = color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined;
  return (
    <span
      className={`kith-chip${className ? ` ${className}` : ''}`}
      title={title}
      style={safe ? { color: '#fff', background: safe, borderColor: safe } : undefined}
    >
      {children}
    </span>
  );
}

/** The lifecycle stage as a light chip, for lists. */
export function StageChip({ stage }: { stage: string }) {
  const { t } = useI18n();
  return <span className={`kith-chip kith-stage-${stage}`}>{labelOf(t, 'stage', stage)}</span>;
}

export function StageTag({ stage }: { stage: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage] ?? 'default'} variant="filled">
      {labelOf(t, 'stage', stage)}
    </Tag>
  );
}

/** The brand's own account (staff / official): shown wherever the profile is, since figures leave it out. */
export function AccountTypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  if (type === 'member') return null;
  return (
    <Tag color={type === 'official' ? 'purple' : 'geekblue'} variant="outlined">
      {labelOf(t, 'accountType', type)}
    </Tag>
  );
}

/** A tag as the operators coloured it. */
export function MemberTag({
  name,
  color,
  ...rest
}: {
  name: string;
  color: string;
  closable?: boolean;
  onClose?: (e: MouseEvent<HTMLElement>) => void;
}) {
  const safe = /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined;
  return (
    <Tag color={safe} {...rest}>
      {name}
    </Tag>
  );
}
