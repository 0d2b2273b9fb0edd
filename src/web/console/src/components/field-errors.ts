// A relative import (not @shared): plain Vitest runs this file without the console's Vite aliases.
import { ApiError } from '../../../shared/api/problem';
import type { Translate } from '../i18n/I18nProvider';
import { problemMessage } from './problem-text';

export interface FormFieldError<F extends string = string> {
  name: F;
  errors: string[];
}

/**
 * The server's field problems (problem+json `errors`) as antd form fields, so a form marks each
 * wrong field with the server's own words. Paths come as `body/name`, `/capacity`, `admins/0/staffId`
 * or `name`: the first segment after the body names the field. Problems of fields the form does not
 * show are returned apart, to be shown above the buttons.
 */
export function serverFieldErrors<F extends string>(
  e: unknown,
  formFields: readonly F[],
  t?: Translate,
): { fields: FormFieldError<F>[]; other: string[] } {
  if (!(e instanceof ApiError)) return { fields: [], other: [] };
  const byField = new Map<F, string[]>();
  const other: string[] = [];
  for (const f of e.fields) {
    const segments = f.path.split('/').filter((s) => s !== '' && s !== 'body');
    const name = segments[0];
    const message = t ? problemMessage(t, f) : f.message;
    if (name && (formFields as readonly string[]).includes(name))
      byField.set(name as F, [...(byField.get(name as F) ?? []), message]);
    else other.push(name ? `${segments.join('.')}: ${message}` : message);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), other };
}

export interface NestedFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * The same for forms whose fields nest (a rule's points award, a tier's second benefit): `resolve`
 * turns the path's segments (`['definition', 'points', 'amount']`) into the form's field name
 * (`['points', 'amount']`), or null when the form does not show it — then the problem is returned
 * apart, with its path.
 */
export function serverFieldErrorsAt(
  e: unknown,
  resolve: (segments: string[]) => (string | number)[] | null,
  t?: Translate,
): { fields: NestedFieldError[]; other: string[] } {
  if (!(e instanceof ApiError)) return { fields: [], other: [] };
  const byField = new Map<string, NestedFieldError>();
  const other: string[] = [];
  for (const f of e.fields) {
    const segments = f.path.split('/').filter((s) => s !== '' && s !== 'body');
    const name = segments.length ? resolve(segments) : null;
    const message = t ? problemMessage(t, f) : f.message;
    if (name) {
      const key = JSON.stringify(name);
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(message);
      byField.set(key, entry);
    } else other.push(segments.length ? `${segments.join('.')}: ${message}` : message);
  }
  return { fields: [...byField.values()], other };
}
