import batch from '../data/operations-microsoft-batch.json';
import network from '../data/operations-microsoft-network.json';
import { actionMatches } from './access';

interface OperationsList {
  readonly namespace: string;
  readonly source: string;
  /** Whether the list holds every operation of the namespace; else only those of the types in `covers`. */
  readonly complete: boolean;
  readonly covers?: readonly string[];
  readonly actions: readonly string[];
  readonly dataActions?: readonly string[];
}

/** The vendored operation lists (world/engine/data, each with its source). */
export const OPERATION_LISTS: readonly OperationsList[] = [batch as OperationsList, network as OperationsList];

/**
 * Whether an action (maybe with wildcards) names at least one published operation. Namespaces the world has no
 * list for, and types a partial list does not cover, are taken as published (the world cannot tell).
 */
export function isPublishedAction(action: string): boolean {
  const namespace = action.split('/')[0].toLowerCase();
  const list = OPERATION_LISTS.find((l) => l.namespace.toLowerCase() === namespace);
  if (!list || action.includes('*') && !/^[^*]+\/[^*]/.test(action)) return true;
  if (!list.complete) {
    const covered = (list.covers ?? []).some((t) => action.toLowerCase().startsWith(`${t.toLowerCase()}/`));
    if (!covered) return true;
  }
  return list.actions.some((op) => actionMatches(action, op));
}
