import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { BACKEND_KEYS, copyStack } from './copy-stack';
import { withWorkspace } from './workspace';

/** A synthesized stack's `cdk.tf.json`, parsed. */
export type StackJson = Record<string, any>;

/** One upgrade: the stack as an old version synthesized it, and as the code synthesizes it now. */
export interface UpgradeStory {
  /** Names the story (its `.tftest.hcl` file and its state): letters, digits, `_` and `-`. */
  readonly name: string;
  /** The old version's stack dir (holding its `cdk.tf.json`). */
  readonly before: string;
  /** Today's stack dir. */
  readonly after: string;
}

/** What Azure returns, for both applies of every story. */
export interface UpgradeMocks {
  /** `mock_provider` blocks (with `mock_resource` defaults where a computed value is indexed). */
  readonly providers: string;
  /** `override_data` blocks for the data sources of a stack (called with each side's JSON). @default none */
  readonly overrideData?: (json: StackJson) => string;
}

/** What `terraform test` said about the stories. */
export interface UpgradeResult {
  /** True when both runs of every story passed. */
  readonly passed: boolean;
  /** Terraform's output, to show when a story failed. */
  readonly output: string;
}

const STORY_NAME = /^[A-Za-z0-9_-]+$/;
const IDS_OUTPUT = 'tfcheck_ids';

/**
 * Plays each story with Terraform's own test framework, against mock providers: `terraform apply` of the old stack,
 * then `terraform apply` of today's stack on the same state (the runs share a `state_key`, so today's `moved`
 * blocks meet the old addresses). The story passes when every resource of the old state still has its ID after
 * the second apply: kept or moved, never destroyed (or destroyed and created again). Resources that are new today
 * are simply created. The failure names the old addresses that were lost.
 */
export async function runUpgradeStories(stories: readonly UpgradeStory[], mocks: UpgradeMocks): Promise<UpgradeResult> {
  const bad = stories.filter((s) => !STORY_NAME.test(s.name)).map((s) => s.name);
  if (bad.length > 0) throw new Error(`story names must be letters, digits, _ and -: ${bad.join(', ')}`);
  return withWorkspace(async (ws) => {
    // The stories bring their own modules; the root module under test is empty.
    mkdirSync(join(ws.root, 'tests'), { recursive: true });
    writeFileSync(join(ws.root, 'tfcheck.tf.json'), '{}');
    for (const story of stories) {
      const modules = { before: `upgrades/${story.name}/before`, after: `upgrades/${story.name}/after` };
      const before = addIdsOutput(story.before, join(ws.root, modules.before));
      const after = addIdsOutput(story.after, join(ws.root, modules.after));
      writeFileSync(join(ws.root, 'tests', `${story.name}.tftest.hcl`), storyHcl(story.name, modules, mocks, before, after));
    }
    const init = await ws.initialize(true);
    const result = await ws.terraform(['test', '-no-color']);
    const output = `${init}${result.stdout}${result.stderr}`;
    if (!/\d+ passed, \d+ failed/.test(result.stdout)) throw new Error(`terraform test gave no results (exit ${result.code}):\n${output}`);
    return { passed: result.code === 0, output };
  });
}

/** Copies a stack without its backend, and adds an output of every managed resource's ID by address. */
function addIdsOutput(from: string, to: string): StackJson {
  copyStack(resolve(from), to, BACKEND_KEYS);
  const json = readStackJson(to);
  const ids = Object.fromEntries(resourceAddresses(json).map((address) => [address, `\${${address}.id}`]));
  writeFileSync(join(to, 'tfcheck_ids.tf.json'), JSON.stringify({ output: { [IDS_OUTPUT]: { value: ids } } }, null, 2));
  return json;
}

/** `<type>.<name>` of every managed resource. */
function resourceAddresses(json: StackJson): string[] {
  return Object.entries<Record<string, unknown>>(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}

function readStackJson(dir: string): StackJson {
  const files = readdirSync(dir).filter((name) => name.endsWith('.tf.json'));
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as StackJson));
}

function storyHcl(name: string, modules: { before: string; after: string }, mocks: UpgradeMocks, before: StackJson, after: StackJson): string {
  const lost = `[for address, id in run.before.${IDS_OUTPUT} : address if !contains(values(output.${IDS_OUTPUT}), id)]`;
  return `${mocks.providers}

run "before" {
  state_key = "${name}"
  module {
    source = "./${modules.before}"
  }
${mocks.overrideData?.(before) ?? ''}
}

run "after" {
  state_key = "${name}"
  module {
    source = "./${modules.after}"
  }
${mocks.overrideData?.(after) ?? ''}
  assert {
    condition     = length(run.before.${IDS_OUTPUT}) == ${resourceAddresses(before).length}
    error_message = "The old stack was not applied whole: \${length(run.before.${IDS_OUTPUT})} resources in its state"
  }
  assert {
    condition     = length(${lost}) == 0
    error_message = "The upgrade destroys these resources of the old state (a moved block is missing): \${join(", ", ${lost})}"
  }
}
`;
}
