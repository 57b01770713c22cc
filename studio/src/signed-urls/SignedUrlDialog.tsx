/**
 * Mint a signed URL for one action on one workflow (admins): the action the API allows for the workflow's kind,
 * how long the URL lives and whether it works once; then the URL with a copy button, when it expires, and the
 * request the external system sends. The dialog stays open after minting so the URL is not lost by a stray click.
 */
import './signed-urls.css';
import { useId, useState, type FormEvent } from 'react';
import {
  HOOK_ACTION_NAMES,
  hooksApi,
  SIGNED_URL_LIFETIMES,
  type HookAction,
  type HookWorkflowKind,
  type SignedUrl,
  type SignedUrlLifetime,
} from '../api/hooks';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';

/** A body each action accepts, as the external system would send it. */
const EXAMPLE_BODIES: Record<HookAction, object> = {
  comment: { body: 'Order 1042 shipped', internal: true },
  answer: { outcome: 'answered', note: 'Reached the customer' },
};

/** The request an external system sends, ready to paste into a shell. */
const curlExample = (url: string, action: HookAction) =>
  `curl -X POST '${url}' \\\n  -H 'content-type: application/json' \\\n  -d '${JSON.stringify(EXAMPLE_BODIES[action])}'`;

function CopyField({ id, label, value, multiline = false }: { id: string; label: string; value: string; multiline?: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const copy = () => void navigator.clipboard?.writeText(value).then(() => toast(t('signedUrl.copied')));
  return (
    <div className="field">
      <div className="signed-url-label">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <button type="button" className="button small" onClick={copy} aria-label={t('signedUrl.copyOne', { what: label })}>
          <Icon name="copy" size={13} /> {t('signedUrl.copy')}
        </button>
      </div>
      {multiline ? (
        <textarea id={id} className="signed-url-code" value={value} readOnly rows={6} spellCheck={false} />
      ) : (
        <input id={id} className="signed-url-code" value={value} readOnly spellCheck={false} onFocus={(event) => event.target.select()} />
      )}
    </div>
  );
}

export function SignedUrlDialog({ workflowId, kind, onClose }: { workflowId: string; kind: HookWorkflowKind; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const actions = HOOK_ACTION_NAMES[kind] as readonly HookAction[];
  const [action, setAction] = useState<HookAction>(actions[0]);
  const [lifetime, setLifetime] = useState<SignedUrlLifetime>(604_800);
  const [singleUse, setSingleUse] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [minted, setMinted] = useState<(SignedUrl & { action: HookAction; lifetime: SignedUrlLifetime; singleUse: boolean }) | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await hooksApi.mint({ workflowId, action, expiresInSeconds: lifetime, singleUse });
      setMinted({ ...answer, action, lifetime, singleUse });
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  }

  if (minted) {
    return (
      <Dialog open title={t('signedUrl.mintedTitle')} subtitle={workflowId} onClose={onClose} width={600}>
        <div className="stack signed-url-result">
          <p className="signed-url-expiry" role="status">
            <Icon name="clock" size={14} />
            <span>
              {t(minted.singleUse ? 'signedUrl.expiresOnce' : 'signedUrl.expires', {
                action: t(`signedUrl.actions.${minted.action}`),
                time: formatDateTime(minted.expiresAt),
                lifetime: t(`signedUrl.lifetimes.${minted.lifetime}`),
              })}
            </span>
          </p>
          <CopyField id={`${id}-url`} label={t('signedUrl.url')} value={minted.url} />
          <CopyField id={`${id}-curl`} label={t('signedUrl.curl')} value={curlExample(minted.url, minted.action)} multiline />
          <p className="muted small">{t('signedUrl.curlHint')}</p>
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={onClose} autoFocus>
              {t('signedUrl.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open title={t('signedUrl.title')} subtitle={t('signedUrl.subtitle')} onClose={busy ? () => undefined : onClose} width={520}>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('signedUrl.action')}</span>
          <select name="action" value={action} onChange={(event) => setAction(event.target.value as HookAction)}>
            {actions.map((one) => (
              <option key={one} value={one}>
                {t(`signedUrl.actions.${one}`)}
              </option>
            ))}
          </select>
          <span className="field-hint muted small">{t(`signedUrl.actionHelp.${action}`)}</span>
        </label>
        <label className="field">
          <span className="field-label">{t('signedUrl.lifetime')}</span>
          <select name="lifetime" value={lifetime} onChange={(event) => setLifetime(Number(event.target.value) as SignedUrlLifetime)}>
            {SIGNED_URL_LIFETIMES.map((seconds) => (
              <option key={seconds} value={seconds}>
                {t(`signedUrl.lifetimes.${seconds}`)}
              </option>
            ))}
          </select>
          <span className="field-hint muted small">{t('signedUrl.lifetimeHint')}</span>
        </label>
        <label className="checkbox-line signed-url-choice">
          <input type="checkbox" name="singleUse" checked={singleUse} onChange={(event) => setSingleUse(event.target.checked)} />
          <span className="signed-url-once">
            {t('signedUrl.singleUse')}
            <span className="muted small">{t('signedUrl.singleUseHint')}</span>
          </span>
        </label>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.action.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy && <Spinner size={14} />}
            {t('signedUrl.mint')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
