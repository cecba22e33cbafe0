import { ArmError } from './errors';
import { keyOf, sameType } from './ids';
import { ArmResource, World } from './world';

/**
 * Faults the world declares (docs/azure-world.md): an operation on a matching resource fails with the given error,
 * whatever the rules say. A fault with `times` fires that many times, counted down in the world file.
 */
export function checkFaults(world: World, operation: 'create' | 'update' | 'delete' | 'read', resource: Pick<ArmResource, 'id' | 'type' | 'name'>): void {
  const fault = world.faults.find((f) => (f.operation ?? 'create') === operation &&
    (f.type === undefined || sameType(f.type, resource.type)) &&
    (f.name === undefined || f.name.toLowerCase() === resource.name.toLowerCase()) &&
    (f.id === undefined || keyOf(f.id) === keyOf(resource.id)) &&
    (f.times === undefined || f.times > 0));
  if (!fault) return;
  if (fault.times !== undefined) fault.times -= 1;
  throw new ArmError(fault.status ?? 400, fault.code, fault.message);
}
