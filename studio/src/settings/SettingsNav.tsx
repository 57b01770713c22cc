/**
 * The settings section's own navigation (관리): one entry in the top bar leads here, and this strip lists every
 * settings page, so the top bar stays short enough for a phone. Words only, like the tabs of a page, so all twelve fit
 * one line of a desktop; it scrolls sideways on narrow screens.
 */
import { useEffect, useRef } from 'react';
import { SERVICE_SECTIONS, type AdminSection } from '../admin/sections';
import { useI18n } from '../i18n';
import { hrefFor, type Route } from '../router';

export type SettingsPage = AdminSection | 'fields' | 'templates';

const ORDER: readonly SettingsPage[] = ['agents', 'services', 'groups', 'categories', 'hours', 'sla', 'automations', 'ivr', 'fields', 'templates', 'tokens', 'audit'];

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
          {t(`admin.nav.${page}`)}
        </a>
      ))}
    </nav>
  );
}
