import { Fragment, type ReactNode } from 'react';

/**
 * A translated message whose `{name}` placeholders are elements (a key cap, a bold subject) rather than text, so
 * each language places them where its word order needs: `rich(t('workspace.table.noMatchHint'), { key: <Kbd>Esc</Kbd> })`.
 */
export function rich(message: string, parts: Record<string, ReactNode>): ReactNode {
  return message.split(/(\{\w+\})/).map((piece, index) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={index}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>;
  });
}
