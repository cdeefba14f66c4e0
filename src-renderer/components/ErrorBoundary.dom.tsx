// A rendering bug must never leave a blank window: the user reads a sentence in their
// language and can reload, and the rest of the app (navigation, status bar) stays.
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown) {
    console.error('[guichet] screen failed', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="notice notice-error" role="alert">
            <span>{t('errors.crashed')}</span>
            <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
