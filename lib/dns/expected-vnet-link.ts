import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { stableAddress } from '../core/addresses';
import { CheckBlock } from '../terraform/check-block';
import { expectedLinkLogicalId } from '../rules/logical-ids';
import {
  canonicalZoneId, expectedLinkMessage, VNET_LINKS_QUERY, VNET_LINKS_TYPE, vnetLinkedExpression, ZoneRef,
} from '../rules/zone-records';

/** Props of {@link ExpectedVnetLink}. */
export interface ExpectedVnetLinkProps {
  /** The zone, by the parts of its literal ID. */
  readonly zone: ZoneRef;
  /** The link's name, used in the check's address and in the command the warning suggests. */
  readonly linkName: string;
  /** The VNet's resource ID, a literal. */
  readonly virtualNetworkId: string;
  /** The azapi provider for the read, in the zone's subscription. */
  readonly azapiProvider: TerraformProvider;
}

/**
 * A link this stack relies on but does not own: a zone it does not own (a hub's) linked to a VNet outside it (the hub
 * VNet). A check (`check.expected_link_<link name>`) reads the zone's links during plan and warns when the VNet is not
 * among them, naming who must link it and how. The read is scoped to the check, so a refused read (a spoke identity
 * without Reader on the zone) is a warning too: the apply goes on whether or not the link exists, and destroy never
 * touches it.
 *
 * Why not own the link: Azure links a VNet to a zone once (a second PUT for the same VNet is refused, 409 Conflict;
 * Learn, "What is a virtual network link?"), so a spoke that creates the hub's link fails where the hub is linked
 * already, and its destroy would delete the link every spoke resolves through.
 */
export class ExpectedVnetLink extends Construct {
  /** The check. */
  public readonly check: CheckBlock;

  constructor(scope: Construct, id: string, props: ExpectedVnetLinkProps) {
    super(scope, id);
    const name = expectedLinkLogicalId(props.linkName);
    this.check = new CheckBlock(this, 'Check', { name });
    const links = this.check.scope(stableAddress(new AzapiDataResourceList(this.check, 'Links', {
      type: VNET_LINKS_TYPE,
      parentId: canonicalZoneId(props.zone),
      responseExportValues: { links: VNET_LINKS_QUERY },
      provider: props.azapiProvider,
    }), name));
    this.check.addAssertion({
      condition: `\${${vnetLinkedExpression(`data.${links.terraformResourceType}.${name}.output`, props.virtualNetworkId)}}`,
      errorMessage: expectedLinkMessage(props.zone, props.linkName, props.virtualNetworkId),
    });
  }
}
