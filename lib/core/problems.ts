import { IConstruct } from 'constructs';
import { PropProblem, fieldPath } from '../rules/problems';

/**
 * Where the props of a construct came from, so that a problem found in it is reported where the user wrote the
 * value. `PrivateBatch` says its endpoint's `staticIp` came from its own `endpoints[0].staticIp`; the example app
 * says that came from `stacks[0].accounts[0].endpoints[0].staticIp` of the config file.
 */
export interface PropOrigin {
  /**
   * The construct whose props these were, e.g. the composite that built this one.
   * @default none: the props came from outside the construct tree, from `source`
   */
  readonly owner?: IConstruct;
  /**
   * The file the props came from, when there is no `owner`, e.g. `config/example.json`.
   * @default none
   */
  readonly source?: string;
  /** Where this construct's props sit among the owner's props (or in the config file), e.g. `endpoints[0]`. */
  readonly path: string;
  /**
   * Props that came from elsewhere than `<path>.<prop>`, mapped to where they came from (full paths among the
   * owner's props), e.g. `{ location: 'location' }` when every endpoint takes the owner's one location. A key is
   * a whole field (`dns.ttl`) or its first segment (`dns`, which then maps `dns.ttl` too).
   * @default none
   */
  readonly fields?: Readonly<Record<string, string>>;
}

/** A reported problem, located where the user wrote the value. */
export interface LocatedProblem {
  /** The construct the problem was found in. */
  readonly construct: IConstruct;
  /** The construct whose prop it is after following the origins: the outermost one the user built. */
  readonly owner?: IConstruct;
  /** The file the value was written in, when the origins lead out of the construct tree. */
  readonly source?: string;
  /** The field: a prop of `owner`, or a path in `source`. */
  readonly field: string;
  /** What is wrong and what is allowed. */
  readonly problem: string;
}

const REPORTED = new WeakMap<IConstruct, PropProblem[]>();
const ORIGINS = new WeakMap<IConstruct, PropOrigin>();

/**
 * Reports problems with a construct's props. They are checked at synth (`node.addValidation`), together with
 * every other construct's, so one run names every mistake; the construct goes on building meanwhile.
 */
export function reportProblems(scope: IConstruct, problems: readonly PropProblem[]): void {
  if (problems.length === 0) return;
  let list = REPORTED.get(scope);
  if (!list) {
    const reported: PropProblem[] = [];
    REPORTED.set(scope, reported);
    scope.node.addValidation({ validate: () => reported.map((p) => formatProblem(locate(scope, p))) });
    list = reported;
  }
  list.push(...problems);
}

/**
 * An error that names every problem, for the rare prop that the construct cannot be built without (a value the
 * constructor must read). Prefer {@link reportProblems}.
 */
export function problemsError(scope: IConstruct, problems: readonly PropProblem[]): Error {
  return new Error(problems.map((p) => formatProblem(locate(scope, p))).join('\n'));
}

/** Records where the props of `construct` came from (see {@link PropOrigin}). */
export function setPropOrigin(construct: IConstruct, origin: PropOrigin): void {
  ORIGINS.set(construct, origin);
}

/** Where a problem with `field` of `construct` was written, following the prop origins outwards. */
export function locate(construct: IConstruct, problem: PropProblem): LocatedProblem {
  let owner: IConstruct | undefined = construct;
  let source: string | undefined;
  let field = problem.field;
  const seen = new Set<IConstruct>();
  while (owner && !seen.has(owner)) {
    seen.add(owner);
    const origin = ORIGINS.get(owner);
    if (!origin) break;
    const exact = origin.fields?.[field];
    const mapped = origin.fields?.[rootOf(field)];
    field = exact ?? (mapped !== undefined ? mapped + field.slice(rootOf(field).length) : fieldPath(origin.path, field));
    owner = origin.owner;
    source = origin.source;
  }
  return { construct, owner, source, field, problem: problem.problem };
}

/** Every problem reported in the tree under `root` (itself included), located. */
export function problemsIn(root: IConstruct): LocatedProblem[] {
  return root.node.findAll().flatMap((c) => (REPORTED.get(c) ?? []).map((p) => locate(c, p)));
}

/**
 * Where the nearest construct at or above `construct` came from in a file, e.g. `{ source: 'config/example.json',
 * path: 'stacks[0].accounts[0]' }` for a resource inside an account the example app built from its config.
 */
export function fileOrigin(construct: IConstruct): { source: string; path: string } | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    if (!ORIGINS.has(scope)) continue;
    const located = locate(scope, { field: '', problem: '' });
    if (located.source !== undefined) return { source: located.source, path: located.field };
  }
  return undefined;
}

/**
 * Says which prop of `owner` each Terraform attribute of `resource` (a provider resource the owner built) was
 * made from, e.g. `{ 'ip_configuration.private_ip_address': 'staticIp' }`, so that a stack guard's finding on the
 * attribute is reported where the user wrote the prop.
 */
export function mapAttributes(resource: IConstruct, owner: IConstruct, attributes: Readonly<Record<string, string>>): void {
  setPropOrigin(resource, { owner, path: '', fields: attributes });
}

/**
 * Where the value of a Terraform attribute of `construct` came from in a file: the field itself when the attribute
 * was mapped to a prop (see {@link mapAttributes}), else the entry the nearest construct came from.
 */
export function attributeOrigin(construct: IConstruct, attribute: string): { source: string; path: string } | undefined {
  if (ORIGINS.get(construct)?.fields?.[attribute] !== undefined) {
    const located = locate(construct, { field: attribute, problem: '' });
    if (located.source !== undefined) return { source: located.source, path: located.field };
  }
  return fileOrigin(construct);
}

/**
 * The form synth errors take: `<construct path>: <prop> <problem>` for a construct's prop, or
 * `<file>: <field>: <problem>` when the value came from a file.
 */
export function formatProblem(located: LocatedProblem): string {
  if (located.owner) return `${located.owner.node.path}: ${located.field} ${located.problem}`;
  return `${located.source ?? '(input)'}: ${located.field}: ${located.problem}`;
}

/** The first segment of a field path: `dns` of `dns.ttl`, `endpoints` of `endpoints[0].name`. */
function rootOf(field: string): string {
  return /^[^.[]*/.exec(field)![0];
}
