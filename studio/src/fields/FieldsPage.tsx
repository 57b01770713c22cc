/**
 * Fields (필드 관리, admins): per service, the customer fields each intake type asks for (inherited down the tree)
 * under the fixed system fields, and the agent fields; in order, created and edited in a dialog, reordered with
 * buttons, deleted after a confirmation.
 */
import { useCallback, useEffect, useState } from 'react';
import { fieldSettingsApi, type Field, type FieldList } from '../api/settings';
import { useCategories } from '../categories';
import { EmptyState, ErrorBanner, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { MoveButton } from '../settings/MoveButton';
import { DeleteConfirm } from '../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../settings/RowButtons';
import { ServiceSettings, type Creation } from '../settings/ServiceSettings';
import { FieldDialog } from './FieldDialog';
import { labelOf, moveChanges } from './model';

type Scope = Field['scope'];

export default function FieldsPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="fields"
      loading="settings.fields.loading"
      serviceId={serviceId}
      title="settings.fields.title"
      subtitle="settings.fields.subtitle"
      addLabel="settings.fields.add"
    >
      {(id, creation) => <ServiceFields key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServiceFields({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t, lang } = useI18n();
  const toast = useToast();
  const intakeTypes = useCategories(serviceId, 'intake');
  const [list, setList] = useState<FieldList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scope, setScope] = useState<Scope>('customer');
  const [editing, setEditing] = useState<Field | null>(null);
  const [deleting, setDeleting] = useState<Field | null>(null);

  const load = useCallback(() => {
    fieldSettingsApi
      .list(serviceId)
      .then((loaded) => {
        setList(loaded);
        setError(null);
      })
      .catch(setError);
  }, [serviceId]);
  useEffect(load, [load]);

  const scoped = (list?.fields ?? []).filter((field) => field.scope === scope);
  const intakeTypeName = (id: string | null) => (id ? (intakeTypes?.find((type) => type.id === id)?.path ?? id) : t('settings.fields.allIntakeTypes'));

  async function move(index: number, delta: -1 | 1) {
    const changes = moveChanges(scoped, index, delta);
    if (changes.length === 0 || !list) return;
    const positions = new Map(changes.map((change) => [change.id, change.position]));
    setList({ ...list, fields: list.fields.map((field) => ({ ...field, position: positions.get(field.id) ?? field.position })).sort(byPosition) });
    try {
      for (const change of changes) await fieldSettingsApi.update(change.id, { position: change.position });
      toast(t('settings.fields.order'));
    } catch (caught) {
      setError(caught);
      load();
    }
  }

  const closeDialog = (saved: Field | null) => {
    setEditing(null);
    onCreatingDone();
    if (saved) {
      setScope(saved.scope);
      load();
    }
  };

  return (
    <>
      <div className="settings-tabs" role="tablist" aria-label={t('settings.fields.tabs')}>
        {(['customer', 'agent'] as const).map((candidate) => (
          <button key={candidate} type="button" role="tab" aria-selected={scope === candidate} onClick={() => setScope(candidate)}>
            {t(`settings.fields.${candidate}`)}
            {list && <span className="tab-count">{list.fields.filter((field) => field.scope === candidate).length}</span>}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} onDismiss={list ? () => setError(null) : undefined} />
      {list === null ? (
        !error && <LoadingBlock label={t('settings.fields.loading')} />
      ) : (
        <div role="tabpanel" className="stack">
          {scope === 'customer' && (
            <section aria-label={t('settings.fields.system.badge')}>
              <ol className="settings-list">
                {list.systemFields.map((name) => (
                  <li key={name} className="settings-row system">
                    <div className="settings-row-main">
                      <strong>{t(`settings.fields.system.${name}`)}</strong>
                      <div className="settings-row-meta">
                        <span className="pill tone-slate">{t('settings.fields.system.badge')}</span>
                        <span className="pill tone-rose">{t('settings.fields.required')}</span>
                      </div>
                    </div>
                    <Icon name="lock" size={14} className="settings-row-lock" />
                  </li>
                ))}
              </ol>
              <p className="field-hint">{t('settings.fields.system.hint')}</p>
            </section>
          )}
          {scoped.length === 0 ? (
            <EmptyState icon="layers" title={t(`settings.fields.empty.${scope}`)}>
              <p>{t(`settings.fields.empty.${scope}Body`)}</p>
            </EmptyState>
          ) : (
            <ol className="settings-list" aria-label={t(`settings.fields.${scope}`)}>
              {scoped.map((field, index) => {
                const name = labelOf(field.labels, lang);
                return (
                  <li key={field.id} className="settings-row">
                    <div className="settings-row-main">
                      <div className="settings-row-title">
                        <strong>{name}</strong>
                        <code>{field.code}</code>
                      </div>
                      <div className="settings-row-meta">
                        <span className="pill tone-slate">{t(`settings.fields.control.${field.control}`)}</span>
                        {field.control === 'dropdown' && <span className="pill tone-slate">{t('settings.fields.options', { count: field.options.length })}</span>}
                        <span className={`pill ${field.required ? 'tone-rose' : 'tone-slate'}`}>
                          {field.required ? t('settings.fields.required') : t('settings.fields.optional')}
                        </span>
                        <span className="pill tone-blue">
                          {field.scope === 'customer'
                            ? intakeTypeName(field.intakeTypeId)
                            : field.editableBy === 'admin'
                              ? t('settings.fields.adminsOnly')
                              : t('settings.fields.allAgents')}
                        </span>
                        {field.encrypted && (
                          <span className="pill tone-violet">
                            <Icon name="lock" size={11} /> {t('settings.fields.encrypted')}
                          </span>
                        )}
                      </div>
                    </div>
                    <div className="settings-row-actions">
                      <MoveButton label={t('settings.moveUp', { name })} icon="arrowUp" disabled={index === 0} onMove={() => void move(index, -1)} />
                      <MoveButton
                        label={t('settings.moveDown', { name })}
                        icon="arrowDown"
                        disabled={index === scoped.length - 1}
                        onMove={() => void move(index, 1)}
                      />
                      <EditButton name={name} onEdit={() => setEditing(field)} />
                      <DeleteButton name={name} onDelete={() => setDeleting(field)} />
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
      {(creating || editing) && (
        <FieldDialog
          serviceId={serviceId}
          scope={editing?.scope ?? scope}
          field={editing}
          nextPosition={scoped.length === 0 ? 0 : Math.max(...scoped.map((field) => field.position)) + 1}
          intakeTypes={intakeTypes ?? []}
          onClose={closeDialog}
        />
      )}
      <DeleteConfirm
        item={deleting}
        title={t('settings.fields.remove.title', { code: deleting?.code ?? '' })}
        confirmLabel={t('settings.fields.remove.confirm')}
        done={t('settings.fields.remove.done', { code: deleting?.code ?? '' })}
        remove={(item) => fieldSettingsApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('settings.fields.remove.body', { code: deleting?.code ?? '' })}</p>
      </DeleteConfirm>
    </>
  );
}

const byPosition = (a: Field, b: Field) => a.position - b.position;
