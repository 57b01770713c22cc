/** The task lists (내 처리중 … 스팸) with their counts; digits 1–9 jump to them. */
import type { TicketList } from '../api/types';
import { Icon, type IconName } from '../components/icons';
import { useLang } from '../i18n';
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
  const { t, other } = useLang();
  const sections = [
    { id: 'mine', title: 'My work · 내 업무' },
    { id: 'team', title: 'Team · 전체 업무' },
  ] as const;

  return (
    <nav className="sidebar" aria-label="Task lists">
      {sections.map((section) => (
        <div key={section.id} className="sidebar-section">
          <h3 className="sidebar-heading">{section.title}</h3>
          <ul>
            {LISTS.filter((list) => list.section === section.id).map((list) => {
              const index = LISTS.indexOf(list) + 1;
              const count = counts.counts[list.id];
              return (
                <li key={list.id}>
                  <a
                    href={hrefFor({ name: 'inbox', list: list.id })}
                    className={`sidebar-link${active === list.id ? ' active' : ''}`}
                    aria-current={active === list.id ? 'page' : undefined}
                    title={`${t(list.label)} · ${other(list.label)} (${index})`}
                  >
                    <Icon name={LIST_ICONS[list.id]} />
                    <span className="sidebar-label">
                      <span>{t(list.label)}</span>
                      <span className="sidebar-sub">{other(list.label)}</span>
                    </span>
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
