/** The keyboard shortcuts, opened with `?`. */
import { Dialog } from './components/dialog';
import { Kbd } from './components/feedback';

const GROUPS: { title: string; keys: [string[], string][] }[] = [
  {
    title: 'Ticket list · 목록',
    keys: [
      [['j', '↓'], 'Next ticket'],
      [['k', '↑'], 'Previous ticket'],
      [['Enter'], 'Open the highlighted ticket'],
      [['Esc'], 'Close the ticket'],
      [['/'], 'Search loaded tickets'],
      [['1', '…', '9'], 'Switch task list'],
      [['r'], 'Refresh'],
      [['n'], 'New ticket'],
    ],
  },
  {
    title: 'Open ticket · 티켓',
    keys: [
      [['c'], 'Write a reply or note'],
      [['Ctrl', 'Enter'], 'Send what you wrote'],
      [['h'], 'Switch conversation / event log'],
    ],
  },
  {
    title: 'Rule studio · 트리거',
    keys: [
      [['Alt', '↑'], 'Move the focused trigger up'],
      [['Alt', '↓'], 'Move the focused trigger down'],
      [['Ctrl', 'S'], 'Save the open trigger'],
      [['Delete'], 'Remove the selected node or edge'],
    ],
  },
  {
    title: 'Anywhere · 전체',
    keys: [
      [['?'], 'This help'],
    ],
  },
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" subtitle="단축키" onClose={onClose} width={560}>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl className="shortcut-list">
              {group.keys.map(([keys, description]) => (
                <div key={description}>
                  <dt>
                    {keys.map((key) => (key === '…' ? <span key={key} className="muted">…</span> : <Kbd key={key}>{key}</Kbd>))}
                  </dt>
                  <dd>{description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
