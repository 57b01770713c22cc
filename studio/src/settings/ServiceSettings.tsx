/**
 * The frame of a settings page (admins): the settings navigation, the title and the page's main action. Agents
 * who are not admins see why there is nothing here. {@link ServiceSettings} adds the service the page edits (from
 * the route, else the first consultation service) and a picker to switch it.
 */
import './settings.css';
import { useState, type ReactNode } from 'react';
import { EmptyState, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { navigate } from '../router';
import { useMe } from '../session';
import { SettingsNav, settingsRoute, type SettingsPage } from './SettingsNav';

interface FrameProps {
  page: SettingsPage;
  title: MessageKey;
  subtitle: MessageKey;
  action?: ReactNode;
}

export function SettingsFrame({
  page,
  title,
  subtitle,
  action,
  serviceId,
  picker,
  children,
}: FrameProps & { serviceId?: string; picker?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.role !== 'admin') {
    return (
      <EmptyState icon="lock" title={t('settings.adminsOnly.title')}>
        <p>{t('settings.adminsOnly.body')}</p>
      </EmptyState>
    );
  }
  return (
    <main className="settings-page">
      <SettingsNav current={page} serviceId={serviceId} />
      <header className="settings-header">
        <div>
          <h1>{t(title)}</h1>
          <p className="muted">{t(subtitle)}</p>
        </div>
        <div className="settings-header-actions">
          {picker}
          {action}
        </div>
      </header>
      {children}
    </main>
  );
}

/** The page's Add button asked for a new item: the list opens its dialog, then says it is done. */
export interface Creation {
  creating: boolean;
  onCreatingDone: () => void;
}

export function ServiceSettings({
  serviceId: routeServiceId,
  loading,
  addLabel,
  children,
  ...frame
}: FrameProps & {
  serviceId?: string;
  /** What the page says while the services load. */
  loading: MessageKey;
  /** The label of the page's Add button, which the frame then shows; the list hears of it through `creation`. */
  addLabel?: MessageKey;
  children: (serviceId: string, creation: Creation) => ReactNode;
}) {
  const { t } = useI18n();
  const { services } = useDirectory();
  const [creating, setCreating] = useState(false);
  const action =
    frame.action ??
    (addLabel && (
      <button type="button" className="button primary" onClick={() => setCreating(true)}>
        <Icon name="plus" size={14} /> {t(addLabel)}
      </button>
    ));
  const serviceId = routeServiceId ?? (services?.find((service) => service.kind !== 'issue') ?? services?.[0])?.id;
  const picker = services && services.length > 1 && serviceId && (
    <label className="settings-service">
      <span className="field-sub">{t('settings.service')}</span>
      <select value={serviceId} onChange={(event) => navigate(settingsRoute(frame.page, event.target.value))}>
        {services.map((service) => (
          <option key={service.id} value={service.id}>
            {service.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <SettingsFrame {...frame} action={action} serviceId={serviceId} picker={picker}>
      {serviceId ? (
        children(serviceId, { creating, onCreatingDone: () => setCreating(false) })
      ) : services === null || services === undefined ? (
        <LoadingBlock label={t(loading)} />
      ) : (
        <EmptyState icon="layers" title={t('settings.noService.title')}>
          <p>{t('settings.noService.body')}</p>
        </EmptyState>
      )}
    </SettingsFrame>
  );
}
