import { Component, type ReactNode } from 'react';
import { Result } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

function Crashed() {
  const { t } = useI18n();
  return <Result status="error" title={t('error.title')} subTitle={t('error.crashed')} />;
}

/** A page that throws while drawing shows a message instead of a blank console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error(error);
  }
  render() {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
