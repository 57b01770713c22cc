/**
 * Callback management (콜백 관리): the callback list (agents their own, admins and assigners all, with the seed's
 * filters and multi-select assignment) and, for admins, the processing status (콜백 처리현황).
 */
import './callbacks.css';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { hrefFor } from '../router';
import { useMe } from '../session';
import { CallbackList } from './CallbackList';
import { ProcessingStatus } from './ProcessingStatus';

export default function CallbacksPage({ tab }: { tab: 'list' | 'status' }) {
  const { t } = useI18n();
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const mayAssign = isAdmin || me.permissions.includes('callback_assign');
  const shown = tab === 'status' && isAdmin ? 'status' : 'list';

  return (
    <main className="callbacks">
      <header className="callbacks-head">
        <div className="list-title">
          <h1>
            <Icon name="phone" size={18} /> {t('callbacks.title')}
          </h1>
          <span className="muted">{t(mayAssign ? 'callbacks.subtitleAll' : 'callbacks.subtitleMine')}</span>
        </div>
        {isAdmin && (
          <nav className="segmented small" aria-label={t('callbacks.tabs.label')}>
            <a href={hrefFor({ name: 'callbacks', tab: 'list' })} aria-current={shown === 'list' ? 'page' : undefined}>
              {t('callbacks.tabs.list')}
            </a>
            <a href={hrefFor({ name: 'callbacks', tab: 'status' })} aria-current={shown === 'status' ? 'page' : undefined}>
              {t('callbacks.tabs.status')}
            </a>
          </nav>
        )}
      </header>
      {shown === 'status' ? <ProcessingStatus /> : <CallbackList mayAssign={mayAssign} meId={me.id} />}
    </main>
  );
}
