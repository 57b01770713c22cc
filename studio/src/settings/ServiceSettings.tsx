/**
 * The frame of a settings page (admins): the settings navigation, the title and the page's main action. Agents
 * who are not admins see why there is nothing here. {@link ServiceSettings} adds the service the page edits (from
 * the route, else the first consultation service) and a picker to switch it.
 */
import './settings.css';
import type { ReactNode } from 'react';
import { EmptyState, LoadingBlock } from '../components/feedback';
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

export function ServiceSettings({
  serviceId: routeServiceId,
  loading,
  children,
  ...frame
}: FrameProps & {
  serviceId?: string;
  /** What the page says while the services load. */
  loading: MessageKey;
  children: (serviceId: string) => ReactNode;
}) {
  const { t } = useI18n();
  const { services } = useDirectory();
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
    <SettingsFrame {...frame} serviceId={serviceId} picker={picker}>
      {serviceId ? (
        children(serviceId)
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
