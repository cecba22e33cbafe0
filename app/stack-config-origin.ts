import { IConstruct } from 'constructs';
import { setPropOrigin } from '../lib/core/problems';
import { fieldPath } from '../lib/rules/problems';

/** Where a stack's config sits: the file, and the stack's path in it (`stacks[0]`). */
export interface StackConfigLocation {
  /** The config file, as the user named it. */
  readonly file: string;
  /** The stack's entry, e.g. `stacks[0]`. */
  readonly path: string;
}

/**
 * Records that a construct's props came from `path` of a stack's config entry, so that a problem found in it
 * names the config field. `fields` maps props that came from elsewhere in the entry (paths relative to it).
 */
export type ConfigOrigin = (construct: IConstruct, path: string, fields?: Record<string, string>) => void;

/** The {@link ConfigOrigin} of the stack's entry at `at`. */
export function configOrigin(at: StackConfigLocation): ConfigOrigin {
  const inStack = (field: string): string => fieldPath(at.path, field);
  return (construct, path, fields = {}) => setPropOrigin(construct, {
    source: at.file,
    path: inStack(path),
    fields: Object.fromEntries(Object.entries(fields).map(([prop, field]) => [prop, inStack(field)])),
  });
}
