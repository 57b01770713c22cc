/** Notifying by email: the recipient, then a subject and body per help-centre language. */
import { useLang } from '../../../../i18n';
import { MESSAGE_LANGUAGE_LABELS, NOTIFY_RECIPIENT_LABELS } from '../../../../vocabulary';
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';
import type { ResultOf } from '../types';
import { DEFAULT_SUBJECT } from './defaults';

type Recipient = ResultOf<'notifyEmail'>['to'];

const FORM_LANGUAGES = Object.keys(MESSAGE_LANGUAGE_LABELS) as (keyof typeof MESSAGE_LANGUAGE_LABELS)[];

export function NotifyEmailPanel({ result, patch, invalid }: ResultFormProps<'notifyEmail'>) {
  const { t, other } = useLang();
  // Languages beyond the form's two (a trigger saved through the API with zh-TW, say) stay editable.
  const languages = [...FORM_LANGUAGES, ...Object.keys(result.messages).filter((language) => !(FORM_LANGUAGES as string[]).includes(language))];
  const setMessage = (language: string, message: { subject: string; body: string } | null) => {
    const messages = { ...result.messages };
    if (message) messages[language] = message;
    else delete messages[language];
    patch({ messages });
  };
  return (
    <>
      <Field label="Send to · 받는 사람">
        <select value={result.to} onChange={(event) => patch({ to: event.target.value as Recipient })}>
          {(Object.keys(NOTIFY_RECIPIENT_LABELS) as Recipient[]).map((to) => (
            <option key={to} value={to}>
              {t(NOTIFY_RECIPIENT_LABELS[to])} · {other(NOTIFY_RECIPIENT_LABELS[to])}
            </option>
          ))}
        </select>
      </Field>
      {invalid('messages') && !Object.keys(result.messages).length && <p className="field-error">Write the message in at least one language. · 한 가지 이상의 언어로 작성하세요.</p>}
      {languages.map((language) => {
        const message = result.messages[language];
        const name = language in MESSAGE_LANGUAGE_LABELS ? MESSAGE_LANGUAGE_LABELS[language as keyof typeof MESSAGE_LANGUAGE_LABELS] : { en: language, ko: language };
        return (
          <fieldset key={language} className="fieldset">
            <legend className="field-label">
              <label className="check-row">
                <input type="checkbox" checked={message !== undefined} onChange={(event) => setMessage(language, event.target.checked ? { subject: DEFAULT_SUBJECT, body: '' } : null)} />
                {t(name)} · {other(name)} <span className="mono muted">{language}</span>
              </label>
            </legend>
            {message && (
              <>
                <Field label="Subject · 제목">
                  <input aria-invalid={invalid('messages', language, 'subject')} value={message.subject} onChange={(event) => setMessage(language, { ...message, subject: event.target.value })} />
                </Field>
                <Field label="Body · 본문">
                  <textarea rows={4} aria-invalid={invalid('messages', language, 'body')} value={message.body} onChange={(event) => setMessage(language, { ...message, body: event.target.value })} />
                </Field>
              </>
            )}
          </fieldset>
        );
      })}
      <span className="field-hint">Sent alone, without the service mail layout, in the customer's help-centre language. · 고객센터 언어로 단독 발송됩니다.</span>
      <SubstitutionCodes />
    </>
  );
}
