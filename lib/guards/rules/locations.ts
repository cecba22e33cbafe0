import { normalizeLocation } from '../../rules/naming';
import { regionProblem } from '../../rules/regions';
import { Finding } from '../finding';
import { cloudOf } from '../network-view';
import { ModelResource, StackModel, isLiteral } from '../stack-model';

/**
 * Every region a resource is created in exists in the cloud its provider deploys to: eastus in AzureChinaCloud,
 * or a misspelt "US East", fails at apply. One finding per wrong value, at the first resource that has it.
 */
export function locationFindings(model: StackModel): Finding[] {
  const found = new Map<string, { resource: ModelResource; problem: string; others: number }>();
  for (const resource of model.resources) {
    const location: unknown = resource.config.location;
    if (resource.mode !== 'managed' || !isLiteral(location) || normalizeLocation(location) === 'global') continue;
    const cloud = cloudOf(model, resource);
    const problem = regionProblem(location, cloud);
    if (problem === undefined) continue;
    const key = `${cloud}|${location}`;
    const first = found.get(key);
    if (first) found.set(key, { ...first, others: first.others + 1 });
    else found.set(key, { resource, problem, others: 0 });
  }
  return [...found.values()].map(({ resource, problem, others }) => ({
    path: resource.path,
    attribute: 'location',
    value: resource.config.location,
    problem: `${problem}${others > 0 ? ` (${others} more resource${others > 1 ? 's' : ''} of the stack use${others > 1 ? '' : 's'} it too)` : ''}`,
    fix: 'use a region of the provider\'s cloud (its environment decides the cloud)',
  }));
}
