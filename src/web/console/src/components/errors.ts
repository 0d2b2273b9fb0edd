import { ApiError } from '@shared/api/client';
import type { Translate } from '../i18n/I18nProvider';
import { errorMessage } from './problem-text';

/**
 * What to tell the operator about a failure: the server's own explanation when there is one
 * (its problem+json `detail`), a plain sentence otherwise — never "undefined".
 */
export function describeError(e: unknown, t: Translate): { message: string; requestId: string | null } {
  if (e instanceof ApiError) {
    if (e.code === 'NETWORK') return { message: t('error.network'), requestId: null };
    // The server's text speaks of headers and origins; the operator needs what to do about it.
    if (e.code === 'CSRF_REJECTED') return { message: t('error.csrf'), requestId: null };
    if (e.status === 401) return { message: e.detail ?? t('error.sessionEnded'), requestId: null };
    return {
      message: errorMessage(t, e) ?? t('error.http', { status: e.status }),
      requestId: e.status >= 500 ? e.requestId : null,
    };
  }
  return { message: t('error.crashed'), requestId: null };
}
