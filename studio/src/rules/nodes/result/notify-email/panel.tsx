/** Notifying by email: the recipient, then a subject and body per help-centre language. */
import { NotifyEmailResult } from '../../../../../../rules/model';
import { isMessageKey, useI18n } from '../../../../i18n';
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';
import type { ResultOf } from '../types';
import { DEFAULT_SUBJECT } from './defaults';

type Recipient = ResultOf<'notifyEmail'>['to'];

const RECIPIENTS = NotifyEmailResult.shape.to.options;
/** Help-centre languages the form offers a message in, in this order. */
const FORM_LANGUAGES: readonly string[] = ['ko', 'en'];

export function NotifyEmailPanel({ result, patch, invalid }: ResultFormProps<'notifyEmail'>) {
  const { t } = useI18n();
  // Languages beyond the form's two (a trigger saved through the API with zh-TW, say) stay editable.
  const languages = [...FORM_LANGUAGES, ...Object.keys(result.messages).filter((language) => !FORM_LANGUAGES.includes(language))];
  const languageName = (language: string) => {
    const key = `ticket.language.${language}`;
    return isMessageKey(key) ? t(key) : language;
  };
  const setMessage = (language: string, message: { subject: string; body: string } | null) => {
    const messages = { ...result.messages };
    if (message) messages[language] = message;
    else delete messages[language];
    patch({ messages });
  };
  return (
    <>
      <Field label={t('rules.result.notifyEmail.to')}>
        <select value={result.to} onChange={(event) => patch({ to: event.target.value as Recipient })}>
          {RECIPIENTS.map((to) => (
            <option key={to} value={to}>
              {t(`rules.recipient.${to}`)}
            </option>
          ))}
        </select>
      </Field>
      {invalid('messages') && !Object.keys(result.messages).length && <p className="field-error">{t('errors.result.messages_empty')}</p>}
      {languages.map((language) => {
        const message = result.messages[language];
        return (
          <fieldset key={language} className="fieldset">
            <legend className="field-label">
              <label className="check-row">
                <input type="checkbox" checked={message !== undefined} onChange={(event) => setMessage(language, event.target.checked ? { subject: DEFAULT_SUBJECT, body: '' } : null)} />
                {languageName(language)} <span className="mono muted">{language}</span>
              </label>
            </legend>
            {message && (
              <>
                <Field label={t('rules.result.notifyEmail.subject')}>
                  <input aria-invalid={invalid('messages', language, 'subject')} value={message.subject} onChange={(event) => setMessage(language, { ...message, subject: event.target.value })} />
                </Field>
                <Field label={t('rules.result.notifyEmail.body')}>
                  <textarea rows={4} aria-invalid={invalid('messages', language, 'body')} value={message.body} onChange={(event) => setMessage(language, { ...message, body: event.target.value })} />
                </Field>
              </>
            )}
          </fieldset>
        );
      })}
      <span className="field-hint">{t('rules.result.notifyEmail.hint')}</span>
      <SubstitutionCodes />
    </>
  );
}
