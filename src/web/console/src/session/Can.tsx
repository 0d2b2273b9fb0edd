import type { ReactNode } from 'react';
import { useCan, type Permission } from './SessionProvider';

/**
 * Shows its children only to roles holding `permission` — write buttons stay out of an analyst's
 * way. This is courtesy, not protection: the server refuses the call anyway.
 */
export function Can({
  permission,
  children,
  fallback = null,
}: {
  permission: Permission;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return <>{useCan()(permission) ? children : fallback}</>;
}
