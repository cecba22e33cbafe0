import { Construct } from 'constructs';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchConnectionRule, PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { ConnectionApprover } from '../lib/rules/approvers';
import { StackConfig } from './config-schema';
import { ConfigOrigin } from './stack-config-origin';
import { StackSubnets } from './stack-network';

/** What a stack's accounts share: the props, and where they come from in the stack's entry. */
export interface SharedAccountProps {
  readonly props: Omit<PrivateBatchProps, 'account'>;
  readonly origins: Record<string, string>;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subnets: StackSubnets;
  readonly from: ConfigOrigin;
}

/** The props every `PrivateBatch` of a stack shares, and where they come from in the stack's entry. */
export function sharedAccountProps(config: StackConfig, props: Omit<PrivateBatchProps, 'account'>): Pick<SharedAccountProps, 'props' | 'origins'> {
  return {
    props,
    origins: {
      subnet: config.network ? 'network.endpointSubnet' : 'existingSubnet',
      'subnet.virtualNetwork.location': 'location',
      endpointResourceGroupName: 'resourceGroup.name',
      subscriptionId: 'subscriptionId',
      cloud: 'cloud',
      'dns.zone': 'dns.existingZoneId',
      outputs: 'outputs',
      tags: 'tags',
      adopt: 'adopt',
    },
  };
}

/** One `PrivateBatch` per account of `accounts[a]`, made in `stack`, with its pools. */
export function addAccount(stack: Construct, config: StackConfig, shared: SharedAccountProps, entry: StackConfig['accounts'][number], a: number): PrivateBatch {
  const { endpoints, connections, connectionApprovers, pools, identity, tags, endpointResourceGroup, lock, roleAssignments, diagnosticSettings, ...account } = entry;
  const { resourceGroupName, location, subnets, from } = shared;
  const accountTags = { ...config.tags, ...tags };
  const batch = new PrivateBatch(stack, account.name, {
    ...shared.props,
    account: { ...account, resourceGroupName, location, subscriptionId: config.subscriptionId, identity: { type: identity }, tags: accountTags },
    endpoints,
    // Only the shape was checked so far: PrivateBatch checks the rules and approvers with the library's rules.
    connections: connections as PrivateBatchConnectionRule[],
    connectionApprovers: connectionApprovers as ConnectionApprover[],
    tags: accountTags,
    endpointResourceGroupName: endpointResourceGroup ?? resourceGroupName,
    lock,
    roleAssignments,
    diagnosticSettings,
  });
  from(batch, `accounts[${a}]`, {
    ...shared.origins,
    account: `accounts[${a}]`,
    'account.location': 'location',
    'account.resourceGroupName': 'resourceGroup.name',
    'account.subscriptionId': 'subscriptionId',
    'account.identity.type': `accounts[${a}].identity`,
    tags: `accounts[${a}].tags`,
    endpointResourceGroupName: endpointResourceGroup === undefined ? 'resourceGroup.name' : `accounts[${a}].endpointResourceGroup`,
  });
  pools.forEach(({ subnet: which, ...pool }, p) => {
    const created = batch.addPool({ ...pool, subnet: which === 'pool' ? subnets.poolSubnet : subnets.endpointSubnet });
    from(created, `accounts[${a}].pools[${p}]`, { account: `accounts[${a}]`, subnet: which === 'pool' ? 'network.poolSubnet' : shared.origins.subnet, outputs: 'outputs' });
  });
  return batch;
}

/** The endpoints (and connection rules) of `externalAccounts[x]`, an account that exists, made in `stack`. */
export function addExternalAccount(stack: Construct, shared: SharedAccountProps, external: StackConfig['externalAccounts'][number], x: number): PrivateBatch {
  const account = batchAccountFromId(external.id, external.location);
  const batch = new PrivateBatch(stack, account.name, {
    ...shared.props, account, endpoints: external.endpoints, connections: external.connections as PrivateBatchConnectionRule[],
  });
  shared.from(batch, `externalAccounts[${x}]`, { ...shared.origins, account: `externalAccounts[${x}].id` });
  return batch;
}
