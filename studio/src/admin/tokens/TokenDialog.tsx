/**
 * Issue an API token: a name and the scopes it opens, then the secret, shown this once with a copy button. The
 * dialog does not close on its own after creation, so the secret is not lost by a stray click.
 */
import { useId, useState, type FormEvent } from 'react';
import { tokensApi, type ApiClient } from '../../api/admin';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { API_SCOPES, type ApiScope } from '../../../../domain/people';
import { concerns, FieldMessage } from '../FieldError';

export function TokenDialog({ onClose }: { onClose: (created: ApiClient | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['tickets:read']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<(ApiClient & { token: string }) | null>(null);

  const nameError = concerns(error, 'name') ? error : null;
  const scopesError = concerns(error, 'scopes') ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await tokensApi.create(name.trim(), scopes));
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  }

  if (created) {
    return (
      <Dialog open title={t('admin.tokens.dialog.createdTitle', { name: created.name })} onClose={() => onClose(created)} width={560}>
        <div className="stack">
          <div className="notice token-notice" role="status">
            <Icon name="alert" size={16} />
            <span>{t('admin.tokens.dialog.once')}</span>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-secret`}>
              {t('admin.tokens.dialog.secret')}
            </label>
            <div className="token-secret">
              <input id={`${id}-secret`} value={created.token} readOnly spellCheck={false} onFocus={(event) => event.target.select()} />
              <button
                type="button"
                className="button"
                onClick={() => void navigator.clipboard?.writeText(created.token).then(() => toast(t('admin.tokens.dialog.copied')))}
              >
                {t('admin.tokens.dialog.copy')}
              </button>
            </div>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={() => onClose(created)} autoFocus>
              {t('admin.tokens.dialog.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open title={t('admin.tokens.dialog.new')} subtitle={t('admin.tokens.dialog.subtitle')} onClose={() => onClose(null)} width={600}>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('admin.tokens.dialog.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            autoFocus
            aria-invalid={nameError !== null}
            aria-describedby={`${id}-name-message`}
          />
          <FieldMessage id={`${id}-name-message`} error={nameError} hint={t('admin.tokens.dialog.nameHint')} />
        </div>
        <fieldset className="choice-list" aria-describedby={`${id}-scopes-message`}>
          <legend className="field-label">{t('admin.tokens.dialog.scopes')}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="choice scope-choice">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((other) => other !== scope))}
              />
              <span>
                <strong>{t(`admin.scope.${scopeKey(scope)}.label`)}</strong>
                <span className="field-sub">{t(`admin.scope.${scopeKey(scope)}.description`)}</span>
              </span>
            </label>
          ))}
          <FieldMessage id={`${id}-scopes-message`} error={scopesError} />
        </fieldset>
        {!nameError && !scopesError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || scopes.length === 0}>
            {busy && <Spinner size={14} />}
            {busy ? t('settings.saving') : t('admin.tokens.dialog.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A scope as a message key segment: `tickets:read` → `tickets_read`. */
export const scopeKey = <S extends string>(scope: S) => scope.replace(':', '_') as S extends `${infer A}:${infer B}` ? `${A}_${B}` : S;
