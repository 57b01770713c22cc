/**
 * Reply templates (답변 템플릿, admins): per service, searched by title or code, created and edited in a dialog whose
 * substitution codes insert at the cursor, deleted after a confirmation.
 */
import { useCallback, useEffect, useState } from 'react';
import { templateSettingsApi, type ReplyTemplate } from '../api/settings';
import { useCategories } from '../categories';
import { EmptyState, ErrorBanner, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { DeleteConfirm } from '../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../settings/RowButtons';
import { ServiceSettings, type Creation } from '../settings/ServiceSettings';
import { TemplateDialog } from './TemplateDialog';

export default function TemplatesPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="templates"
      loading="settings.templates.loading"
      serviceId={serviceId}
      title="settings.templates.title"
      subtitle="settings.templates.subtitle"
      addLabel="settings.templates.add"
    >
      {(id, creation) => <ServiceTemplates key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServiceTemplates({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const toast = useToast();
  const resolutionTypes = useCategories(serviceId, 'resolution');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; templates: ReplyTemplate[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [deleting, setDeleting] = useState<ReplyTemplate | null>(null);

  const load = useCallback(
    (signal?: { cancelled: boolean }) => {
      templateSettingsApi
        .list(serviceId, query)
        .then((templates) => {
          if (signal?.cancelled) return;
          setFound({ query, templates });
          setError(null);
        })
        .catch((caught: unknown) => !signal?.cancelled && setError(caught));
    },
    [serviceId, query],
  );
  useEffect(() => {
    const signal = { cancelled: false };
    load(signal);
    return () => {
      signal.cancelled = true;
    };
  }, [load]);

  const resolutionName = (id: string | null) =>
    id ? (resolutionTypes?.find((type) => type.id === id)?.path ?? id) : t('settings.templates.anyResolution');

  const closeDialog = (saved: ReplyTemplate | null) => {
    setEditing(null);
    onCreatingDone();
    if (saved) load();
  };

  const templates = found?.templates;
  return (
    <>
      <div className="settings-toolbar">
        <Icon name="search" size={15} className="settings-search-icon" />
        <input
          type="search"
          className="settings-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('settings.templates.search')}
          aria-label={t('settings.templates.search')}
        />
      </div>
      <ErrorBanner error={error} onDismiss={found ? () => setError(null) : undefined} />
      {!templates ? (
        !error && <LoadingBlock label={t('settings.templates.loading')} />
      ) : templates.length === 0 ? (
        found.query.trim() ? (
          <EmptyState icon="search" title={t('settings.templates.noMatch.title', { query: found.query.trim() })}>
            <p>{t('settings.templates.noMatch.body')}</p>
          </EmptyState>
        ) : (
          <EmptyState icon="message" title={t('settings.templates.empty.title')}>
            <p>{t('settings.templates.empty.body')}</p>
          </EmptyState>
        )
      ) : (
        <ul className="settings-list" aria-label={t('settings.templates.title')}>
          {templates.map((template) => (
            <li key={template.id} className="settings-row">
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <strong>{template.title}</strong>
                  <code>{template.code}</code>
                </div>
                <p className="settings-row-preview muted">{template.body}</p>
                <div className="settings-row-meta">
                  <span className={`pill ${template.resolutionTypeId ? 'tone-teal' : 'tone-slate'}`}>{resolutionName(template.resolutionTypeId)}</span>
                </div>
              </div>
              <div className="settings-row-actions">
                <EditButton name={template.title} onEdit={() => setEditing(template)} />
                <DeleteButton name={template.title} onDelete={() => setDeleting(template)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {(creating || editing) && (
        <TemplateDialog serviceId={serviceId} template={editing} resolutionTypes={resolutionTypes ?? []} onClose={closeDialog} />
      )}
      <DeleteConfirm
        item={deleting}
        title={t('settings.templates.remove.title', { code: deleting?.code ?? '' })}
        confirmLabel={t('settings.templates.remove.confirm')}
        done={t('settings.templates.remove.done', { code: deleting?.code ?? '' })}
        remove={(item) => templateSettingsApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('settings.templates.remove.body', { name: deleting?.title ?? '' })}</p>
      </DeleteConfirm>
    </>
  );
}
