/**
 * API tokens (API 토큰, admins): the organisation's API clients, newest first, with what they may do and when they
 * were last used. A new token's secret is shown once, in the dialog that created it; revoking one takes effect at once.
 */
import { useCallback, useState } from 'react';
import { tokensApi, type ApiClient } from '../../api/admin';
import { ConfirmDialog } from '../../components/confirm';
import { EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useDirectory } from '../../directory';
import { useI18n } from '../../i18n';
import { SettingsFrame } from '../../settings/ServiceSettings';
import { scopeKey, TokenDialog } from './TokenDialog';
import { useLoaded } from '../../settings/useLoaded';

export default function TokensPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  return (
    <SettingsFrame
      page="tokens"
      title="admin.tokens.title"
      subtitle="admin.tokens.subtitle"
      action={
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          <Icon name="plus" size={14} /> {t('admin.tokens.add')}
        </button>
      }
    >
      <TokenList creating={creating} onCreatingDone={() => setCreating(false)} />
    </SettingsFrame>
  );
}

function TokenList({ creating, onCreatingDone }: { creating: boolean; onCreatingDone: () => void }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const toast = useToast();
  const { agentName } = useDirectory();
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const [revokeState, setRevokeState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  const fetchClients = useCallback(() => tokensApi.list(), []);
  const { value: clients, error, setError, reload: load } = useLoaded(fetchClients);

  async function revoke(client: ApiClient) {
    setRevokeState({ busy: true, error: null });
    try {
      await tokensApi.revoke(client.id);
      toast(t('admin.tokens.revoke.done', { name: client.name }));
      setRevoking(null);
      setRevokeState({ busy: false, error: null });
      load();
    } catch (caught) {
      setRevokeState({ busy: false, error: caught });
    }
  }

  return (
    <>
      <ErrorBanner error={error} onDismiss={clients ? () => setError(null) : undefined} />
      {clients === null ? (
        !error && <LoadingBlock label={t('admin.tokens.loading')} />
      ) : clients.length === 0 ? (
        <EmptyState icon="lock" title={t('admin.tokens.empty.title')}>
          <p>{t('admin.tokens.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" aria-label={t('admin.tokens.title')}>
          {clients.map((client) => (
            <li key={client.id} className={`settings-row${client.revokedAt ? ' inactive' : ''}`}>
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <strong>{client.name}</strong>
                  <code>{client.id}</code>
                  {client.revokedAt && <span className="pill tone-rose">{t('admin.tokens.revoked', { when: formatDateTime(client.revokedAt) })}</span>}
                </div>
                <div className="settings-row-meta">
                  {client.scopes.map((scope) => (
                    <span key={scope} className={`pill ${scope === 'admin' ? 'tone-violet' : 'tone-slate'}`} title={t(`admin.scope.${scopeKey(scope)}.description`)}>
                      {t(`admin.scope.${scopeKey(scope)}.label`)}
                    </span>
                  ))}
                </div>
                <p className="settings-row-preview muted">
                  {t('admin.tokens.issued', { owner: agentName(client.ownerId) ?? client.ownerId, when: formatDateTime(client.createdAt) })}
                  {' · '}
                  {client.lastUsedAt ? t('admin.tokens.lastUsed', { when: formatRelative(client.lastUsedAt) }) : t('admin.tokens.neverUsed')}
                </p>
              </div>
              {!client.revokedAt && (
                <div className="settings-row-actions">
                  <button
                    type="button"
                    className="icon-button danger"
                    aria-label={t('admin.tokens.revoke.action', { name: client.name })}
                    title={t('admin.tokens.revoke.action', { name: client.name })}
                    onClick={() => setRevoking(client)}
                  >
                    <Icon name="ban" size={15} />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <TokenDialog
          onClose={(created) => {
            onCreatingDone();
            if (created) load();
          }}
        />
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.tokens.revoke.title', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.tokens.revoke.confirm')}
        busyLabel={t('settings.saving')}
        danger
        busy={revokeState.busy}
        error={revokeState.error}
        onConfirm={() => revoking && void revoke(revoking)}
        onClose={() => {
          setRevoking(null);
          setRevokeState({ busy: false, error: null });
        }}
      >
        <p>{t('admin.tokens.revoke.body')}</p>
      </ConfirmDialog>
    </>
  );
}
