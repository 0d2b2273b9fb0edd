/**
 * What the import page sends as the `options` part of an upload. Options are part of an import's
 * identity on the server (the same file with the same options is imported once), so only what the
 * operator actually chose is sent: a default left as it is sends nothing.
 */
export type ImportKind = 'members' | 'orders' | 'chat';
export const IMPORT_KINDS: readonly ImportKind[] = ['members', 'orders', 'chat'];

/** Header → field chosen by hand; `ignore` leaves a column out. */
export type MappingOverrides = Record<string, string>;
export const IGNORE = 'ignore';

export interface ImportSettings {
  /** Zone of dates written without one; the workspace zone when not chosen. */
  timeZone?: string;
  /** Members: keep unrecognised columns as custom attributes. */
  keepUnmapped?: boolean;
  /** Orders: where the orders come from (shop, platform). */
  source?: string;
  /** Chat: the community the messages belong to. */
  communityId?: number;
  /** Chat: the group name, when the export does not say. */
  group?: string;
}

export interface ImportOptions {
  mapping?: MappingOverrides;
  timeZone?: string;
  keepUnmapped?: true;
  /** Members: refuse rows naming a community or tag that does not exist, instead of creating it. */
  onlyExisting?: true;
  source?: string;
  communityId?: number;
  group?: string;
}

export function importOptions(
  kind: ImportKind,
  s: ImportSettings,
  overrides: MappingOverrides,
  workspaceTimeZone: string,
): ImportOptions | undefined {
  const o: ImportOptions = {};
  if (kind !== 'chat' && Object.keys(overrides).length) o.mapping = { ...overrides };
  if (s.timeZone && s.timeZone !== workspaceTimeZone) o.timeZone = s.timeZone;
  if (kind === 'members' && s.keepUnmapped) o.keepUnmapped = true;
  const source = s.source?.trim();
  if (kind === 'orders' && source) o.source = source;
  if (kind === 'chat' && s.communityId) o.communityId = s.communityId;
  const group = s.group?.trim();
  if (kind === 'chat' && group) o.group = group;
  return Object.keys(o).length ? o : undefined;
}

/** The overrides after the operator points `header` at `field` (null: do not import it). */
export function withOverride(overrides: MappingOverrides, header: string, field: string | null): MappingOverrides {
  return { ...overrides, [header]: field ?? IGNORE };
}

export interface FieldSpec {
  field: string;
  required: boolean;
  oneOf: string | null;
}

/**
 * The fields a column may be pointed at: the kind's fields, required ones first, then (members)
 * keeping the column as a custom attribute of its own name.
 */
export function fieldChoices(
  kind: ImportKind,
  fields: FieldSpec[],
  header: string,
): { value: string; required: boolean; key: boolean }[] {
  const list = [...fields]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((f) => ({ value: f.field, required: f.required, key: f.oneOf !== null }));
  if (kind === 'members') list.push({ value: `attr:${header}`, required: false, key: false });
  return list;
}

/** A missing-column note from the server: one field, or a group of which one is needed. */
export function parseMissing(m: string): { field: string } | { oneOf: string[] } {
  const g = /^one of (.+)$/.exec(m);
  return g
    ? {
        oneOf: g[1]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      }
    : { field: m };
}
