import { useI18n } from '../../i18n/I18nProvider';
import type { Said } from './loyalty-text';

/** A line from loyalty-text.ts: a message, or the server's own text (shown as text, never HTML). */
export function SaidText({ said }: { said: Said }) {
  const { t } = useI18n();
  return <>{typeof said === 'string' ? said : t(said.key, said.values)}</>;
}
