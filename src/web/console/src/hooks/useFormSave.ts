import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from '../components/errors';
import { serverFieldErrorsAt } from '../components/field-errors';

/**
 * Saving a form to the API: `run` marks the form busy, and when the server refuses, puts each
 * field problem on its field (`resolve` maps the server's path to the form's field name) and shows
 * what no field can hold above the form.
 */
export function useFormSave<V>(form: FormInstance<V>) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (save: () => Promise<void>, resolve: (segments: string[]) => (string | number)[] | null) => {
      setSaving(true);
      setError(null);
      try {
        await save();
      } catch (e) {
        const { fields, other } = serverFieldErrorsAt(e, resolve);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
      } finally {
        setSaving(false);
      }
    },
    [form, t],
  );
  return { saving, error, setError, run };
}
