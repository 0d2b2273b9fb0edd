/**
 * A queue's status filter as it lives in the address (?status=fulfilled); no status means the
 * queue's default (the work waiting), `all` every status. Unknown values fall back to the default.
 */
export function parseStatus<S extends string>(raw: string | null, statuses: readonly S[]): S | 'all' {
  if (raw === 'all') return 'all';
  return (statuses as readonly string[]).includes(raw ?? '') ? (raw as S) : statuses[0]!;
}

export function statusParam<S extends string>(status: S | 'all', statuses: readonly S[]): string {
  return status === statuses[0] ? '' : `?status=${status}`;
}

/** The API's status filter: none for "all". */
export const statusQuery = <S extends string>(status: S | 'all'): S | undefined =>
  status === 'all' ? undefined : status;
