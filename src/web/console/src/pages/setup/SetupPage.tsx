import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { api, call, ApiError } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { ErrorState } from '../../components/ErrorState';
import { LoginFrame } from '../login/LoginFrame';
import { setupView } from './setup-view';

interface Values {
  name: string;
  email: string;
  password: string;
  confirm: string;
}
const FIELDS = ['name', 'email', 'password'] as const;

/**
 * First-run setup: the link `kith start` prints while no account exists (/setup?token=…) opens this
 * form; it creates the owner, signs them in and goes to the console.
 */
export default function SetupPage() {
  const { t } = useI18n();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [form] = Form.useForm<Values>();
  const status = useRequest((signal) => call(api.GET('/api/v1/setup', { signal })), []);
  const [refusedAsDone, setRefusedAsDone] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = setupView({ needed: status.data?.needed, token, refusedAsDone });

  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await call(
        api.POST('/api/v1/setup', {
          body: { token: token!.trim(), name: v.name.trim(), email: v.email.trim(), password: v.password },
        }),
      );
      await adopt(me);
      navigate('/', { replace: true });
    } catch (e) {
      setSubmitting(false);
      if (e instanceof ApiError && e.code === 'CONFLICT') return setRefusedAsDone(true);
      if (e instanceof ApiError && e.code === 'SETUP_TOKEN_INVALID') return setError(t('setup.tokenInvalid'));
      const { fields, other } = serverFieldErrors(e, FIELDS, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    }
  };

  const toLogin = (
    <Link to="/login">
      <Button type="primary">{t('setup.toLogin')}</Button>
    </Link>
  );
  if (status.error && !status.data)
    return (
      <LoginFrame>
        <ErrorState error={status.error} onRetry={status.reload} compact />
      </LoginFrame>
    );
  if (view === 'loading')
    return (
      <LoginFrame>
        <Skeleton active />
      </LoginFrame>
    );
  if (view === 'done')
    return (
      <LoginFrame>
        <Result status="success" title={t('setup.doneTitle')} subTitle={t('setup.done')} extra={toLogin} />
      </LoginFrame>
    );
  if (view === 'noToken')
    return (
      <LoginFrame>
        <Result status="warning" title={t('setup.noTokenTitle')} subTitle={t('setup.noToken')} extra={toLogin} />
      </LoginFrame>
    );

  return (
    <LoginFrame>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('setup.intro')}</Typography.Text>
      </Flex>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('setup.failed')}
          description={error}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('setup.name')}
          rules={[{ required: true, whitespace: true, message: t('setup.nameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="name" autoFocus maxLength={100} size="large" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, type: 'email', message: t('setup.emailInvalid') }]}
        >
          <Input prefix={<MailOutlined />} type="email" autoComplete="username" maxLength={320} size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          extra={t('password.hint')}
          rules={[{ required: true, min: 10, message: t('setup.passwordTooShort') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} size="large" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('setup.confirm')}
          dependencies={['password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setup.mismatch'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {t('setup.submit')}
        </Button>
      </Form>
    </LoginFrame>
  );
}
