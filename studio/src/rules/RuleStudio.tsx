/**
 * The rule studio: a service's draft triggers (list, order, on/off), the open trigger drawn as a graph and edited
 * node by node, publishing, the version history with rollback, and a simulator. Everything goes through the
 * trigger, rule-version and simulate routes; the graph is the plain JSON of rules/graph.ts. The open trigger and its
 * unsaved drawing are kept while the admin visits another screen (`kept.ts`).
 */
import './rules.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newTrigger } from './nodes';
import { triggersApi } from '../api/rules';
import type { DirectoryService, Simulation, Trigger, TriggerList as TriggerListData } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { EmptyState, ErrorBanner, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useMe } from '../session';
import { RuleLookupsProvider, useCanEditRules, useRuleLookups } from './context';
import { OpenTrigger } from './OpenTrigger';
import { PublishDialog } from './PublishDialog';
import { SimulatePanel } from './SimulatePanel';
import type { ShownSimulation } from './SimulationBar';
import { TriggerList } from './TriggerList';
import { forgetKept, keptScope, markUnsaved, useKept } from './kept';
import { useTriggerDrafts } from './useTriggerDrafts';
import type { EditorSession } from './useTriggerEditor';
import { VersionsDrawer } from './VersionsDrawer';

/** Where the studio remembers the service last opened. */
const LAST_SERVICE_KEY = 'contactflow.rules.service';

export default function RuleStudio({ serviceId: routeServiceId }: { serviceId?: string }) {
  const { t } = useI18n();
  const { services } = useDirectory();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), 4000);
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (routeServiceId) localStorage.setItem(LAST_SERVICE_KEY, routeServiceId);
  }, [routeServiceId]);

  // Back from the workspace, the studio opens the service last worked on, not the first one.
  const remembered = services?.find((service) => service.id === localStorage.getItem(LAST_SERVICE_KEY));
  const fallback = remembered ?? services?.find((service) => service.kind !== 'issue') ?? services?.[0];
  const serviceId = routeServiceId ?? fallback?.id;
  if (!serviceId) {
    if (services === null && !waited) return <LoadingBlock label={t('rules.studio.loadingServices')} />;
    return (
      <div className="rule-studio">
        <EmptyState icon="layers" title={t('rules.studio.noService')}>
          <p>{t('rules.studio.noServiceBody')}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <RuleLookupsProvider serviceId={serviceId}>
      <ServiceRules key={serviceId} serviceId={serviceId} services={services} />
    </RuleLookupsProvider>
  );
}

type SideTab = 'node' | 'simulate' | 'json';

