import type { Role } from '../../../kernel/context.js';
import { ROLE_PERMISSIONS, type Permission } from './permissions.js';

/**
 * The line of an API key's creators: the key itself first, then the key that made it, and so on.
 * Each link says whether it is revoked and who (a staff account, or nobody: the command line or the
 * first start) made it when no key did.
 */
export interface KeyLink {
  id: number;
  scopes: string[];
  revoked: boolean;
  creator: { role: Role; disabled: boolean } | null;
}

export type KeyInactiveReason = 'revoked' | 'parent_revoked' | 'creator_disabled';

export interface KeyStanding {
  active: boolean;
  reason: KeyInactiveReason | null;
  /** What the key may do now: its own scopes, less anything a creator up the line no longer holds. */
  scopes: Permission[];
}

/**
 * A key can never do more than whoever made it can do now. It stops working when it is revoked,
 * when a key up its line is revoked, or when a person up its line is disabled; a creator whose
 * role lost a permission takes that scope from every key below them.
 */
export function keyStanding(chain: KeyLink[]): KeyStanding {
  const [self] = chain;
  if (!self) return { active: false, reason: 'revoked', scopes: [] };
  if (self.revoked) return { active: false, reason: 'revoked', scopes: [] };
  let scopes = new Set(self.scopes as Permission[]);
  for (const [i, link] of chain.entries()) {
    if (i > 0) {
      if (link.revoked) return { active: false, reason: 'parent_revoked', scopes: [] };
      scopes = new Set([...scopes].filter((s) => link.scopes.includes(s)));
    }
    if (link.creator) {
      if (link.creator.disabled) return { active: false, reason: 'creator_disabled', scopes: [] };
      const held = ROLE_PERMISSIONS[link.creator.role];
      scopes = new Set([...scopes].filter((s) => held.has(s)));
    }
  }
  return { active: true, reason: null, scopes: [...scopes] };
}

/** Scopes asked for that the granter does not hold (a person's role, or a key's own scopes). */
export function scopesBeyond(asked: string[], held: ReadonlySet<string>): string[] {
  return [...new Set(asked)].filter((s) => !held.has(s));
}
