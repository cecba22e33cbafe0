// Types of the cdktf jest matchers that setup.ts installs (type-only: nothing is loaded at run time).
import { App, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateEndpointApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/private-endpoint-application-security-group-association';
import { batchAccountFromId, IBatchAccount } from '../lib/account/batch-account-ref';
import { BatchPrivateEndpoint, BatchPrivateEndpointProps, EndpointSubnet } from '../lib/endpoints/batch-private-endpoint';
import { BatchPrivateDnsZone, IBatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { BatchAccount } from '../lib/account/batch-account';
import { AzureCloud } from '../lib/rules/clouds';

const SUB_A = '11111111-1111-1111-1111-111111111111';
const SUB_B = '22222222-2222-2222-2222-222222222222';
const subnetIn = (subscription: string): string =>
  `/subscriptions/${subscription}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
const SUBNET: EndpointSubnet = { id: subnetIn(SUB_A), addressPrefix: '10.0.1.0/24' };
const ACCOUNT_ID_REF = /^\$\{azurerm_batch_account\.batch_mybatch\.id\}$/;

interface Fixture {
  app: App;
  stack: TerraformStack;
  account: BatchAccount;
  zone: BatchPrivateDnsZone;
  endpoint(id: string, props?: Partial<BatchPrivateEndpointProps>): BatchPrivateEndpoint;
}

function fixture(cloud: AzureCloud = 'AzureCloud', location = 'eastus'): Fixture {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const account = new BatchAccount(stack, 'acct', { name: 'mybatch', resourceGroupName: 'rg-batch', location, subscriptionId: SUB_A });
  const zone = new BatchPrivateDnsZone(stack, 'zone', { resourceGroupName: 'rg-dns', cloud });
  const endpoint = (id: string, props: Partial<BatchPrivateEndpointProps> = {}): BatchPrivateEndpoint =>
    new BatchPrivateEndpoint(stack, id, {
      account,
      subResource: 'batchAccount',
      subnet: SUBNET,
      resourceGroupName: 'rg-net',
      dns: { zone },
      ...props,
    } as BatchPrivateEndpointProps);
  return { app, stack, account, zone, endpoint };
}

type Json = Record<string, any>;
const parse = (stack: TerraformStack): Json => JSON.parse(Testing.synth(stack));
const only = (resources: Json | undefined): Json[] => Object.values(resources ?? {});
const logicalId = (json: Json, type: string, prefix: string): string => {
  const ids = Object.keys(json.resource[type]).filter((id) => id.startsWith(`${prefix}_`));
  expect(ids).toHaveLength(1);
  return ids[0];
};

/** Builds one endpoint `pe` and returns what its validation reports at synth, one line per problem ('' when none). */
function errorOf(props: Partial<BatchPrivateEndpointProps>, f: Fixture = fixture()): string {
  return f.endpoint('pe', props).node.validate().join('\n');
}

describe('BatchPrivateEndpoint', () => {
  describe.each(['batchAccount', 'nodeManagement'] as const)('for the %s sub-resource', (sub) => {
    const lower = sub.toLowerCase();

    it('connects automatically to that one sub-resource of the account, without a request message', () => {
      const f = fixture();
      f.endpoint('pe', { subResource: sub });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        name: `pe-mybatch-${lower}`,
        location: 'eastus',
        resource_group_name: 'rg-net',
        subnet_id: SUBNET.id,
        custom_network_interface_name: `pe-mybatch-${lower}-nic`,
        private_service_connection: {
          name: `pe-mybatch-${lower}-connection`,
          private_connection_resource_id: expect.stringMatching(ACCOUNT_ID_REF),
          subresource_names: [sub],
          is_manual_connection: false,
        },
      });
    });

    it('pins a static IP with an ip_configuration whose subresource and member are the sub-resource', () => {
      const f = fixture();
      f.endpoint('pe', { subResource: sub, staticIp: '10.0.1.10' });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        ip_configuration: [{ name: `pe-mybatch-${lower}-ipconfig`, private_ip_address: '10.0.1.10', subresource_name: sub, member_name: sub }],
      });
    });

    it('has no ip_configuration with a dynamic IP', () => {
      const f = fixture();
      f.endpoint('pe', { subResource: sub });
      const [endpoint] = only(parse(f.stack).resource.azurerm_private_endpoint);
      expect(endpoint).not.toHaveProperty('ip_configuration');
      expect(endpoint).not.toHaveProperty('private_dns_zone_group');
    });

    it('asks for manual approval with the request message', () => {
      const f = fixture();
      f.endpoint('pe', { subResource: sub, manualApproval: { requestMessage: 'Team HPC, ticket 42' } });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        private_service_connection: expect.objectContaining({ is_manual_connection: true, request_message: 'Team HPC, ticket 42', subresource_names: [sub] }),
      });
    });
  });

  it('gives both sub-resources of an account distinct default names', () => {
    const f = fixture();
    const a = f.endpoint('a', { subResource: 'batchAccount' });
    const b = f.endpoint('b', { subResource: 'nodeManagement' });
    expect([a.name, b.name]).toEqual(['pe-mybatch-batchaccount', 'pe-mybatch-nodemanagement']);
  });

  it('uses a given name, location and tags', () => {
    const f = fixture();
    f.endpoint('pe', { name: 'pe-custom', location: 'West Europe', tags: { env: 'prod' } });
    expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
      name: 'pe-custom',
      location: 'westeurope',
      tags: { env: 'prod' },
      custom_network_interface_name: 'pe-custom-nic',
    });
  });

  it('passes a location known only after apply through unchanged', () => {
    const f = fixture();
    const location = new TerraformVariable(f.stack, 'location', { type: 'string' });
    f.endpoint('pe', { location: location.stringValue });
    expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, { location: '${var.location}' });
  });

  describe('privateIpAddress', () => {
    it('is the static IP when one is set', () => {
      const f = fixture();
      expect(f.endpoint('pe', { staticIp: '10.0.1.10' }).privateIpAddress).toBe('10.0.1.10');
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateDnsARecord, { name: 'mybatch.eastus', records: ['10.0.1.10'] });
    });

    it('refers to the IP Azure assigns otherwise, and the A record carries it', () => {
      const f = fixture();
      const endpoint = f.endpoint('pe');
      new TerraformOutput(f.stack, 'ip', { value: endpoint.privateIpAddress });
      const json = parse(f.stack);
      const id = logicalId(json, 'azurerm_private_endpoint', 'pe');
      const ref = `\${azurerm_private_endpoint.${id}.private_service_connection[0].private_ip_address}`;
      expect(json.output.ip.value).toBe(ref);
      expect(only(json.resource.azurerm_private_dns_a_record)).toEqual([expect.objectContaining({ records: [ref] })]);
    });
  });

  describe('fqdn', () => {
    it('is the literal account endpoint <account>.<region>.batch.azure.com for batchAccount', () => {
      const f = fixture('AzureCloud', 'East US');
      expect(f.endpoint('pe').fqdn).toBe('mybatch.eastus.batch.azure.com');
    });

    it('uses the cloud public suffix', () => {
      const f = fixture('AzureChinaCloud', 'chinaeast2');
      expect(f.endpoint('pe').fqdn).toBe('mybatch.chinaeast2.batch.chinacloudapi.cn');
    });

    it('refers to custom_dns_configs[0].fqdn for nodeManagement', () => {
      const f = fixture();
      const endpoint = f.endpoint('pe', { subResource: 'nodeManagement' });
      new TerraformOutput(f.stack, 'fqdn', { value: endpoint.fqdn });
      const json = parse(f.stack);
      const id = logicalId(json, 'azurerm_private_endpoint', 'pe');
      expect(json.output.fqdn.value).toBe(`\${azurerm_private_endpoint.${id}.custom_dns_configs[0].fqdn}`);
    });

    it('reads the zone group record for nodeManagement with a zone group', () => {
      const f = fixture();
      const endpoint = f.endpoint('pe', { subResource: 'nodeManagement', dns: { mode: 'zoneGroup', zone: f.zone } });
      new TerraformOutput(f.stack, 'fqdn', { value: endpoint.fqdn });
      const json = parse(f.stack);
      const id = logicalId(json, 'azurerm_private_endpoint', 'pe');
      expect(json.output.fqdn.value).toContain(`azurerm_private_endpoint.${id}.private_dns_zone_configs`);
      expect(json.output.fqdn.value).toMatch(/^\$\{replace\(.*"\.privatelink\.", "\."\)\}$/);
    });
  });

  describe('DNS', () => {
    it('writes a Terraform-owned A record <account>.<region> with a 10 s TTL by default', () => {
      const f = fixture();
      f.endpoint('pe', { staticIp: '10.0.1.10' });
      const json = parse(f.stack);
      const endpoint = `azurerm_private_endpoint.${logicalId(json, 'azurerm_private_endpoint', 'pe')}`;
      expect(only(json.resource.azurerm_private_dns_a_record)).toEqual([{
        name: 'mybatch.eastus',
        zone_name: `\${azurerm_private_dns_zone.${logicalId(json, 'azurerm_private_dns_zone', 'zone')}.name}`,
        resource_group_name: 'rg-dns',
        ttl: 10,
        records: ['10.0.1.10'],
        depends_on: [endpoint],
        lifecycle: { replace_triggered_by: [`${endpoint}.id`] },
      }]);
    });

    // A static IP refers to nothing: without depends_on the record would be written beside the endpoint, and stay
    // in a shared zone when the endpoint fails. replace_triggered_by takes the record along on `-replace`.
    it.each([
      ['a static IP', { staticIp: '10.0.1.10' }],
      ['a dynamic IP', {}],
      ['nodeManagement', { subResource: 'nodeManagement' as const }],
    ])('writes the record of an endpoint with %s after the endpoint, and replaces it with the endpoint', (_, props) => {
      const f = fixture();
      f.endpoint('pe', props);
      const json = parse(f.stack);
      const endpoint = `azurerm_private_endpoint.${logicalId(json, 'azurerm_private_endpoint', 'pe')}`;
      const [record] = only(json.resource.azurerm_private_dns_a_record);
      expect(record.depends_on).toEqual([endpoint]);
      expect(record.lifecycle).toEqual({ replace_triggered_by: [`${endpoint}.id`] });
    });

    it('names the nodeManagement record after the exported FQDN less the public suffix', () => {
      const f = fixture('AzureUSGovernment', 'usgovvirginia');
      f.endpoint('pe', { subResource: 'nodeManagement', dns: { zone: f.zone, ttl: 300 } });
      const json = parse(f.stack);
      const id = logicalId(json, 'azurerm_private_endpoint', 'pe');
      expect(only(json.resource.azurerm_private_dns_a_record)).toEqual([expect.objectContaining({
        name: `\${trimsuffix(azurerm_private_endpoint.${id}.custom_dns_configs[0].fqdn, ".batch.usgovcloudapi.net")}`,
        ttl: 300,
      })]);
    });

    it('adds a zone group and no A record in zoneGroup mode', () => {
      const f = fixture();
      f.endpoint('pe', { dns: { mode: 'zoneGroup', zone: f.zone } });
      const json = parse(f.stack);
      const zoneId = logicalId(json, 'azurerm_private_dns_zone', 'zone');
      expect(JSON.stringify(json)).toHaveResourceWithProperties(PrivateEndpoint, {
        private_dns_zone_group: { name: 'batch', private_dns_zone_ids: [`\${azurerm_private_dns_zone.${zoneId}.id}`] },
      });
      expect(json.resource.azurerm_private_dns_a_record).toBeUndefined();
    });

    it('makes no DNS resources in external mode', () => {
      const f = fixture();
      const endpoint = f.endpoint('pe', { dns: { mode: 'external' } });
      const json = parse(f.stack);
      expect(json.resource.azurerm_private_dns_a_record).toBeUndefined();
      expect(only(json.resource.azurerm_private_endpoint)[0]).not.toHaveProperty('private_dns_zone_group');
      expect(endpoint.dnsRecord).toBeUndefined();
      expect(endpoint.cloud).toBe('AzureCloud');
    });

    it('writes records into an existing zone by its literal name', () => {
      const f = fixture();
      const hub = BatchPrivateDnsZone.fromZoneId(f.stack, 'hub',
        `/subscriptions/${SUB_B}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`);
      f.endpoint('pe', { staticIp: '10.0.1.10', dns: { zone: hub } });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateDnsARecord, {
        name: 'mybatch.eastus', zone_name: 'privatelink.batch.azure.com', resource_group_name: 'rg-hub',
      });
    });
  });

  describe('accounts in other stacks', () => {
    const accountId = `/subscriptions/${SUB_A}/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/otherbatch`;

    it('connects to an account given by its ID', () => {
      const f = fixture();
      const endpoint = f.endpoint('pe', { account: batchAccountFromId(accountId, 'West Europe'), staticIp: '10.0.1.10' });
      expect(endpoint.fqdn).toBe('otherbatch.westeurope.batch.azure.com');
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        name: 'pe-otherbatch-batchaccount',
        location: 'westeurope',
        private_service_connection: expect.objectContaining({ private_connection_resource_id: accountId }),
      });
    });

    it('checks the subscription of an account given by its ID', () => {
      const account: IBatchAccount = batchAccountFromId(accountId, 'eastus');
      expect(errorOf({ account, subnet: { id: subnetIn(SUB_B) } })).toMatch(/^test\/pe: subscriptionId must be the Batch account's subscription/);
    });

    it('refuses an account location known only after apply, since record names embed it', () => {
      const f = fixture();
      const location = new TerraformVariable(f.stack, 'location', { type: 'string' });
      expect(() => batchAccountFromId(accountId, location.stringValue)).toThrow(/BatchAccount.fromAccountId: location must be known at synth/);
      expect(() => batchAccountFromId(accountId, 'east-us')).toThrow(/BatchAccount.fromAccountId: location must be an Azure region/);
    });
  });

  describe('refuses bad props, naming the construct, the field and what is allowed', () => {
    it('refuses an unknown sub-resource', () => {
      expect(errorOf({ subResource: 'blob' as never })).toBe('test/pe: subResource must be one of batchAccount, nodeManagement, got "blob"');
    });

    it('refuses a static IP outside the subnet prefix, naming the usable range', () => {
      expect(errorOf({ staticIp: '10.0.2.10' })).toBe(
        'test/pe: staticIp must lie in the usable range 10.0.1.4-10.0.1.254 of subnet 10.0.1.0/24, got 10.0.2.10');
    });

    it.each(['10.0.1.1', '10.0.1.255'])('refuses the reserved address %s', (ip) => {
      expect(errorOf({ staticIp: ip })).toMatch(/^test\/pe: staticIp must lie in the usable range 10\.0\.1\.4-10\.0\.1\.254/);
    });

    it('refuses a static IP that is not an IP, with or without a known prefix', () => {
      expect(errorOf({ staticIp: '10.0.1' })).toBe('test/pe: staticIp must be an IPv4 address, got "10.0.1"');
      expect(errorOf({ staticIp: 'ten', subnet: { id: SUBNET.id } })).toBe('test/pe: staticIp must be an IPv4 address, got "ten"');
    });

    it('accepts any IPv4 static IP when the subnet prefix is unknown', () => {
      expect(errorOf({ staticIp: '10.9.9.9', subnet: { id: SUBNET.id } })).toBe('');
    });

    it('refuses a subnet smaller than /29 or with host bits set, naming subnet.addressPrefix, and checks no static IP against it', () => {
      expect(errorOf({ staticIp: '10.0.1.1', subnet: { id: SUBNET.id, addressPrefix: '10.0.1.0/30' } }))
        .toBe('test/pe: subnet.addressPrefix must be /29 or larger (the smallest subnet Azure creates), got 10.0.1.0/30');
      expect(errorOf({ subnet: { id: SUBNET.id, addressPrefix: '10.0.1.10/24' } }))
        .toBe('test/pe: subnet.addressPrefix has host bits set: the subnet is 10.0.1.0/24, got 10.0.1.10/24');
    });

    it('writes a lower-cased subnet ID in the spelling azurerm\'s case-sensitive parser wants', () => {
      const f = fixture();
      const lower = SUBNET.id.replace('resourceGroups', 'resourcegroups').replace('virtualNetworks', 'virtualnetworks');
      expect(f.endpoint('pe', { subnet: { id: lower } }).node.validate()).toEqual([]);
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, { subnet_id: SUBNET.id });
    });

    it('writes a lower-cased application security group ID in azurerm\'s spelling', () => {
      const f = fixture();
      const asg = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/applicationSecurityGroups/asg-batch`;
      f.endpoint('pe', { applicationSecurityGroupIds: [asg.replace('resourceGroups', 'resourcegroups').replace('Microsoft.Network/applicationSecurityGroups', 'microsoft.network/applicationsecuritygroups')] });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpointApplicationSecurityGroupAssociation, { application_security_group_id: asg });
    });

    it.each([
      ['an empty', '', 'must not be empty or only white space: Azure shows it to the account owner'],
      ['a blank', '   ', 'must not be empty or only white space: Azure shows it to the account owner'],
      ['a 141-character', 'x'.repeat(141), 'must be at most 140 bytes of UTF-8, got 141'],
      ['a 71-character (142-byte)', 'é'.repeat(71), 'must be at most 140 bytes of UTF-8, got 142 (71 characters)'],
    ])('refuses manual approval with %s request message', (_what, requestMessage, problem) => {
      expect(errorOf({ manualApproval: { requestMessage } })).toBe(`test/pe: manualApproval.requestMessage ${problem}`);
    });

    it('refuses manual approval without a request message', () => {
      expect(errorOf({ manualApproval: {} as any })).toBe('test/pe: manualApproval.requestMessage is required with manualApproval');
    });

    it('refuses a name Azure refuses for an endpoint (2-64 characters)', () => {
      expect(errorOf({ name: 'p'.repeat(65) })).toMatch(/^test\/pe: name must be 2-64 letters, digits and _ \. -, .*\(an Azure private endpoint name\)/);
      expect(errorOf({ name: 'p'.repeat(64) })).toBe('');
    });

    it('refuses a resource group name Azure refuses, and tags beyond Azure\'s limits', () => {
      expect(errorOf({ resourceGroupName: 'rg.' })).toMatch(/^test\/pe: resourceGroupName must be 1-90 ASCII letters/);
      expect(errorOf({ tags: { 'a/b': 'x' } })).toBe('test/pe: tags["a/b"] must not contain < > % & \\ ? / or control characters');
    });

    it('goes in its subnet\'s VNet region, not its account\'s, when the subnet says where its VNet is', () => {
      const f = fixture();
      f.endpoint('pe', { subnet: { ...SUBNET, location: 'West Europe' } });
      expect(Testing.synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, { location: 'westeurope' });
      expect(f.account.location).toBe('eastus');
    });

    it('refuses a location other than the subnet\'s VNet region', () => {
      expect(errorOf({ location: 'westeurope', subnet: { ...SUBNET, location: 'East US' } })).toBe(
        'test/pe: location must be the region of the subnet\'s VNet, eastus (Azure creates an endpoint in its VNet\'s region), got "westeurope"; leave it out to take the VNet\'s',
      );
      expect(errorOf({ location: 'East US', subnet: { ...SUBNET, location: 'eastus' } })).toBe('');
      expect(errorOf({ subnet: { ...SUBNET, location: 'east-us' } })).toMatch(/^test\/pe: subnet\.location must be an Azure region/);
    });

    it('accepts a 140-character request message', () => {
      expect(errorOf({ manualApproval: { requestMessage: 'x'.repeat(140) } })).toBe('');
    });

    it('refuses a batchAccount endpoint in another subscription than the account', () => {
      expect(errorOf({ subnet: { id: subnetIn(SUB_B) } })).toBe(
        `test/pe: subscriptionId must be the Batch account's subscription ${SUB_A} for a batchAccount endpoint, got ${SUB_B}`);
    });

    it('prefers the given subscriptionId over the subnet subscription', () => {
      expect(errorOf({ subscriptionId: SUB_B })).toMatch(new RegExp(`^test/pe: subscriptionId .* ${SUB_A} .* got ${SUB_B}$`));
      expect(errorOf({ subnet: { id: subnetIn(SUB_B) }, subscriptionId: SUB_A.toUpperCase() })).toBe('');
    });

    it('allows a nodeManagement endpoint in another subscription', () => {
      expect(errorOf({ subResource: 'nodeManagement', subnet: { id: subnetIn(SUB_B) } })).toBe('');
    });

    it('does not check the subscription when the account subscription is known only after apply', () => {
      const f = fixture();
      const sub = new TerraformVariable(f.stack, 'sub', { type: 'string' });
      const account = new BatchAccount(f.stack, 'acct2', { name: 'mybatch2', resourceGroupName: 'rg', location: 'eastus', subscriptionId: sub.stringValue });
      expect(errorOf({ account, subnet: { id: subnetIn(SUB_B) } }, f)).toBe('');
    });

    it('requires dns', () => {
      expect(errorOf({ dns: undefined })).toMatch(/^test\/pe: dns is required: give \{ zone \}.*\{ mode: 'external' \}/);
    });

    it('refuses an unknown dns mode', () => {
      expect(errorOf({ dns: { mode: 'auto' as never } })).toBe('test/pe: dns.mode must be one of records, zoneGroup, policyZoneGroup, external, got "auto"');
    });

    it.each(['records', 'zoneGroup'] as const)('requires dns.zone with dns.mode %s', (mode) => {
      expect(errorOf({ dns: { mode } })).toBe(`test/pe: dns.zone is required with dns.mode ${mode}`);
    });

    it('requires dns.zone when dns.mode is left at records', () => {
      expect(errorOf({ dns: {} })).toBe('test/pe: dns.zone is required with dns.mode records');
    });

    it('refuses a zone with external DNS', () => {
      const f = fixture();
      expect(errorOf({ dns: { mode: 'external', zone: f.zone } }, f)).toBe('test/pe: dns.zone must not be set with dns.mode external (no DNS resources are made)');
    });

    it.each([0, 1.5, 2147483648])('refuses the TTL %s', (ttl) => {
      const f = fixture();
      expect(errorOf({ dns: { zone: f.zone, ttl } }, f)).toBe(`test/pe: dns.ttl must be a whole number of seconds from 1 to 2147483647, got ${ttl}`);
    });

    it('refuses a TTL with a zone group', () => {
      const f = fixture();
      expect(errorOf({ dns: { mode: 'zoneGroup', zone: f.zone, ttl: 60 } }, f)).toBe('test/pe: dns.ttl only applies with dns.mode records');
    });

    it('refuses a zone of another cloud than the endpoint', () => {
      const f = fixture('AzureCloud');
      expect(errorOf({ cloud: 'AzureChinaCloud', dns: { zone: f.zone } }, f)).toBe('test/pe: dns.zone is the zone of AzureCloud, but the endpoint is in AzureChinaCloud');
    });

    it('refuses an existing zone of another cloud than the endpoint, naming the right zone', () => {
      const f = fixture();
      const zone: IBatchPrivateDnsZone = BatchPrivateDnsZone.fromZoneId(f.stack, 'hub',
        `/subscriptions/${SUB_A}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`);
      expect(errorOf({ cloud: 'AzureUSGovernment', dns: { zone } }, f))
        .toMatch(/^test\/pe: dns\.zone names privatelink\.batch\.azure\.com, the zone of AzureCloud, but the endpoints are in AzureUSGovernment, whose zone is privatelink\.batch\.usgovcloudapi\.net$/);
    });

    it('refuses an unknown cloud, listing the known ones', () => {
      expect(errorOf({ cloud: 'AzureGermanCloud' as never, dns: { mode: 'external' } }))
        .toBe('test/pe: cloud must be one of AzureCloud, AzureChinaCloud, AzureUSGovernment, got "AzureGermanCloud"');
    });

    it('refuses a location that is not a region', () => {
      expect(errorOf({ location: 'east us!' })).toBe('test/pe: location must be an Azure region such as "eastus" or "East US", got "east us!"');
    });
  });
});
