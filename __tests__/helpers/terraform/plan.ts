import { basename, resolve } from 'path';
import { BACKEND_KEYS, copyStack } from './copy-stack';
import { withWorkspace } from './workspace';

export interface PlannedChange {
  address: string;
  type: string;
  actions: string[];
}

export interface StackPlan {
  stack: string;
  resourceChanges: PlannedChange[];
  /** The whole `terraform show -json` document of the saved plan. */
  json: {
    resource_changes?: { address: string; type: string; change: { actions: string[] } }[];
    /** The state the plan started from, with the data sources read during plan (`mode: "data"`). */
    prior_state?: { values?: { root_module?: { resources?: { address: string; mode: string }[] } } };
  };
}

/**
 * `terraform plan` of a stack dir (on a copy without its backend, so with empty local state:
 * everything is a create), then `terraform show -json` of the saved plan. Throws with
 * Terraform's output if the plan fails.
 */
export async function planStack(dir: string): Promise<StackPlan> {
  const stack = basename(resolve(dir));
  return withWorkspace(async (ws) => {
    copyStack(resolve(dir), ws.root, BACKEND_KEYS);
    const init = await ws.initialize(false);
    const plan = await ws.terraform(['plan', '-input=false', '-lock=false', '-no-color', '-out=tfcheck.tfplan']);
    if (plan.code !== 0) throw new Error(`terraform plan failed for stack ${stack}:\n${init}${plan.stderr}${plan.stdout}`);
    const show = await ws.terraform(['show', '-json', '-no-color', 'tfcheck.tfplan']);
    if (show.code !== 0) throw new Error(`terraform show failed for stack ${stack}:\n${show.stderr}`);
    const json = JSON.parse(show.stdout) as StackPlan['json'];
    const resourceChanges = (json.resource_changes ?? []).map(({ address, type, change }) => ({ address, type, actions: change.actions }));
    return { stack, resourceChanges, json };
  });
}
