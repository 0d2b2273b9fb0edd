// Relative imports (not @shared): plain Vitest runs this file without the console's Vite aliases.
import { ApiError, type FieldProblem } from '../../../shared/api/problem';
import { hasMessage, type Translate } from '../i18n/I18nProvider';

/**
 * The server's refusals in the operator's language. A field problem or an error code the console
 * has words for (`problem.<code>`, `error.<CODE>`) is worded with its parameters; anything else
 * falls back to the server's English text, so nothing is ever hidden.
 */
export function problemMessage(t: Translate, p: FieldProblem): string {
  const key = p.code ? `problem.${p.code}` : null;
  return key && hasMessage(key) ? t(key as 'problem.email.invalid', stringParams(p.params)) : p.message;
}

/** The refusal as a whole: its field problems worded, or its code's words, or the server's text. */
export function errorMessage(t: Translate, e: ApiError): string | null {
  if (e.fields.length && e.fields.every((f) => f.code && hasMessage(`problem.${f.code}`)))
    return e.fields.map((f) => `${fieldName(t, f.path)}${problemMessage(t, f)}`).join('；');
  const key = `error.code.${e.code}`;
  if (hasMessage(key)) return t(key as 'error.code.FORBIDDEN', stringParams(e.params));
  return e.detail;
}

/** "手机号：" before a field's problem, when the console knows the field's name. */
function fieldName(t: Translate, path: string): string {
  const name =
    path
      .split('/')
      .filter((s) => s && s !== 'body')
      .pop() ?? '';
  const key = `field.${name}`;
  return hasMessage(key) ? `${t(key as 'field.phone')}：` : name ? `${name}: ` : '';
}

function stringParams(p: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(p ?? {}).map(([k, v]) => [k, String(v)]));
}
