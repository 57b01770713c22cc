/** Sign-in: email and password against POST /auth/login; a refusal is shown as a sentence in the reader's language. */
import { useState, type FormEvent } from 'react';
import { StatusBadge } from './components/badges';
import { ErrorBanner, Spinner } from './components/feedback';
import { Icon } from './components/icons';
import { rich, useI18n } from './i18n';
import { navigate, parseRoute } from './router';
import { useSession } from './session';

export function LoginPage({ next }: { next?: string }) {
  const { signIn } = useSession();
  const { lang, setLang, t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      const target = next ? parseRoute(next) : null;
      navigate(target && target.name !== 'login' ? target : { name: 'inbox', list: 'mine_in_progress' }, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <section className="login-brand" aria-hidden="true">
        <div className="brand-mark large">
          <Logo />
          <span>Contactflow</span>
        </div>
        <div className="login-pitch">
          <h1>{rich(t('shell.login.pitchTitle'), { br: <br /> })}</h1>
          <p>{t('shell.login.pitchLead')}</p>
          <ul className="login-points">
            <li>
              <Icon name="inbox" /> {t('shell.login.pointWorkspace')}
            </li>
            <li>
              <Icon name="zap" /> {t('shell.login.pointTriggers')}
            </li>
            <li>
              <Icon name="clock" /> {t('shell.login.pointEvents')}
            </li>
          </ul>
        </div>
        <PreviewCard />
      </section>

      <section className="login-panel">
        <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
          <div className="login-form-head">
            <h2 id="login-title">{t('shell.login.title')}</h2>
            <p className="muted">{t('shell.login.subtitle')}</p>
          </div>
          <label className="field">
            <span className="field-label">{t('shell.login.email')}</span>
            <input
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              placeholder={t('shell.login.emailPlaceholder')}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('shell.login.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <ErrorBanner error={error} />
          <button type="submit" className="button primary block" disabled={busy}>
            {busy ? <Spinner size={14} /> : null}
            {busy ? t('shell.login.submitting') : t('shell.login.submit')}
          </button>
          <div className="login-foot">
            <span className="muted">{t('shell.login.language')}</span>
            <div className="segmented small" role="group" aria-label={t('shell.login.language')}>
              <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
                {t('shell.login.english')}
              </button>
              <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')}>
                {t('shell.login.korean')}
              </button>
            </div>
          </div>
        </form>
      </section>
    </div>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M9 12h14M9 17h9M9 22h5" stroke="white" strokeWidth="2.6" strokeLinecap="round" />
    </svg>
  );
}

function PreviewCard() {
  const { t } = useI18n();
  return (
    <div className="login-preview">
      <div className="preview-row">
        <StatusBadge status="unassigned" />
        <span className="preview-subject">{t('shell.login.preview.first')}</span>
      </div>
      <div className="preview-row">
        <StatusBadge status="in_progress" />
        <span className="preview-subject">{t('shell.login.preview.second')}</span>
      </div>
      <div className="preview-row">
        <StatusBadge status="resolved" />
        <span className="preview-subject">{t('shell.login.preview.third')}</span>
      </div>
    </div>
  );
}
