import { TerraformLocal, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { ImportBlock } from '../lib/terraform/import-block';

const ZONE_ID = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com';

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 's');
  new AzurermProvider(s, 'azurerm', { features: [{}] });
  const hub = new AzurermProvider(s, 'hub', { alias: 'hub', features: [{}] });
  const record = new PrivateDnsARecord(s, 'record', { provider: hub, name: 'a.eastus', zoneName: 'privatelink.batch.azure.com', resourceGroupName: 'rg', ttl: 10, records: ['10.0.0.4'] });
  record.overrideLogicalId('dns_a');
  const names = new TerraformLocal(s, 'names', '${[for n in ["a.eastus"] : n]}');
  names.overrideLogicalId('adopt_dns_a');
  new ImportBlock(s, 'import', { to: record, forEach: names.asString, id: `${ZONE_ID}/A/\${each.value}`, provider: hub });
  new ImportBlock(s, 'always', { to: record, id: `${ZONE_ID}/A/a.eastus` });
  return s;
}

describe('ImportBlock', () => {
  it('writes entries of the top-level import list, addressing the resource by its logical ID', () => {
    expect(JSON.parse(Testing.synth(stack())).import).toEqual([
      { for_each: '${local.adopt_dns_a}', to: 'azurerm_private_dns_a_record.dns_a', id: `${ZONE_ID}/A/\${each.value}`, provider: 'azurerm.hub' },
      { to: 'azurerm_private_dns_a_record.dns_a', id: `${ZONE_ID}/A/a.eastus` },
    ]);
  });

  it('renders import blocks in cdktf synth --hcl with bare references and a quoted ID', () => {
    const hcl = stack().toHclTerraform().hcl;
    expect(hcl).toContain(['import {', 'for_each = local.adopt_dns_a', 'to = azurerm_private_dns_a_record.dns_a',
      `id = "${ZONE_ID}/A/\${each.value}"`, 'provider = azurerm.hub', '}'].join('\n'));
    expect(hcl).toContain(['import {', 'to = azurerm_private_dns_a_record.dns_a', `id = "${ZONE_ID}/A/a.eastus"`, '}'].join('\n'));
  });
});
