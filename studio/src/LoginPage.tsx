/** Sign-in: email and password against POST /auth/login; the API's refusal is shown as it words it. */
import { useState, type FormEvent } from 'react';
import { ErrorBanner, Spinner } from './components/feedback';
import { Icon } from './components/icons';
import { useLang } from './i18n';
import { navigate, parseRoute } from './router';
import { useSession } from './session';

export function LoginPage({ next }: { next?: string }) {
  const { signIn } = useSession();
  const { lang, setLang } = useLang();
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
          <h1>
            Every inquiry, <br />
            answered on time.
          </h1>
          <p>모든 문의를 놓치지 않고, 제때 답합니다.</p>
          <ul className="login-points">
            <li>
              <Icon name="inbox" /> One workspace for email, phone, chat and help-centre tickets
            </li>
            <li>
              <Icon name="zap" /> Triggers that assign and notify while you sleep
            </li>
            <li>
              <Icon name="clock" /> A full event log for every change
            </li>
          </ul>
        </div>
        <PreviewCard />
      </section>

      <section className="login-panel">
        <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
          <div className="login-form-head">
            <h2 id="login-title">Sign in</h2>
            <p className="muted">상담원 로그인 · Use your agent account.</p>
          </div>
          <label className="field">
            <span className="field-label">Email · 이메일</span>
            <input
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              placeholder="you@company.com"
            />
          </label>
          <label className="field">
            <span className="field-label">Password · 비밀번호</span>
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
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <div className="login-foot">
            <span className="muted">Language</span>
            <div className="segmented small" role="group" aria-label="Language">
              <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
                English
              </button>
              <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')}>
                한국어
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
  return (
    <div className="login-preview">
      <div className="preview-row">
        <span className="badge tone-orange">
          <span className="badge-dot" />
          미할당
        </span>
        <span className="preview-subject">결제 후 주문 내역이 보이지 않아요</span>
      </div>
      <div className="preview-row">
        <span className="badge tone-blue">
          <span className="badge-dot" />
          처리중
        </span>
        <span className="preview-subject">Refund for duplicate charge</span>
      </div>
      <div className="preview-row">
        <span className="badge tone-green">
          <span className="badge-dot" />
          해결
        </span>
        <span className="preview-subject">비밀번호 재설정 메일이 오지 않습니다</span>
      </div>
    </div>
  );
}
