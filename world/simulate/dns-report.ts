/**
 * What the accounts' names resolve to from each VNet of the world, as `npm run simulate` prints it. A name that
 * resolves to no live private endpoint is flagged: from a VNet, a Batch account with public access disabled is
 * reachable only through an endpoint whose NIC holds the answer.
 */
import { resolve as resolveName } from '../dns';
import { batchNames } from '../dns/batch-names';
import { parseId } from '../engine/arm/ids';
import { ArmResource, World } from '../engine/arm/world';

/** An account of the simulated app: its name and the subscription of its stack. */
export interface AppAccount {
  readonly name: string;
  readonly subscriptionId: string;
}

/** One name, from one VNet. */
export interface NameAnswer {
  readonly vnet: string;
  readonly name: string;
  readonly subResource: 'batchAccount' | 'nodeManagement';
  readonly addresses: string[];
  /** The chain, e.g. `a.eastus.batch.azure.com CNAME ... -> A 10.20.1.10 (zone ...)`. */
  readonly chain: string;
  /** Why the answer reaches no live endpoint; undefined when it does. */
  readonly flag?: string;
}

const isAppAccount = (accounts: readonly AppAccount[]) => (account: ArmResource): boolean => {
  const id = parseId(account.id);
  return accounts.some((a) => a.name.toLowerCase() === account.name.toLowerCase() && a.subscriptionId.toLowerCase() === (id.subscriptionId ?? '').toLowerCase());
};

/** Every app account's names, resolved from every VNet of the world, VNets and accounts in ID order. */
export function dnsReport(world: World, accounts: readonly AppAccount[]): NameAnswer[] {
  const ours = world.ofType('Microsoft.Batch/batchAccounts').filter(isAppAccount(accounts));
  return world.ofType('Microsoft.Network/virtualNetworks').flatMap((vnet) => ours.flatMap((account) => {
    const names = batchNames(account);
    const asked = [['batchAccount', names.batchAccount], ['nodeManagement', names.nodeManagement]] as const;
    return asked.filter(([, name]) => name !== undefined).map(([subResource, name]) => answer(world, vnet.id, name!, subResource));
  }));
}

function answer(world: World, vnetId: string, name: string, subResource: NameAnswer['subResource']): NameAnswer {
  const result = resolveName(world, vnetId, name);
  const chain = result.chain.map((step) => (step.kind === 'CNAME' ? `${step.name} CNAME ${step.value}`
    : step.kind === 'A' ? `${step.name} A ${(step.value as string[]).join(', ')} (${step.from === 'public' ? 'public DNS' : `zone ${parseId(step.from).name}`})`
      : `${step.name} NXDOMAIN (${step.from === 'public' ? 'public DNS' : `zone ${parseId(step.from).name}`})`)).join(' -> ');
  return { vnet: vnetId, name, subResource, addresses: result.addresses, chain, flag: flagOf(result) };
}

function flagOf(result: ReturnType<typeof resolveName>): string | undefined {
  if (result.nxdomain) return 'does not resolve (NXDOMAIN): no record for it in a zone linked to this VNet';
  if (result.public) return `resolves through public DNS${result.notes.length ? ` (${result.notes.join('; ')})` : ''}, not to a private endpoint`;
  if (result.endpoints.length === 0) return 'resolves to an address that no private endpoint in the world holds';
  return undefined;
}

/** The report as lines: per VNet, each name with its answer, flagged names marked `!!`. */
export function formatDnsReport(answers: readonly NameAnswer[]): string[] {
  const lines: string[] = [];
  let vnet: string | undefined;
  for (const a of answers) {
    if (a.vnet !== vnet) lines.push(`VNet ${parseId(a.vnet).resourceGroup}/${parseId(a.vnet).name}:`);
    vnet = a.vnet;
    lines.push(`  ${a.flag ? '!!' : 'ok'} ${a.subResource} ${a.name} -> ${a.addresses.join(', ') || 'nothing'}`);
    lines.push(`       ${a.chain}`);
    if (a.flag) lines.push(`       ${a.flag}`);
  }
  return lines;
}
