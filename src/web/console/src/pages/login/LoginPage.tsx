import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { safeNext } from '../../session/RequireSession';
import { describeError } from '../../components/errors';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

interface Values { email: string; password: string }

/** Sign in with email and password; back to the page that asked for it afterwards. */
export default function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const expired = (location.state as { expired?: boolean } | null)?.expired;

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
    <Flex vertical align="center" justify="center" className="kith-login">
      <div className="kith-login-lang"><LanguageSwitch /></div>
      <Card className="kith-login-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {expired && !error ? <Alert type="info" showIcon title={t('error.sessionEnded')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={t('login.failed')} description={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} disabled={state.status === 'loading'}>
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}>
            <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12 }}>
          {t('login.firstRun')}
          <br />
          <Typography.Text code copyable style={{ fontSize: 12 }}>npm run kith -- user create --role owner --email you@example.com</Typography.Text>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
