/** Intake and resolution types of a service, loaded as a tree and flattened with each type's full path for pickers. */
import { useEffect, useState } from 'react';
import { categoriesApi } from './api/rules';
import type { CategoryKind, CategoryNode } from './api/types';

/** An intake or resolution type, flattened from its tree with its full path for display. */
export interface CategoryOption {
  id: string;
  name: string;
  /** Names from the root, e.g. `결제 › 카드결제 › 환불`. */
  path: string;
  depth: number;
  enabled: boolean;
}

function flatten(nodes: CategoryNode[], parents: string[] = []): CategoryOption[] {
  return nodes.flatMap((node) => {
    const names = [...parents, node.name];
    return [
      { id: node.id, name: node.name, path: names.join(' › '), depth: node.depth, enabled: node.enabled },
      ...flatten(node.children, names),
    ];
  });
}

/** `undefined` while loading, `null` when the route is unavailable. */
export function useCategories(serviceId: string, kind: CategoryKind): CategoryOption[] | null | undefined {
  const [state, setState] = useState<{ serviceId: string; options: CategoryOption[] | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    categoriesApi
      .tree(serviceId, kind)
      .then((tree) => !cancelled && setState({ serviceId, options: flatten(tree) }))
      .catch(() => !cancelled && setState({ serviceId, options: null }));
    return () => {
      cancelled = true;
    };
  }, [serviceId, kind]);
  return state?.serviceId === serviceId ? state.options : undefined;
}
