import { badRequest, conflict } from '../arm/errors';
import { keyOf, parseId } from '../arm/ids';
import { LOCK_TYPE } from '../arm/locks';
import { registerType } from '../arm/type-rules';

export const DIAGNOSTIC_SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings';

/** Lock levels (Learn: azure-resource-manager/management/lock-resources): CanNotDelete or ReadOnly. */
registerType({
  type: LOCK_TYPE,
  put(_ctx, lock) {
    const level = String(lock.properties.level);
    if (level !== 'CanNotDelete' && level !== 'ReadOnly') throw badRequest('InvalidLockLevel', `The lock level '${level}' is invalid: CanNotDelete or ReadOnly.`);
    return lock;
  },
});

/**
 * Diagnostic settings (Learn: azure-monitor/essentials/diagnostic-settings, "Each Azure resource can have up to five
 * diagnostic settings"): at most five per resource; one category sent to one destination by two settings is 409
 * ("Data sink ... is already used in diagnostic setting ... for category ...", Azure/bicep-registry-modules#3407).
 * Unconfirmed: the code of the fifth-setting refusal.
 */
registerType({
  type: DIAGNOSTIC_SETTING_TYPE,
  put(ctx, setting) {
    const target = parseId(setting.id).parentId;
    const others = ctx.world.children(target, DIAGNOSTIC_SETTING_TYPE).filter((s) => keyOf(s.id) !== keyOf(setting.id));
    if (others.length >= 5) throw badRequest('BadRequest', `Resource '${target}' already has 5 diagnostic settings, the maximum.`);
    const sinks = (s: typeof setting) => ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId']
      .map((k) => s.properties[k]).filter((v): v is string => typeof v === 'string').map(keyOf);
    const categories = (s: typeof setting) => (s.properties.logs ?? []).filter((l: any) => l.enabled !== false).map((l: any) => String(l.category ?? l.categoryGroup));
    for (const other of others) {
      const sink = sinks(setting).find((d) => sinks(other).includes(d));
      const category = categories(setting).find((c: string) => categories(other).includes(c));
      if (sink && category) {
        throw conflict('Conflict', `Data sink '${sink}' is already used in diagnostic setting '${other.name}' for category '${category}'. Data sinks can't be reused in different settings on the same category for the same resource.`);
      }
    }
    return setting;
  },
});
