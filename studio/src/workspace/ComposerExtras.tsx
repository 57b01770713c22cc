/** The composer's side tools: insert a reply template (답변 템플릿) filled for the ticket, attach files. */
import { useEffect, useRef, useState } from 'react';
import { composerApi, type ReplyTemplate, type UploadedAttachment } from '../api/desk';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';

export function ComposerExtras({
  ticketId,
  serviceId,
  attachments,
  onAttachments,
  onInsert,
}: {
  ticketId: string;
  serviceId: string;
  attachments: UploadedAttachment[];
  onAttachments: (attachments: UploadedAttachment[]) => void;
  onInsert: (text: string) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    composerApi
      .templates(serviceId, query)
      .then((found) => current && setTemplates(found))
      .catch(() => current && setTemplates([]));
    return () => {
      current = false;
    };
  }, [serviceId, query]);

  const insert = async (templateId: string) => {
    if (!templateId) return;
    try {
      onInsert((await composerApi.render(ticketId, templateId)).body);
    } catch (caught) {
      setError(caught);
    }
  };

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    setError(null);
    try {
      onAttachments([...attachments, ...(await composerApi.upload(ticketId, [...files]))]);
    } catch (caught) {
      setError(caught);
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div className="composer-extras">
      <input
        type="search"
        className="template-search"
        value={query}
        placeholder={t('desk.composer.templateSearch')}
        aria-label={t('desk.composer.templateSearch')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select aria-label={t('desk.composer.template')} value="" onChange={(event) => void insert(event.target.value)}>
        <option value="">{templates.length ? t('desk.composer.template') : t('desk.composer.noTemplates')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.title} ({template.code})
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={uploading}>
        {uploading ? <Spinner size={14} /> : <Icon name="plus" size={14} />}
        {t('desk.composer.attach')}
      </button>
      <input ref={fileInput} type="file" multiple hidden onChange={(event) => void upload(event.target.files)} />
      {attachments.map((attachment) => (
        <span key={attachment.id} className="attachment-chip">
          {attachment.filename}
          <button
            type="button"
            aria-label={t('desk.composer.remove', { name: attachment.filename })}
            onClick={() => onAttachments(attachments.filter((other) => other.id !== attachment.id))}
          >
            ×
          </button>
        </span>
      ))}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
