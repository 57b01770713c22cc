/**
 * The settings section's own navigation (관리): one entry in the top bar leads here, and this strip lists every
 * settings page, so the top bar stays short enough for a phone. It scrolls sideways on narrow screens.
 */
import { useEffect, useRef } from 'react';
import { SERVICE_SECTIONS, type AdminSection } from '../admin/sections';
import { Icon, type IconName } from '../components/icons';
import { useI18n } from '../i18n';
import { hrefFor, type Route } from '../router';

export type SettingsPage = AdminSection | 'fields' | 'templates';

const ICONS: Record<SettingsPage, IconName> = {
  agents: 'user',
  services: 'layout',
  groups: 'users',
  categories: 'filter',
  hours: 'clock',
  sla: 'alert',
  fields: 'layers',
  templates: 'message',
  tokens: 'lock',
  audit: 'history',
};

const ORDER: readonly SettingsPage[] = ['agents', 'services', 'groups', 'categories', 'hours', 'sla', 'fields', 'templates', 'tokens', 'audit'];

/** The route of a settings page, for the service given when the page is one service's. */
export function settingsRoute(page: SettingsPage, serviceId?: string): Route {
  if (page === 'fields' || page === 'templates') return { name: page, serviceId };
  return { name: 'admin', section: page, serviceId: SERVICE_SECTIONS.includes(page) ? serviceId : undefined };
}

export function SettingsNav({ current, serviceId }: { current: SettingsPage; serviceId?: string }) {
  const { t } = useI18n();
  const nav = useRef<HTMLElement>(null);
  // On a phone the strip scrolls sideways; the current page's link is brought into view.
  useEffect(() => {
    nav.current?.querySelector('a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <nav ref={nav} className="settings-nav" aria-label={t('admin.nav.label')}>
      {ORDER.map((page) => (
        <a key={page} href={hrefFor(settingsRoute(page, serviceId))} aria-current={page === current ? 'page' : undefined}>
          <Icon name={ICONS[page]} size={14} />
          {t(`admin.nav.${page}`)}
        </a>
      ))}
    </nav>
  );
}
