import {
  DefaultTokenResolver, StringConcat, TerraformDataSource, TerraformElement, TerraformOutput, TerraformResource, TerraformStack, Tokenization,
} from 'cdktf';
import { Finding } from './finding';

/** The address an element has in the stack's JSON, or undefined for elements that have none of their own. */
export function addressOf(element: TerraformElement): string | undefined {
  if (TerraformResource.isTerraformResource(element)) return `${element.terraformResourceType}.${element.friendlyUniqueId}`;
  if (TerraformDataSource.isTerraformDataSource(element)) return `data.${element.terraformResourceType}.${element.friendlyUniqueId}`;
  if (TerraformOutput.isTerraformOutput(element)) return element.friendlyUniqueId;
  return undefined;
}

/**
 * The finding for an element whose address another element has already. A zone's name is Azure's (its
 * cloud's `privatelink.batch.*`), and zones of one name in other resource groups or subscriptions get addresses of
 * their own: two zones at one address are one zone made twice.
 */
export function clashFinding(element: TerraformElement, address: string, otherPath: string): Finding {
  const zone = TerraformResource.isTerraformResource(element) && element.terraformResourceType === 'azurerm_private_dns_zone';
  return {
    path: element.node.path,
    attribute: 'address',
    value: address,
    problem: zone
      ? `${otherPath} makes this zone too (same name, resource group and subscription), and Terraform would merge the two into one`
      : `${otherPath} has this Terraform address too, and Terraform would merge the two into one`,
    fix: zone
      ? 'make the zone once and give it to both (dns.zone); Azure fixes the zone\'s name, so a second zone of it goes in another resource group or subscription'
      : 'give one of them another name (the address is built from the account, endpoint or link name), or call overrideLogicalId() on one',
  };
}

/**
 * Puts back, into a stack's synthesized JSON, the elements that share an address: cdktf deep-merges them into one
 * entry, which would hide from the guards what each of them asks Azure for (two links of one VNet, say). The
 * first keeps the address; the others get `<name>~2`, `<name>~3`, … which only the guards see.
 */
export function separateClashes(stack: TerraformStack, json: Record<string, any>, sharing: ReadonlyMap<string, readonly TerraformElement[]>, paths: Map<string, string>): void {
  const resolver = new DefaultTokenResolver(new StringConcat());
  for (const elements of sharing.values()) {
    if (elements.length < 2) continue;
    elements.forEach((element, i) => {
      const suffix = i === 0 ? '' : `~${i + 1}`;
      const fragment = Tokenization.resolve(element.toTerraform(), { scope: stack, resolver, preparing: false });
      for (const block of ['resource', 'data']) {
        for (const [type, byName] of Object.entries<Record<string, unknown>>(fragment[block] ?? {})) {
          for (const [name, config] of Object.entries(byName)) json[block][type][`${name}${suffix}`] = config;
        }
      }
      for (const [name, config] of Object.entries(fragment.output ?? {})) {
        json.output[`${name}${suffix}`] = config;
        paths.set(`${name}${suffix}`, element.node.path);
      }
    });
  }
}
