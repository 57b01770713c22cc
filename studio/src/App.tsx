/**
 * The studio shell: the sign-in gate, the top bar and the routed screen.
 */
import './shell.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Avatar, EmptyState, LoadingBlock } from './components/feedback';
import { Icon } from './components/icons';
import { GlobalProgress } from './components/progress';
import { DirectoryProvider } from './directory';
import { HelpDialog } from './HelpDialog';
import { useI18n } from './i18n';
import { LoginPage, Logo } from './LoginPage';
import { hrefFor, navigate, parseRoute, useRoute, type Route } from './router';
import { useMe, useSession } from './session';
import { useShortcuts } from './shortcuts';
import { Workspace } from './workspace/Workspace';

const RuleStudio = lazy(() => import('./rules/RuleStudio'));
const CallbacksPage = lazy(() => import('./callbacks/CallbacksPage'));
// Transfers: Dooray! settings (admins)
const DooraySettings = lazy(() => import('./dooray/DooraySettings'));
const OperationsConsole = lazy(() => import('./operations/OperationsConsole'));
// Ticket search and customers
const SearchPage = lazy(() => import('./search/SearchPage'));
const CustomersPage = lazy(() => import('./customers/CustomersPage'));
// Service settings: fields and reply templates (admins)
const FieldsPage = lazy(() => import('./fields/FieldsPage'));
const TemplatesPage = lazy(() => import('./templates/TemplatesPage'));
// Settings section (admins): agents, groups, business hours, SLA policies, automations, IVR routes, API tokens, audit log
const AdminPage = lazy(() => import('./admin/AdminPage'));

