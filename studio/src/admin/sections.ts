/**
 * The pages of the settings section (관리): which exist, which belong to one service (and so carry its id in the
 * route), and the order the section's navigation lists them in. Pure, so the router and unit tests import it.
 */
export const ADMIN_SECTIONS = ['agents', 'services', 'groups', 'categories', 'hours', 'sla', 'automations', 'ivr', 'tokens', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Sections edited per service: their route names the service (`#/admin/groups/S…`). */
export const SERVICE_SECTIONS: readonly AdminSection[] = ['groups', 'categories', 'hours', 'sla', 'automations', 'ivr'];

export const isAdminSection = (value: string | undefined): value is AdminSection => ADMIN_SECTIONS.includes(value as AdminSection);
