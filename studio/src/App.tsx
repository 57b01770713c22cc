/**
 * The studio shell: the sign-in gate, the top bar and the routed screen.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Avatar, LoadingBlock } from './components/feedback';
import { Icon } from './components/icons';
import { GlobalProgress } from './components/progress';
import { DirectoryProvider } from './directory';
import { HelpDialog } from './HelpDialog';
import { useLang } from './i18n';
import { LoginPage, Logo } from './LoginPage';
import { hrefFor, navigate, parseRoute, useRoute, type Route } from './router';
import { useMe, useSession } from './session';
import { useShortcuts } from './shortcuts';
import { Workspace } from './workspace/Workspace';

const RuleStudio = lazy(() => import('./rules/RuleStudio'));

const ROLE_LABELS = { admin: 'Admin · 관리자', agent: 'Agent · 상담원', org_admin: 'Org admin · 조직 관리자' } as const;

export function App() {
  const route = useRoute();
  const { state } = useSession();

  if (state.status === 'checking') {
    return (
      <div className="boot">
        <Logo size={36} />
        <LoadingBlock label="Opening your workspace…" />
      </div>
    );
  }
  if (state.status === 'signed_out' || route.name === 'login') {
    if (state.status === 'signed_in' && route.name === 'login') return <LeaveLogin next={route.next} />;
    return (
      <>
        <GlobalProgress />
        <LoginPage next={route.name === 'login' ? route.next : hrefFor(route)} />
      </>
    );
  }
  return (
    <DirectoryProvider>
      <Shell route={route} />
    </DirectoryProvider>
  );
}

/** A signed-in user who lands on the sign-in page goes where they were heading. */
function LeaveLogin({ next }: { next?: string }) {
  useEffect(() => {
    const target = next ? parseRoute(next) : null;
    navigate(target && target.name !== 'login' ? target : { name: 'inbox', list: 'mine_in_progress' }, { replace: true });
  }, [next]);
  return null;
}

function Shell({ route }: { route: Exclude<Route, { name: 'login' }> }) {
  const me = useMe();
  const { signOut } = useSession();
  const { lang, setLang } = useLang();
  const [help, setHelp] = useState(false);
  useShortcuts({ '?': () => setHelp(true) });

  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand-mark" href={hrefFor({ name: 'inbox', list: 'mine_in_progress' })}>
          <Logo size={24} />
          <span>Contactflow</span>
        </a>
        <nav className="topnav" aria-label="Studio">
          <a href={hrefFor({ name: 'inbox', list: route.name === 'inbox' ? route.list : 'mine_in_progress' })} aria-current={route.name === 'inbox' ? 'page' : undefined}>
            <Icon name="inbox" size={15} />
            Workspace <span className="muted">상담</span>
          </a>
          <a href={hrefFor({ name: 'rules' })} aria-current={route.name === 'rules' ? 'page' : undefined}>
            <Icon name="flow" size={15} />
            Rule studio <span className="muted">트리거</span>
          </a>
        </nav>
        <div className="topbar-end">
          <div className="segmented small" role="group" aria-label="Language">
            <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              EN
            </button>
            <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')}>
              한
            </button>
          </div>
          <button type="button" className="icon-button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
            <Icon name="keyboard" size={17} />
          </button>
          <div className="me">
            <Avatar name={me.name} size={28} />
            <span className="me-text">
              <strong>{me.name}</strong>
              <span className="muted">{ROLE_LABELS[me.role]}</span>
            </span>
          </div>
          <button type="button" className="icon-button" onClick={() => void signOut()} aria-label="Sign out" title="Sign out">
            <Icon name="logout" size={16} />
          </button>
        </div>
      </header>
      <GlobalProgress />
      {route.name === 'rules' ? (
        <Suspense fallback={<LoadingBlock label="Loading the rule studio…" />}>
          <RuleStudio serviceId={route.serviceId} />
        </Suspense>
      ) : (
        <Workspace list={route.list} ticketId={route.ticketId} />
      )}
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