export function App() {
  const route = useRoute();
  const { state } = useSession();
  const { t } = useI18n();

  if (state.status === 'checking') {
    return (
      <div className="boot">
        <Logo size={36} />
        <LoadingBlock label={t('shell.opening')} />
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

/** The pages the top bar's one settings entry (관리) leads to. */
const isSettings = (route: Route) => route.name === 'admin' || route.name === 'fields' || route.name === 'templates';

/** Admins, and agents holding the operations permission, see the operator console. */
const isOperator = (me: { role: string; permissions: string[] }) => me.role === 'admin' || me.permissions.includes('operations');

function Shell({ route }: { route: Exclude<Route, { name: 'login' }> }) {
  const me = useMe();
  const { signOut } = useSession();
  const { lang, setLang, t } = useI18n();
  const [help, setHelp] = useState(false);
  useShortcuts({ '?': () => setHelp(true) });
  // On a phone the top bar's links scroll sideways; the current one is brought into view.
  useEffect(() => {
    document.querySelector('.topnav a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [route.name]);

  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand-mark" href={hrefFor({ name: 'inbox', list: 'mine_in_progress' })}>
          <Logo size={24} />
          <span>Contactflow</span>
        </a>
        {me.role !== 'org_admin' && (
        <nav className="topnav" aria-label={t('shell.nav.label')}>
          <a href={hrefFor({ name: 'inbox', list: route.name === 'inbox' ? route.list : 'mine_in_progress' })} aria-current={route.name === 'inbox' ? 'page' : undefined}>
            <Icon name="inbox" size={15} />
            <span className="topnav-label">{t('shell.nav.workspace')}</span>
          </a>
          <a href={hrefFor({ name: 'search', query: '' })} aria-current={route.name === 'search' ? 'page' : undefined}>
            <Icon name="search" size={15} />
            <span className="topnav-label">{t('search.nav')}</span>
          </a>
          <a href={hrefFor({ name: 'customers', query: '' })} aria-current={route.name === 'customers' ? 'page' : undefined}>
            <Icon name="users" size={15} />
            <span className="topnav-label">{t('customers.nav')}</span>
          </a>
          <a href={hrefFor({ name: 'rules' })} aria-current={route.name === 'rules' ? 'page' : undefined}>
            <Icon name="flow" size={15} />
            <span className="topnav-label">{t('shell.nav.rules')}</span>
          </a>
          <a href={hrefFor({ name: 'callbacks', tab: 'list' })} aria-current={route.name === 'callbacks' ? 'page' : undefined}>
            <Icon name="phone" size={15} />
            <span className="topnav-label">{t('shell.nav.callbacks')}</span>
          </a>
          {me.role === 'admin' && (
            <a href={hrefFor({ name: 'dooray' })} aria-current={route.name === 'dooray' ? 'page' : undefined}>
              <Icon name="forward" size={15} />
              <span className="topnav-label">{t('transfers.settings.nav')}</span>
            </a>
          )}
          {me.role === 'admin' && (
            <a href={hrefFor({ name: 'admin', section: 'agents' })} aria-current={isSettings(route) ? 'page' : undefined}>
              <Icon name="settings" size={15} />
              <span className="topnav-label">{t('admin.nav.entry')}</span>
            </a>
          )}
          {isOperator(me) && (
            <a href={hrefFor({ name: 'operations' })} aria-current={route.name === 'operations' ? 'page' : undefined}>
              <Icon name="zap" size={15} />
              <span className="topnav-label">{t('shell.nav.operations')}</span>
            </a>
          )}
        </nav>
        )}
        <div className="topbar-end">
          <div className="segmented small" role="group" aria-label={t('common.language.label')}>
            <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              {t('common.language.en')}
            </button>
            <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')}>
              {t('common.language.ko')}
            </button>
          </div>
          <button type="button" className="icon-button shortcuts-button" onClick={() => setHelp(true)} aria-label={t('shell.shortcuts')} title={t('shell.shortcuts')}>
            <Icon name="keyboard" size={17} />
          </button>
          <div className="me">
            <Avatar name={me.name} size={28} />
            <span className="me-text">
              <strong>{me.name}</strong>
              <span className="muted">{t(`ticket.role.${me.role}`)}</span>
            </span>
          </div>
          <button type="button" className="icon-button" onClick={() => void signOut()} aria-label={t('shell.signOut')} title={t('shell.signOut')}>
            <Icon name="logout" size={16} />
          </button>
        </div>
      </header>
      <GlobalProgress />
      {me.role === 'org_admin' ? (
        <EmptyState icon="inbox" title={t('shell.orgAdmin.title')}>
          <p>{t('shell.orgAdmin.body')}</p>
          <a href="/docs">{t('shell.orgAdmin.docs')}</a>
        </EmptyState>
      ) : route.name === 'rules' ? (
        <Suspense fallback={<LoadingBlock label={t('shell.loadingRules')} />}>
          <RuleStudio serviceId={route.serviceId} />
        </Suspense>
      ) : route.name === 'callbacks' ? (
        <Suspense fallback={<LoadingBlock label={t('callbacks.table.loading')} />}>
          <CallbacksPage tab={route.tab} />
        </Suspense>
      ) : route.name === 'dooray' ? (
        <Suspense fallback={<LoadingBlock label={t('transfers.settings.loading')} />}>
          <DooraySettings />
        </Suspense>
      ) : route.name === 'operations' ? (
        <Suspense fallback={<LoadingBlock label={t('operations.loading')} />}>
          <OperationsConsole workflowId={route.workflowId} />
        </Suspense>
      ) : route.name === 'search' ? (
        <Suspense fallback={<LoadingBlock label={t('search.loading')} />}>
          <SearchPage hash={route.query} />
        </Suspense>
      ) : route.name === 'customers' ? (
        <Suspense fallback={<LoadingBlock label={t('customers.loading')} />}>
          <CustomersPage customerId={route.customerId} hash={route.query} />
        </Suspense>
      ) : route.name === 'fields' ? (
        <Suspense fallback={<LoadingBlock label={t('settings.fields.loading')} />}>
          <FieldsPage serviceId={route.serviceId} />
        </Suspense>
      ) : route.name === 'templates' ? (
        <Suspense fallback={<LoadingBlock label={t('settings.templates.loading')} />}>
          <TemplatesPage serviceId={route.serviceId} />
        </Suspense>
      ) : route.name === 'admin' ? (
        <Suspense fallback={<LoadingBlock label={t('common.loading')} />}>
          <AdminPage section={route.section} serviceId={route.serviceId} />
        </Suspense>
      ) : (
        <Workspace list={route.list} ticketId={route.ticketId} />
      )}
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
