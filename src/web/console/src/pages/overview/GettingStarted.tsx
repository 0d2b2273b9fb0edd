import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Flex, Progress, Typography } from 'antd';
import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { describeError } from '../../components/errors';

/** Where each step is done. */
const WHERE = {
  community: '/communities',
  members: '/import',
  programme: '/loyalty',
  colleagues: '/settings',
} as const;

/**
 * 开始使用: the first thing a new workspace's owner sees instead of an all-zero page — the steps of
 * setting Kith up, each ticked when it is done and linking to where it is done, until put away.
 */
export function GettingStarted() {
  const { t } = useI18n();
  const { can } = useMe();
  const { message } = App.useApp();
  const allowed = can('communities:create');
  const list = useRequest(
    (signal) => (allowed ? call(api.GET('/api/v1/overview/checklist', { signal })) : Promise.resolve(undefined)),
    [allowed],
  );
  const [hiding, setHiding] = useState(false);
  const c = list.data;
  if (!c || c.dismissed || c.complete) return null;
  const done = c.steps.filter((s) => s.done).length;
  const hide = async () => {
    setHiding(true);
    try {
      list.setData(await call(api.POST('/api/v1/overview/checklist/dismiss')));
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setHiding(false);
    }
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="getting-started"
      title={
        <Flex align="center" gap={12} wrap>
          <span>{t('start.title')}</span>
          <Progress
            percent={Math.round((done / c.steps.length) * 100)}
            steps={c.steps.length}
            size="small"
            format={() => t('start.progress', { done: String(done), total: String(c.steps.length) })}
          />
        </Flex>
      }
      extra={
        <Button size="small" type="link" loading={hiding} onClick={() => void hide()}>
          {t('start.dismiss')}
        </Button>
      }
    >
      <Flex vertical gap={10}>
        {c.steps.map((s) => (
          <Flex key={s.key} align="flex-start" gap={10} data-testid={`start-${s.key}`} data-done={s.done}>
            {s.done ? (
              <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18, marginTop: 2 }} />
            ) : (
              <span className="kith-start-todo" aria-hidden />
            )}
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong delete={s.done}>
                {t(`start.${s.key}` as 'start.community')}
              </Typography.Text>
              <div className="kith-muted" style={{ fontSize: 12 }}>
                {t(`start.${s.key}Hint` as 'start.communityHint')}
              </div>
            </div>
            {s.done ? null : (
              <Link to={WHERE[s.key]}>
                {t('start.go')} <RightOutlined />
              </Link>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
