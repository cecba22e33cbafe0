import { uniqueEndpointNameFindings, uniqueStaticIpFindings } from '../../lib/guards/rules/unique-endpoints';
import { PUBLIC_CLOUD, copyResource, expectEverySetupAccepted, modelOf, privateSetup } from './stack-json';

const PE = 'azurerm_private_endpoint';

describe('unique endpoint names', () => {
  it('accept endpoints of their own names in every supported setup', () => {
    expectEverySetupAccepted(uniqueEndpointNameFindings);
  });

  describe.each(PUBLIC_CLOUD)('in $cloud', (cloud) => {
    it('refuse a second endpoint of one name in one resource group, whatever the case', () => {
      const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
      copyResource(setup, PE, 'pe_nodes', 'pe_copy', (c) => { c.name = 'PE-ContosoBatch01-NodeManagement'; c.custom_network_interface_name = 'other-nic'; });
      expect(uniqueEndpointNameFindings(modelOf(setup))).toEqual([{
        path: `${PE}.pe_copy`,
        attribute: 'name',
        value: 'PE-ContosoBatch01-NodeManagement',
        problem: `${PE}.pe_nodes is a private endpoint of this name in resource group rg-batch too; Azure keeps one endpoint per name and group`,
        fix: 'give one endpoint another name (BatchPrivateEndpoint name)',
      }]);
    });
  });

  it('refuse a second NIC of one name in one resource group', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_nodes', 'pe_copy', (c) => { c.name = 'pe-other'; });
    expect(uniqueEndpointNameFindings(modelOf(setup))).toEqual([{
      path: `${PE}.pe_copy`,
      attribute: 'custom_network_interface_name',
      value: 'pe-contosobatch01-nodemanagement-nic',
      problem: `${PE}.pe_nodes gives its network interface this name in resource group rg-batch too; Azure keeps one NIC per name and group`,
      fix: 'give one endpoint another name (its NIC is named <endpoint>-nic)',
    }]);
  });

  it('accept one name in two resource groups or two subscriptions', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_nodes', 'in_group', (c) => { c.resource_group_name = 'rg-other'; });
    setup.json.provider.azurerm.push({ alias: 'other', features: [{}], subscription_id: '00000000-0000-0000-0000-000000000000' });
    copyResource(setup, PE, 'pe_nodes', 'in_subscription', (c) => { c.provider = 'azurerm.other'; });
    expect(uniqueEndpointNameFindings(modelOf(setup))).toEqual([]);
  });

  it('leave names and groups known only at apply alone, and endpoints without a NIC name', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_nodes', 'by_name', (c) => { c.name = '${var.name}'; delete c.custom_network_interface_name; });
    copyResource(setup, PE, 'pe_nodes', 'by_group', (c) => { c.resource_group_name = '${var.group}'; });
    copyResource(setup, PE, 'pe_nodes', 'by_other_group', (c) => { c.resource_group_name = '${var.other_group}'; });
    expect(uniqueEndpointNameFindings(modelOf(setup))).toEqual([]);
  });
});

describe('unique static IPs', () => {
  it('accept one static IP per subnet in every supported setup', () => {
    expectEverySetupAccepted(uniqueStaticIpFindings);
  });

  it.each(PUBLIC_CLOUD)('refuse a static IP on two endpoints of one subnet in $cloud', (cloud) => {
    const setup = privateSetup({ cloud, dns: 'zoneGroup', hub: true, dataAccount: false });
    setup.json.resource[PE].pe_nodes.ip_configuration = [{ name: 'ip', private_ip_address: '10.20.1.10', subresource_name: 'nodeManagement', member_name: 'nodeManagement' }];
    expect(uniqueStaticIpFindings(modelOf(setup))).toEqual([{
      path: `${PE}.pe_nodes`,
      attribute: 'ip_configuration.private_ip_address',
      value: '10.20.1.10',
      problem: `${PE}.pe_account takes 10.20.1.10 in the same subnet; an address belongs to one network interface`,
      fix: 'give one endpoint another static IP, or leave it dynamic',
    }]);
  });

  it('accept one static IP in two subnets, and an IP repeated within one endpoint', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_account', 'elsewhere', (c) => { c.subnet_id = '${azurerm_subnet.other.id}'; });
    setup.json.resource[PE].pe_account.ip_configuration.push({ ...setup.json.resource[PE].pe_account.ip_configuration[0], name: 'again' });
    expect(uniqueStaticIpFindings(modelOf(setup))).toEqual([]);
  });

  it('compare literal subnet IDs without case, and leave unknown subnets and IPs alone', () => {
    const setup = privateSetup();
    const subnet = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
    setup.json.resource[PE].pe_account.subnet_id = subnet;
    copyResource(setup, PE, 'pe_account', 'lower', (c) => { c.subnet_id = subnet.toLowerCase(); });
    copyResource(setup, PE, 'pe_account', 'no_subnet', (c) => { delete c.subnet_id; });
    copyResource(setup, PE, 'pe_account', 'by_var', (c) => { c.ip_configuration[0].private_ip_address = '${var.ip}'; c.subnet_id = subnet; });
    copyResource(setup, PE, 'pe_account', 'by_var_too', (c) => { c.ip_configuration[0].private_ip_address = '${var.ip}'; c.subnet_id = subnet; });
    expect(uniqueStaticIpFindings(modelOf(setup)).map((f) => f.path)).toEqual([`${PE}.lower`]);
  });
});

describe('unique static IPs across the stacks of an app', () => {
  const subnet = '/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe';
  const onSubnet = (id: string) => {
    const setup = privateSetup();
    setup.json.resource[PE].pe_account.subnet_id = id;
    return setup;
  };
  const after = (first: ReturnType<typeof privateSetup>, second: ReturnType<typeof privateSetup>) =>
    uniqueStaticIpFindings(modelOf(second, { stacksBefore: [{ stack: 'first', model: modelOf(first) }] }));

  it('refuse a static IP that a stack before takes in a subnet given by ID, whatever the case', () => {
    expect(after(onSubnet(subnet), onSubnet(subnet.toLowerCase()))).toEqual([{
      path: `${PE}.pe_account`,
      attribute: 'ip_configuration.private_ip_address',
      value: '10.20.1.10',
      problem: `${PE}.pe_account (stack first) takes 10.20.1.10 in the same subnet; an address belongs to one network interface`,
      fix: 'give one endpoint another static IP, or leave it dynamic',
    }]);
  });

  it('accept it in another subnet, or in subnets known by reference, which name a subnet of their own stack', () => {
    expect(after(onSubnet(subnet), onSubnet(subnet.replace('snet-pe', 'snet-other')))).toEqual([]);
    expect(after(privateSetup(), privateSetup())).toEqual([]);
    expect(after(privateSetup(), onSubnet(subnet))).toEqual([]);
  });
});
