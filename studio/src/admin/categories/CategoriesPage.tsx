/**
 * Categories (분류, admins): a service's intake types (접수유형) and resolution types (처리유형), each a tree of up
 * to five levels. Types are added at the top or under another, renamed in a dialog, disabled (kept on old tickets,
 * no longer offered) and deleted after a confirmation that shows why the API refuses (a type still in use).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { categorySettingsApi, type Category } from '../../api/admin';
import { categoriesApi } from '../../api/rules';
import type { CategoryKind, CategoryNode } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { DeleteConfirm } from '../../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../../settings/RowButtons';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { concerns, FieldMessage } from '../FieldError';
import { flattenTree } from '../model';
import { SaveActions } from '../../settings/SaveActions';

const MAX_DEPTH = 5;

export default function CategoriesPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="categories"
      loading="admin.categories.loading"
      serviceId={serviceId}
      title="admin.categories.title"
      subtitle="admin.categories.subtitle"
      addLabel="admin.categories.add"
    >
      {(id, creation) => <ServiceCategories key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

type Editing = { mode: 'create'; parent: CategoryNode | null } | { mode: 'rename'; category: CategoryNode };

function ServiceCategories({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const toast = useToast();
  const [kind, setKind] = useState<CategoryKind>('intake');
  const [tree, setTree] = useState<CategoryNode[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);

  const load = useCallback(() => {
    categoriesApi
      .tree(serviceId, kind)
      .then((loaded) => {
        setTree(loaded);
        setError(null);
      })
      .catch(setError);
  }, [serviceId, kind]);
  useEffect(load, [load]);
  useEffect(() => {
    if (creating) setEditing({ mode: 'create', parent: null });
  }, [creating]);

  async function setEnabled(category: CategoryNode, enabled: boolean) {
    try {
      await categorySettingsApi.update(category.id, { enabled });
      toast(t(enabled ? 'admin.categories.enabledDone' : 'admin.categories.disabledDone', { name: category.name }));
      load();
    } catch (caught) {
      setError(caught);
    }
  }

  const rows = tree ? flattenTree(tree) : [];
  return (
    <>
      <div className="settings-tabs" role="tablist" aria-label={t('admin.categories.tabs')}>
        {(['intake', 'resolution'] as const).map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={kind === candidate}
            onClick={() => {
              setTree(null);
              setKind(candidate);
            }}
          >
            {t(`admin.categories.kind.${candidate}`)}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} onDismiss={tree ? () => setError(null) : undefined} />
      {tree === null ? (
        !error && <LoadingBlock label={t('admin.categories.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState icon="filter" title={t(`admin.categories.empty.${kind}`)}>
          <p>{t('admin.categories.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" role="tabpanel" aria-label={t(`admin.categories.kind.${kind}`)}>
          {rows.map((category) => (
            <li key={category.id} className={`settings-row category-row${category.enabled ? '' : ' inactive'}`} style={{ ['--depth' as string]: category.depth - 1 }}>
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <strong>{category.name}</strong>
                  {!category.enabled && <span className="pill tone-slate">{t('admin.categories.disabled')}</span>}
                  {category.children.length > 0 && <span className="muted">{t('admin.categories.children', { count: category.children.length })}</span>}
                </div>
              </div>
              <div className="settings-row-actions">
                {category.depth < MAX_DEPTH && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('admin.categories.addUnder', { name: category.name })}
                    title={t('admin.categories.addUnder', { name: category.name })}
                    onClick={() => setEditing({ mode: 'create', parent: category })}
                  >
                    <Icon name="plus" size={15} />
                  </button>
                )}
                <EditButton name={category.name} onEdit={() => setEditing({ mode: 'rename', category })} />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t(category.enabled ? 'admin.categories.disable' : 'admin.categories.enable', { name: category.name })}
                  title={t(category.enabled ? 'admin.categories.disable' : 'admin.categories.enable', { name: category.name })}
                  onClick={() => void setEnabled(category, !category.enabled)}
                >
                  <Icon name={category.enabled ? 'ban' : 'undo'} size={15} />
                </button>
                <DeleteButton name={category.name} onDelete={() => setDeleting(category)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <CategoryDialog
          serviceId={serviceId}
          kind={kind}
          editing={editing}
          onClose={(saved) => {
            setEditing(null);
            onCreatingDone();
            if (saved) load();
          }}
        />
      )}
      <DeleteConfirm
        item={deleting}
        title={t('admin.categories.remove.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('admin.categories.remove.confirm')}
        done={t('admin.categories.remove.done', { name: deleting?.name ?? '' })}
        remove={(item) => categorySettingsApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('admin.categories.remove.body')}</p>
      </DeleteConfirm>
    </>
  );
}

function CategoryDialog({ serviceId, kind, editing, onClose }: { serviceId: string; kind: CategoryKind; editing: Editing; onClose: (saved: Category | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState(editing.mode === 'rename' ? editing.category.name : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameError = concerns(error, 'name', ['category.name_taken', 'category.too_deep']) ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved =
        editing.mode === 'rename'
          ? await categorySettingsApi.update(editing.category.id, { name: name.trim() })
          : await categorySettingsApi.create(serviceId, { kind, name: name.trim(), parentId: editing.parent?.id ?? null });
      toast(t(editing.mode === 'rename' ? 'admin.categories.dialog.saved' : 'admin.categories.dialog.created', { name: saved.name }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const title =
    editing.mode === 'rename'
      ? t('admin.categories.dialog.rename', { name: editing.category.name })
      : editing.parent
        ? t('admin.categories.dialog.newUnder', { name: editing.parent.name })
        : t(`admin.categories.dialog.new.${kind}`);
  return (
    <Dialog open title={title} onClose={() => onClose(null)} width={460}>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('admin.categories.dialog.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (nameError) setError(null);
            }}
            required
            maxLength={100}
            autoFocus
            aria-invalid={nameError !== null}
            aria-describedby={`${id}-name-message`}
          />
          <FieldMessage id={`${id}-name-message`} error={nameError} />
        </div>
        {!nameError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(editing.mode === 'rename' ? 'admin.categories.dialog.save' : 'admin.categories.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
