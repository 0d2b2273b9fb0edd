import { Alert, Button, Result } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from './errors';

/** A failed load: what went wrong in the server's words, and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const { message, requestId } = describeError(error, t);
  const retry = onRetry ? (
    <Button size="small" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined;
  if (compact) {
    return (
      <Alert
        type="error"
        showIcon
        title={message}
        description={requestId ? t('error.requestId', { id: requestId }) : undefined}
        action={retry}
      />
    );
  }
  return (
    <Result
      status="warning"
      title={t('error.loadFailed')}
      subTitle={
        <span role="alert">
          {message}
          {requestId ? (
            <>
              <br />
              {t('error.requestId', { id: requestId })}
            </>
          ) : null}
        </span>
      }
      extra={retry}
    />
  );
}
