/** The keyboard shortcuts, opened with `?`. */
import { Dialog } from './components/dialog';
import { Kbd } from './components/feedback';
import { useI18n, type MessageKey } from './i18n';

/** A key cap: a character shown as typed, or a key name from the catalogue. */
type Key = string | { name: MessageKey };

const ENTER: Key = { name: 'shell.help.key.enter' };
const ESCAPE: Key = { name: 'shell.help.key.escape' };
const CTRL: Key = { name: 'shell.help.key.ctrl' };
const ALT: Key = { name: 'shell.help.key.alt' };
const SHIFT: Key = { name: 'shell.help.key.shift' };
const DELETE: Key = { name: 'shell.help.key.delete' };

const GROUPS: { title: MessageKey; keys: [Key[], MessageKey][] }[] = [
  {
    title: 'shell.help.list.title',
    keys: [
      [['j', '↓'], 'shell.help.list.next'],
      [['k', '↑'], 'shell.help.list.previous'],
      [[ENTER], 'shell.help.list.open'],
      [[ESCAPE], 'shell.help.list.close'],
      [['/'], 'shell.help.list.search'],
      [['1', '…', '9'], 'shell.help.list.switchList'],
      [['r'], 'shell.help.list.refresh'],
      [['n'], 'shell.help.list.create'],
      [['x'], 'desk.select.shortcut'],
    ],
  },
  {
    title: 'shell.help.ticket.title',
    keys: [
      [['t'], 'shell.help.ticket.take'],
      [['e'], 'shell.help.ticket.resolve'],
      [['c'], 'shell.help.ticket.write'],
      [[CTRL, ENTER], 'shell.help.ticket.send'],
      [[CTRL, SHIFT, ENTER], 'shell.help.ticket.sendNext'],
      [['h'], 'shell.help.ticket.switchTab'],
    ],
  },
  {
    title: 'shell.help.rules.title',
    keys: [
      [[ALT, '↑'], 'shell.help.rules.moveUp'],
      [[ALT, '↓'], 'shell.help.rules.moveDown'],
      [[CTRL, 'S'], 'shell.help.rules.save'],
      [['/'], 'shell.help.rules.add'],
      [['←', '→', '↑', '↓'], 'shell.help.rules.navigate'],
      [[ENTER], 'shell.help.rules.edit'],
      [[ESCAPE], 'shell.help.rules.backToCanvas'],
      [[DELETE], 'shell.help.rules.remove'],
      [[CTRL, 'Z'], 'shell.help.rules.undo'],
      [[CTRL, SHIFT, 'Z'], 'shell.help.rules.redo'],
      [[CTRL, 'C'], 'shell.help.rules.copy'],
      [[CTRL, 'V'], 'shell.help.rules.paste'],
      [[CTRL, 'D'], 'shell.help.rules.duplicate'],
    ],
  },
  {
    title: 'shell.help.anywhere.title',
    keys: [[['?'], 'shell.help.anywhere.help']],
  },
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const cap = (key: Key) => (typeof key === 'string' ? key : t(key.name));
  return (
    <Dialog open={open} title={t('shell.help.title')} onClose={onClose} width={560}>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group.title}>
            <h3>{t(group.title)}</h3>
            <dl className="shortcut-list">
              {group.keys.map(([keys, description]) => (
                <div key={description}>
                  <dt>
                    {keys.map((key) => (key === '…' ? <span key={key} className="muted">…</span> : <Kbd key={cap(key)}>{cap(key)}</Kbd>))}
                  </dt>
                  <dd>{t(description)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
