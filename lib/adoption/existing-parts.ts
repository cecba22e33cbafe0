import { Construct } from 'constructs';
import { TerraformIterator, TerraformLocal, TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { azapiProviderMatching } from '../azapi/provider';
import { stableAddress } from '../core/addresses';
import { ImportBlock } from '../terraform/import-block';
import {
  ADOPTABLE_TYPES, AdoptableResource, adoptionLevels, CHILD_NAMES_QUERY, importWhenExpression, listedExpression, listedNamesExpression,
  listWhenExpression,
} from '../rules/adoption';
import { adoptLogicalId, logicalId } from '../rules/logical-ids';

const PARTS = new WeakMap<TerraformStack, ExistingParts>();

/**
 * What `adopt` imports, read at plan: a resource is imported only when it exists, so a setup that lacks some parts
 * (a portal setup with only a batchAccount endpoint) plans, imports what is there and creates the rest.
 *
 * Existence is read from lists of children (`data.azapi_resource_list.exists_<type>_<parent>`), one per parent and
 * type, through the azapi provider that matches the importing azurerm provider: the resource groups of a subscription,
 * the endpoints (accounts, VNets, zones) of a resource group, the subnets of a VNet, the pools of an account, the links
 * of a zone. A list is read only when its parent is listed itself (its `for_each` is empty otherwise), since listing
 * under a missing parent fails the plan. Every list has inputs known at synth, so it is read during plan and the
 * `import` blocks' `for_each` (`local.adopt_<resource>`) is known at plan. One per stack.
 */
export class ExistingParts extends Construct {
  /** The stack's existing parts reader, made on first use. */
  public static of(scope: Construct): ExistingParts {
    const stack = TerraformStack.of(scope);
    let parts = PARTS.get(stack);
    if (!parts) PARTS.set(stack, (parts = new ExistingParts(stack, 'adopt-existing')));
    return parts;
  }

  /** The names each list holds (`local.exists_…`), by list key. */
  private readonly lists = new Map<string, string>();
  private readonly addresses = new Set<string>();

  /**
   * Imports `resource` from the ARM ID of `target` when it exists at plan time (its `import` block's `for_each` is
   * empty otherwise, and the resource is created).
   * @param provider the azurerm provider that imports (and whose credentials read the lists)
   */
  public importWhenExists(resource: TerraformResource, target: AdoptableResource, provider?: TerraformProvider): void {
    const levels = adoptionLevels(target);
    const key = resource.friendlyUniqueId;
    const exists = importWhenExpression(this.exists(target, provider), hclString(levels[levels.length - 1].id));
    const when = stableAddress(new TerraformLocal(this, `adopt-${key}`, `\${${exists}}`), adoptLogicalId(key));
    new ImportBlock(this, `import-${key}`, { to: resource, forEach: when.asString, id: '${each.value}', provider });
  }

  /**
   * HCL, known at plan: whether `target` exists (each level of its ID listed under the one above it).
   * @param provider the azurerm provider whose credentials read the lists (through the matching azapi provider)
   */
  public exists(target: AdoptableResource, provider?: TerraformProvider): string {
    const azapi = azapiProviderMatching(this, provider);
    let exists: string | undefined;
    for (const level of adoptionLevels(target)) {
      const listed = listedExpression(this.list(level.type, level.parentId, exists, azapi), hclString(level.name));
      exists = exists === undefined ? listed : `${exists} && ${listed}`;
    }
    return exists!;
  }

  /** `local.exists_…`: the names of the children of `type` under `parentId`, read while `parentExists` holds. */
  private list(type: string, parentId: string, parentExists: string | undefined, azapi: TerraformProvider): string {
    const key = [type, parentId.toLowerCase(), azapi.fqn].join('|');
    const known = this.lists.get(key);
    if (known) return known;
    const address = this.address(type, parentId);
    const each = TerraformIterator.fromMap(`\${${listWhenExpression(parentExists, hclString(parentId))}}` as any);
    const data = stableAddress(new AzapiDataResourceList(this, `list-${address}`, {
      forEach: each,
      type: ADOPTABLE_TYPES[type],
      parentId: each.value,
      responseExportValues: { names: CHILD_NAMES_QUERY },
      provider: azapi,
    }), address);
    stableAddress(new TerraformLocal(this, `names-${address}`, `\${${listedNamesExpression(`data.${data.terraformResourceType}.${address}`)}}`), address);
    const names = `local.${address}`;
    this.lists.set(key, names);
    return names;
  }

  /** `exists_<collection>_<parent name>`, made unique in the stack by a number when two parents share a name. */
  private address(type: string, parentId: string): string {
    const last = parentId.split('/').filter((p) => p !== '').pop() ?? 'root';
    // A parent named by a reference (a resource group made in the stack) is `ref`: token text is no name.
    const base = logicalId('exists', type.split('/').pop()!, Token.isUnresolved(last) ? 'ref' : last);
    let address = base;
    for (let n = 2; this.addresses.has(address); n += 1) address = `${base}_${n}`;
    this.addresses.add(address);
    return address;
  }
}

/** cdktf's marker of a string token (a reference such as a resource group's name) inside a string. */
const STRING_TOKEN = /\$\{TfToken\[[^\]]+\]\}/g;

/**
 * An HCL string expression for a value that may hold references: a quoted literal, or `join("", [...])` of its literal
 * parts and references. Inside an expression cdktf writes a reference bare, so a reference inside quotes would be
 * read as literal text.
 */
export function hclString(value: string): string {
  if (!Token.isUnresolved(value)) return JSON.stringify(value);
  const literals = value.split(STRING_TOKEN);
  const tokens = value.match(STRING_TOKEN) ?? [];
  const parts = literals.flatMap((literal, i) => [...(literal === '' ? [] : [JSON.stringify(literal)]), ...(i < tokens.length ? [tokens[i]] : [])]);
  return parts.length === 1 && tokens.length === 1 ? parts[0] : `join("", [${parts.join(', ')}])`;
}
