/** The task lists (내 처리중 … 스팸) with their counts; digits 1–9 jump to them. */
import type { TicketList } from '../api/types';
import { Icon, type IconName } from '../components/icons';
import { useI18n } from '../i18n';
import { hrefFor } from '../router';
import { LISTS } from '../vocabulary';
import { formatCount, type ListCounts } from './useListCounts';

const LIST_ICONS: Record<TicketList, IconName> = {
  mine_in_progress: 'user',
  mine_on_hold: 'pause',
  mine_resolved: 'check',
  mine_closed: 'archive',
  all: 'layers',
  unassigned: 'inbox',
  my_groups: 'users',
  transferred: 'shuffle',
  spam: 'ban',
};

export function Sidebar({ active, counts }: { active: TicketList; counts: ListCounts }) {
  const { t } = useI18n();
  const sections = ['mine', 'team'] as const;

  return (
    <nav className="sidebar" aria-label={t('workspace.sidebar.label')}>
      {sections.map((section) => (
        <div key={section} className="sidebar-section">
          <h3 className="sidebar-heading">{t(`workspace.section.${section}`)}</h3>
          <ul>
            {LISTS.filter((list) => list.section === section).map((list) => {
              const index = LISTS.indexOf(list) + 1;
              const count = counts.counts[list.id];
              const label = t(`workspace.list.${list.id}`);
              return (
                <li key={list.id}>
                  <a
                    href={hrefFor({ name: 'inbox', list: list.id })}
                    className={`sidebar-link${active === list.id ? ' active' : ''}`}
                    aria-current={active === list.id ? 'page' : undefined}
                    title={t('workspace.sidebar.link', { list: label, index: String(index) })}
                  >
                    <Icon name={LIST_ICONS[list.id]} />
                    <span className="sidebar-label">{label}</span>
                    <span className={`count${list.id === 'unassigned' && (count ?? 0) > 0 ? ' attention' : ''}`}>
                      {counts.loading && count === undefined ? <span className="count-skeleton" /> : formatCount(count)}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
