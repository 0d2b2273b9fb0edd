import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { safeNext } from '../../session/RequireSession';
import { describeError } from '../../components/errors';
import { useRequest } from '../../hooks/useRequest';
import { LoginFrame } from './LoginFrame';

interface Values {
  email: string;
  password: string;
}

/** Sign in with email and password; back to the page that asked for it afterwards. */
export default function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  // Before the first account exists nobody can sign in: say where the setup link is instead.
  const setup = useRequest((signal) => call(api.GET('/api/v1/setup', { signal })), []);

  if (state.status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(v.email.trim(), v.password);
    } catch (e) {
      setError(describeError(e, t).message);
      setSubmitting(false);
    }
  };

  return (
    <LoginFrame>
      {setup.data?.needed ? (
        <Alert
          type="info"
          showIcon
          title={t('login.setupTitle')}
          style={{ marginBottom: 16 }}
          description={
            <>
              {t('login.setupHint')}
              <br />
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                npm run kith -- user create --role owner --email you@example.com
              </Typography.Text>
            </>
          }
        />
      ) : null}
      {expired && !error ? (
        <Alert type="info" showIcon title={t('error.sessionEnded')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('login.failed')}
          description={error}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} disabled={state.status === 'loading'}>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}
        >
          <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
    </LoginFrame>
  );
}
