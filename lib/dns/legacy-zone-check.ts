import { Construct } from 'constructs';
import { Lazy, TerraformProvider } from 'cdktf';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { stableAddress } from '../core/addresses';
import { CheckBlock } from '../terraform/check-block';
import { AzureCloud } from '../rules/clouds';
import { legacyZonesLogicalId } from '../rules/logical-ids';
import {
  legacyZonesExpression, legacyZonesFoundMessage, legacyZoneNames, PRIVATE_DNS_ZONES_TYPE, resourceGroupId, ZONES_QUERY, ZoneRef,
} from '../rules/zone-records';

/** What the legacy zone check of one zone looks for. */
export interface LegacyZoneCheckOptions {
  /** The zone. */
  readonly zone: ZoneRef;
  /** What keeps the check's address apart from another zone's of its name. */
  readonly addressQualifier?: readonly string[];
  /** The cloud of the zone. */
  readonly cloud: AzureCloud;
  /** The azapi provider of the read. */
  readonly azapiProvider: TerraformProvider;
  /** The regions of the zone's accounts known at synth; complete once every endpoint is made. */
  readonly regions: () => string[];
  /** The literal IDs of the VNets the zone is linked to; complete once every link is made. */
  readonly vnetIds: readonly string[];
}

/**
 * The legacy zone check (`check.legacy_zones_<zone>`), made in the zone healing's own scope: one check whose scoped
 * read lists the zones of the zone's resource group, so that credentials that cannot list them get a warning, never a
 * failed plan (an optional read; a check's data source cannot feed a second read, so the links of a legacy zone found
 * are left to the commands the warning gives).
 */
export function addLegacyZoneCheck(scope: Construct, options: LegacyZoneCheckOptions): void {
  const { zone, azapiProvider } = options;
  const id = legacyZonesLogicalId(zone.zoneName, options.addressQualifier);
  const check = new CheckBlock(scope, 'LegacyZoneCheck', { name: id });
  const zones = check.scope(stableAddress(new AzapiDataResourceList(check, 'Zones', {
    type: PRIVATE_DNS_ZONES_TYPE,
    parentId: resourceGroupId(zone),
    responseExportValues: { zones: ZONES_QUERY },
    provider: azapiProvider,
  }), id));
  const found = Lazy.stringValue({
    produce: () => legacyZonesExpression(`data.${zones.terraformResourceType}.${id}.output`, legacyZoneNames(options.regions(), options.cloud)),
  });
  check.addAssertion({
    condition: `\${length(${found}) == 0}`,
    errorMessage: Lazy.stringValue({ produce: () => legacyZonesFoundMessage(zone, found, options.vnetIds) }),
  });
}