function ServiceRules({ serviceId, services }: { serviceId: string; services: DirectoryService[] | null }) {
  const { t } = useI18n();
  const toast = useToast();
  const lookups = useRuleLookups();
  const drafts = useTriggerDrafts(serviceId);
  const canEdit = useCanEditRules();
  const scope = keptScope(useMe().id, serviceId);
  const [session, setSession] = useKept<EditorSession | null>(`${scope}:session`, () => null);
  const [dirty, setDirty] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('node');
  const [nodeSlot, setNodeSlot] = useState<HTMLDivElement | null>(null);
  const [jsonSlot, setJsonSlot] = useState<HTMLDivElement | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<string>>(new Set());
  const [reordering, setReordering] = useState(false);
  const [listProblem, setListProblem] = useState<unknown>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [versionsGeneration, setVersionsGeneration] = useState(0);
  const [pendingDiscard, setPendingDiscard] = useState<(() => void) | null>(null);
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  /** The pass of the simulation shown on the graph (0-based), or null when it is not shown there. */
  const [graphPass, setGraphPass] = useState<number | null>(null);

  const list = drafts.list;
  const triggers = list?.triggers ?? null;
  const openDirty = session !== null && dirty;
  const dirtyRef = useRef(openDirty);
  dirtyRef.current = openDirty;

  /** Runs `action` at once, or after the admin agrees to drop the open trigger's unsaved edits. */
  const guard = useCallback((action: () => void) => {
    if (dirtyRef.current) setPendingDiscard(() => action);
    else action();
  }, []);

  // Not cleared when the studio unmounts: the edits are kept, and the browser still asks before they are lost.
  useEffect(() => markUnsaved(scope, openDirty), [scope, openDirty]);

  const openTrigger = (id: string) => {
    if (session?.key === id) return;
    const trigger = triggers?.find((candidate) => candidate.id === id);
    if (!trigger) return;
    guard(() => {
      setSession({ key: trigger.id, saved: trigger, isNew: false });
      setDirty(false);
      setSideTab('node');
    });
  };

  const createTrigger = () =>
    guard(() => {
      setSession({ key: `new-${Date.now()}`, saved: newTrigger(lookups, triggers?.length ?? 0, t('rules.trigger.defaultTitle')), isNew: true });
      setDirty(true);
      setSideTab('node');
    });

  const onSaved = (saved: Trigger) => {
    setSession((current) => (current ? { ...current, saved, isNew: false } : current));
    void drafts.reload({ quiet: true });
  };

  /** A copy of a saved trigger, created at once as a draft of its own, switched off so it never runs twice by surprise. */
  async function duplicate(trigger: Trigger) {
    setListProblem(null);
    try {
      const { id: _id, position: _position, ...definition } = trigger;
      const title = t('rules.duplicate.title', { title: trigger.title }).slice(0, 200);
      const created = await triggersApi.create(serviceId, { ...definition, title, enabled: false });
      toast(t('rules.duplicate.created', { title: created.title }));
      await drafts.reload({ quiet: true });
      if (!dirtyRef.current) setSession({ key: created.id, saved: created, isNew: false });
    } catch (error) {
      setListProblem(error);
    }
  }

  /** Nothing open any more, and nothing kept: reopening the trigger later draws it afresh. */
  const closeSession = () => {
    forgetKept(scope);
    setSession(null);
    setDirty(false);
  };

  const onClosed = (deleted: boolean) => {
    closeSession();
    if (deleted) void drafts.reload({ quiet: true });
  };

  async function toggle(trigger: Trigger) {
    setListProblem(null);
    setToggling((latest) => new Set(latest).add(trigger.id));
    try {
      const updated = await triggersApi.setEnabled(trigger.id, !trigger.enabled);
      if (list) drafts.replace({ ...list, triggers: list.triggers.map((candidate) => (candidate.id === updated.id ? updated : candidate)) });
      setSession((current) => (current && !current.isNew && current.saved.id === updated.id ? { ...current, saved: { ...current.saved, enabled: updated.enabled } } : current));
      toast(updated.enabled ? t('rules.studio.enabled', { title: updated.title }) : t('rules.studio.disabled', { title: updated.title }));
      void drafts.reload({ quiet: true });
    } catch (error) {
      setListProblem(error);
    } finally {
      setToggling((latest) => {
        const next = new Set(latest);
        next.delete(trigger.id);
        return next;
      });
    }
  }

  async function reorder(ids: string[]) {
    if (!list) return;
    setListProblem(null);
    const byId = new Map(list.triggers.map((trigger) => [trigger.id, trigger]));
    const previous = list;
    drafts.replace({ ...list, triggers: ids.map((id, position) => ({ ...byId.get(id)!, position })) });
    setReordering(true);
    try {
      drafts.replace(await triggersApi.reorder(serviceId, ids));
    } catch (error) {
      drafts.replace(previous);
      setListProblem(error);
    } finally {
      setReordering(false);
    }
  }

  /** A new version is live (published or rolled back): the badge, the version lists and the drafts change. */
  const afterNewVersion = () => {
    setVersionsGeneration((value) => value + 1);
    void drafts.reload({ quiet: true });
  };

  const onRolledBack = () => {
    afterNewVersion();
    // The drafts are now the rolled-back triggers; whatever was open may no longer exist or be different.
    closeSession();
    setVersionsOpen(false);
  };

  const switchService = (next: string) => guard(() => navigate({ name: 'rules', serviceId: next }));

  const showNodePanel = useCallback(() => setSideTab('node'), []);
  const showSimulation = useCallback((next: Simulation | null) => {
    setSimulation(next);
    setGraphPass(next ? 0 : null);
  }, []);
  const shownSimulation = useMemo<ShownSimulation | null>(
    () => (simulation && graphPass !== null ? { passes: simulation.trace.passes, pass: graphPass, onPass: setGraphPass, onClose: () => setGraphPass(null) } : null),
    [simulation, graphPass],
  );
  const graphLink = useMemo(() => ({ pass: graphPass === null ? null : graphPass + 1, onShow: setGraphPass }), [graphPass]);
  const enabledCount = useMemo(() => (triggers ?? []).filter((trigger) => trigger.enabled).length, [triggers]);

  return (
    <div className="rule-studio">
      <header className="rule-header">
        <div className="rule-header-start">
          <h1>{t('rules.studio.title')}</h1>
          <label className="service-picker">
            <span className="sr-only">{t('rules.studio.service')}</span>
            <Icon name="layers" size={14} />
            <select value={serviceId} onChange={(event) => switchService(event.target.value)} aria-label={t('rules.studio.service')}>
              {(services ?? [{ id: serviceId, name: serviceId, kind: 'consultation' as const }]).map((service) => (
                <option key={service.id} value={service.id}>
                  {service.kind === 'issue' ? t('rules.studio.issueService', { name: service.name }) : service.name}
                </option>
              ))}
            </select>
          </label>
          <PublishState list={list} />
        </div>
        <div className="row">
          <button type="button" className="button" onClick={() => setVersionsOpen(true)}>
            <Icon name="history" size={14} /> {t('rules.studio.versions')}
          </button>
          {canEdit && (
            <button
              type="button"
              className="button primary"
              onClick={() => setPublishOpen(true)}
              disabled={!list || !list.unpublishedChanges}
              title={list && !list.unpublishedChanges ? t('rules.studio.nothingToPublish') : t('rules.studio.publishHint')}
            >
              <Icon name="upload" size={14} /> {t('rules.studio.publish')}
            </button>
          )}
        </div>
      </header>
      <div className="rule-body">
        <TriggerList
          triggers={triggers}
          loading={drafts.loading}
          error={drafts.error}
          openId={session && !session.isNew ? session.saved.id : null}
          openDirty={openDirty}
          hasNew={session?.isNew ?? false}
          toggling={toggling}
          reordering={reordering}
          onOpen={openTrigger}
          onToggle={(trigger) => void toggle(trigger)}
          onReorder={(ids) => void reorder(ids)}
          onNew={createTrigger}
          onDuplicate={(trigger) => void duplicate(trigger)}
          onRetry={() => void drafts.reload()}
        />
        <section className="rule-canvas" aria-label={t('rules.studio.canvas')}>
          {listProblem !== null && (
            <div className="editor-problem">
              <ErrorBanner error={listProblem} onDismiss={() => setListProblem(null)} />
            </div>
          )}
          {session ? (
            <OpenTrigger
              session={session}
              serviceId={serviceId}
              nodeSlot={nodeSlot}
              jsonSlot={jsonSlot}
              simulation={shownSimulation}
              onDirtyChange={setDirty}
              onSaved={onSaved}
              onClosed={onClosed}
              onShowNodePanel={showNodePanel}
            />
          ) : (
            <div className="canvas-empty">
              <EmptyState icon="flow" title={triggers?.length ? t('rules.studio.pickTrigger') : t('rules.studio.firstTrigger')}>
                <p>{triggers?.length ? t('rules.studio.pickTriggerBody') : t('rules.studio.firstTriggerBody')}</p>
                <button type="button" className="button primary small" onClick={createTrigger}>
                  <Icon name="plus" size={13} /> {t('rules.studio.newTrigger')}
                </button>
              </EmptyState>
            </div>
          )}
        </section>
        <aside className="rule-side" aria-label={t('rules.studio.inspector')}>
          <div className="side-tabs" role="tablist" aria-label={t('rules.studio.panels')}>
            <button type="button" role="tab" aria-selected={sideTab === 'node'} onClick={() => setSideTab('node')}>
              <Icon name="flow" size={14} /> {t('rules.studio.edit')}
            </button>
            <button type="button" role="tab" aria-selected={sideTab === 'simulate'} onClick={() => setSideTab('simulate')}>
              <Icon name="play" size={13} /> {t('rules.studio.simulate')}
            </button>
            <button type="button" role="tab" aria-selected={sideTab === 'json'} onClick={() => setSideTab('json')}>
              <Icon name="code" size={13} /> {t('rules.studio.json')}
            </button>
          </div>
          <div className="side-body" role="tabpanel" hidden={sideTab !== 'node'}>
            <div ref={setNodeSlot} />
            {!session && (
              <EmptyState icon="flow" title={t('rules.studio.nothingOpen')}>
                <p>{t('rules.studio.nothingOpenBody')}</p>
              </EmptyState>
            )}
          </div>
          <div className="side-body" role="tabpanel" hidden={sideTab !== 'json'}>
            <div ref={setJsonSlot} />
            {!session && (
              <EmptyState icon="code" title={t('rules.studio.nothingOpen')}>
                <p>{t('rules.studio.nothingOpenJson')}</p>
              </EmptyState>
            )}
          </div>
          <div className="side-body" role="tabpanel" hidden={sideTab !== 'simulate'}>
            <SimulatePanel
              serviceId={serviceId}
              hasPublished={Boolean(list?.publishedVersion)}
              versionsGeneration={versionsGeneration}
              unsavedEdits={openDirty}
              simulation={simulation}
              onSimulation={showSimulation}
              graph={session ? graphLink : undefined}
              onOpenTrigger={(id) => {
                openTrigger(id);
              }}
            />
          </div>
        </aside>
      </div>

      <PublishDialog
        open={publishOpen}
        serviceId={serviceId}
        drafts={triggers ?? []}
        enabledCount={enabledCount}
        nextNumber={(list?.publishedVersion?.number ?? 0) + 1}
        unsavedEdits={openDirty}
        onClose={() => setPublishOpen(false)}
        onPublished={(version) => {
          setPublishOpen(false);
          toast(t('rules.studio.published', { number: version.number }));
          afterNewVersion();
        }}
      />
      <VersionsDrawer
        open={versionsOpen}
        serviceId={serviceId}
        generation={versionsGeneration}
        drafts={triggers ?? []}
        unsavedEdits={openDirty}
        onClose={() => setVersionsOpen(false)}
        onRolledBack={onRolledBack}
      />
      <ConfirmDialog
        open={pendingDiscard !== null}
        title={t('rules.studio.discardTitle')}
        confirmLabel={t('rules.studio.discard')}
        danger
        onConfirm={() => {
          const action = pendingDiscard;
          setPendingDiscard(null);
          setDirty(false);
          dirtyRef.current = false;
          forgetKept(scope);
          action?.();
        }}
        onClose={() => setPendingDiscard(null)}
      >
        <p>{t('rules.studio.discardBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function PublishState({ list }: { list: TriggerListData | null }) {
  const { t, formatDateTime } = useI18n();
  if (!list) return null;
  const published = list.publishedVersion;
  if (list.unpublishedChanges) {
    return (
      <span className="badge tone-amber" title={published ? t('rules.publishState.live', { number: published.number }) : t('rules.publishState.nothingPublished')}>
        <span className="badge-dot" aria-hidden="true" />
        {published ? t('rules.publishState.unpublishedLive', { number: published.number }) : t('rules.publishState.unpublished')}
      </span>
    );
  }
  if (published) {
    return (
      <span className="badge tone-green" title={formatDateTime(published.publishedAt)}>
        <span className="badge-dot" aria-hidden="true" />
        {t('rules.publishState.published', { number: published.number })}
      </span>
    );
  }
  return (
    <span className="badge tone-slate">
      <span className="badge-dot" aria-hidden="true" />
      {t('rules.publishState.never')}
    </span>
  );
}
