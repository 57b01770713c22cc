/**
 * Create or edit a reply template: code, title, the resolution type it is linked to, and the body, beside the
 * substitution codes it may use (the fixed ones and the service's fields), which insert at the cursor. The API's
 * refusals show under the input they are about: a code already taken, a substitution code nobody can fill.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { fieldSettingsApi, templateSettingsApi, type Field, type ReplyTemplate } from '../api/settings';
import type { CategoryOption } from '../categories';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { useToast } from '../components/toasts';
import { labelOf } from '../fields/model';
import { useI18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { fieldCodes, insertCode, REPLY_TEMPLATE_CODES } from './codes';
import { SaveActions } from '../settings/SaveActions';

const CODE_GROUPS = ['ticket', 'customer', 'agent', 'service', 'customerField', 'agentField'] as const;
const groupOf = (code: string) => code.slice(0, code.indexOf('.'));

/** The codes a refusal names (`details.codes`), to show beside its sentence. */
const refusedCodes = (error: ApiError): string[] => {
  const codes = (error.details as { codes?: unknown } | undefined)?.codes;
  return Array.isArray(codes) ? codes.filter((code): code is string => typeof code === 'string') : [];
};

export function TemplateDialog({
  serviceId,
  template,
  resolutionTypes,
  onClose,
}: {
  serviceId: string;
  template: ReplyTemplate | null;
  resolutionTypes: CategoryOption[];
  onClose: (saved: ReplyTemplate | null) => void;
}) {
  const { t, lang } = useI18n();
  const toast = useToast();
  const id = useId();
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once the body with an inserted code is rendered. */
  const caret = useRef<number | null>(null);
  const [code, setCode] = useState(template?.code ?? '');
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [resolutionTypeId, setResolutionTypeId] = useState(template?.resolutionTypeId ?? '');
  const [fields, setFields] = useState<Field[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    fieldSettingsApi
      .list(serviceId)
      .then((list) => current && setFields(list.fields))
      .catch(() => current && setFields([]));
    return () => {
      current = false;
    };
  }, [serviceId]);

  const apiError = error instanceof ApiError ? error : null;
  const codeError = apiError?.code === 'reply_template.code_taken' ? apiError : null;
  const bodyError = apiError?.code === 'reply_template.unknown_code' ? apiError : null;
  const fieldLabels = new Map(fields.map((field) => [`${field.scope}Field.${field.code}`, labelOf(field.labels, lang)]));
  const codes = [...REPLY_TEMPLATE_CODES, ...fieldCodes(fields)];

  useLayoutEffect(() => {
    if (caret.current === null) return;
    bodyInput.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [body]);

  function insert(substitution: string) {
    const textarea = bodyInput.current;
    const next = insertCode(body, textarea?.selectionStart ?? body.length, textarea?.selectionEnd ?? body.length, substitution);
    // Typing goes on in the body, after the code.
    textarea?.focus();
    caret.current = next.cursor;
    setBody(next.text);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const values = { code: code.trim(), title: title.trim(), body, resolutionTypeId: resolutionTypeId || null };
    try {
      const saved = template ? await templateSettingsApi.update(template.id, values) : await templateSettingsApi.create(serviceId, values);
      toast(t(template ? 'settings.templates.dialog.saved' : 'settings.templates.dialog.created', { code: saved.code }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={template ? t('settings.templates.dialog.edit', { code: template.code }) : t('settings.templates.dialog.new')}
      subtitle={t('settings.templates.dialog.subtitle')}
      onClose={() => onClose(null)}
      width={860}
    >
      <form className="template-form" onSubmit={submit}>
        <div className="stack">
          <div className="grid-2">
            <label className="field">
              <span className="field-label">{t('settings.templates.dialog.title')}</span>
              <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={200} autoFocus />
            </label>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-code-input`}>
                {t('settings.templates.dialog.code')}
              </label>
              <input
                id={`${id}-code-input`}
                value={code}
                onChange={(event) => setCode(event.target.value)}
                required
                maxLength={64}
                pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={codeError !== null}
                aria-describedby={`${id}-code`}
              />
              {codeError ? (
                <span id={`${id}-code`} className="field-error" role="alert">
                  {errorMessage(t, codeError)}
                </span>
              ) : (
                <span id={`${id}-code`} className="field-hint">
                  {t('settings.templates.dialog.codeHint')}
                </span>
              )}
            </div>
          </div>
          <label className="field">
            <span className="field-label">{t('settings.templates.dialog.resolutionType')}</span>
            <select value={resolutionTypeId} onChange={(event) => setResolutionTypeId(event.target.value)}>
              <option value="">{t('settings.templates.dialog.noResolutionType')}</option>
              {resolutionTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.path}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-body-input`}>
              {t('settings.templates.dialog.body')}
            </label>
            <textarea
              id={`${id}-body-input`}
              ref={bodyInput}
              rows={10}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              required
              maxLength={20_000}
              aria-invalid={bodyError !== null}
              aria-describedby={bodyError ? `${id}-body` : undefined}
            />
            {bodyError && (
              <span id={`${id}-body`} className="field-error" role="alert">
                <strong>{refusedCodes(bodyError).map((refused) => `#{${refused}}`).join(', ')}</strong> {errorMessage(t, bodyError)}
              </span>
            )}
          </div>
          {!codeError && !bodyError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <SaveActions busy={busy} label={t(template ? 'settings.templates.dialog.save' : 'settings.templates.dialog.create')} onCancel={() => onClose(null)} />
        </div>
        <aside className="code-panel" aria-labelledby={`${id}-codes`}>
          <h3 id={`${id}-codes`}>{t('settings.templates.dialog.codes')}</h3>
          <p className="field-hint">{t('settings.templates.dialog.codesHint')}</p>
          {CODE_GROUPS.map((group) => {
            const inGroup = codes.filter((candidate) => groupOf(candidate) === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} className="code-group">
                <span className="field-sub">{t(`settings.templates.dialog.groups.${group}`)}</span>
                <div className="code-chips">
                  {inGroup.map((candidate) => (
                    <button
                      key={candidate}
                      type="button"
                      className="code-chip"
                      title={fieldLabels.get(candidate) ?? t('settings.templates.dialog.insert', { code: `#{${candidate}}` })}
                      aria-label={t('settings.templates.dialog.insert', { code: `#{${candidate}}` })}
                      onClick={() => insert(candidate)}
                    >
                      {`#{${candidate}}`}
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </aside>
      </form>
    </Dialog>
  );
}
