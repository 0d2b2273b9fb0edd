import { hasMessage, type Translate } from '../../i18n/I18nProvider';

export interface RefusedLine {
  reason: string;
  problems?: { column?: string; value?: string; code: string; params?: Record<string, string | number> }[];
}

/**
 * Why a line was refused, in the operator's language: each reason's code worded, after the column
 * and value it concerns (手机号：“1380013” 不是有效的手机号); the server's English when a reason
 * has no code yet.
 */
export function lineReason(t: Translate, line: RefusedLine): string {
  const problems = line.problems ?? [];
  if (!problems.length || !problems.every((p) => hasMessage(`problem.${p.code}`))) return line.reason;
  return problems
    .map((p) => {
      const key = `problem.${p.code}`;
      const text = hasMessage(key)
        ? t(key, Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, String(v)])))
        : '';
      return p.column === undefined ? text : `${p.column}：“${p.value ?? ''}” ${text}`;
    })
    .join('；');
}
