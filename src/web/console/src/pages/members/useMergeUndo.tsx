import { App, Button } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../components/errors';
import type { MergeDone } from './MergeDialog';

/**
 * After a merge: say what happened and offer Undo right there, so a wrong merge costs one click.
 * `onChange` runs after the merge is undone, to refresh what the page shows.
 */
export function useMergeUndo() {
  const { t } = useI18n();
  const { notification, message } = App.useApp();

  const undo = async (mergeId: number, onChange: () => void) => {
    try {
      const r = await call(api.POST('/api/v1/members/merges/{mergeId}/undo', { params: { path: { mergeId } } }));
      message.success(t('merge.undone'));
      if (r.keptFields.length) message.info(t('merge.keptFields', { fields: r.keptFields.join(', ') }));
      onChange();
    } catch (e) {
      message.error(describeError(e, t).message);
    }
  };

  const announce = (done: MergeDone, onChange: () => void) => {
    const key = `merge-${done.mergeId}`;
    notification.success({
      key,
      title: t('merge.done', { merged: done.mergedName, survivor: done.survivorName }),
      duration: 10,
      actions: (
        <Button
          size="small"
          onClick={() => {
            notification.destroy(key);
            void undo(done.mergeId, onChange);
          }}
        >
          {t('merge.undo')}
        </Button>
      ),
    });
  };

  return { announce, undo };
}
