/**
 * The settings section (관리, admins): the page of the section the route names. Loaded as one chunk, apart from
 * the workspace, since only admins come here.
 */
import './admin.css';
import AgentsPage from './agents/AgentsPage';
import AuditPage from './audit/AuditPage';
import AutomationsPage from './automations/AutomationsPage';
import IvrRoutesPage from './ivr/IvrRoutesPage';
import GroupsPage from './groups/GroupsPage';
import CategoriesPage from './categories/CategoriesPage';
import BusinessHoursPage from './hours/BusinessHoursPage';
import type { AdminSection } from './sections';
import ServicesPage from './services/ServicesPage';
import SlaPoliciesPage from './sla/SlaPoliciesPage';
import TokensPage from './tokens/TokensPage';

export default function AdminPage({ section, serviceId }: { section: AdminSection; serviceId?: string }) {
  switch (section) {
    case 'agents':
      return <AgentsPage />;
    case 'services':
      return <ServicesPage />;
    case 'groups':
      return <GroupsPage serviceId={serviceId} />;
    case 'categories':
      return <CategoriesPage serviceId={serviceId} />;
    case 'hours':
      return <BusinessHoursPage serviceId={serviceId} />;
    case 'sla':
      return <SlaPoliciesPage serviceId={serviceId} />;
    case 'automations':
      return <AutomationsPage serviceId={serviceId} />;
    case 'ivr':
      return <IvrRoutesPage serviceId={serviceId} />;
    case 'tokens':
      return <TokensPage />;
    case 'audit':
      return <AuditPage />;
  }
}
