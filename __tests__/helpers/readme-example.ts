/**
 * The library guide's example (docs/library.md), shared by the test that compiles it against lib/ and
 * the test that runs it as a consumer of the packed package. One snippet, so the guide cannot drift from
 * what is tested.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/** The package name that the example imports the constructs from. */
export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;

const START = '<!-- example:start -->';
const END = '<!-- example:end -->';
const SOURCES = ['docs/library.md'];

/** The example's TypeScript source and the file it was read from. */
export interface ReadmeExample {
  /** The code between the markers, without the ```ts fence. */
  readonly source: string;
  /** The Markdown file it came from, relative to the root. */
  readonly file: string;
}

/** Reads the example from docs/library.md, between the markers. */
export function readmeExample(): ReadmeExample {
  for (const file of SOURCES) {
    const path = join(ROOT, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf(START);
    if (start < 0) continue;
    const end = text.indexOf(END, start);
    const fenced = /```(?:ts|typescript)\n([\s\S]*?)\n```/.exec(text.slice(start + START.length, end < 0 ? undefined : end));
    if (end < 0 || !fenced) throw new Error(`${file}: ${START} must be followed by one \`\`\`ts block and ${END}`);
    return { source: `${fenced[1]}\n`, file };
  }
  throw new Error(`no ${START} ... ${END} block in ${SOURCES.join(' or ')}`);
}

/** The one stack's cdk.tf.json under a cdktf outdir, parsed. */
export function synthesizedStack(outdir: string): any {
  const stacks = readdirSync(join(outdir, 'stacks'));
  if (stacks.length !== 1) throw new Error(`expected one stack in ${outdir}, found ${stacks.join(', ') || 'none'}`);
  return JSON.parse(readFileSync(join(outdir, 'stacks', stacks[0], 'cdk.tf.json'), 'utf8'));
}

/**
 * What the example promises: a private account, one endpoint per sub-resource, and their A records plus
 * the VNet link in the hub zone, written with the aliased provider `azurerm.hub`, and one approval.
 */
export function expectPrivateAccountWithHubRecords(stack: any): void {
  const resources = stack.resource ?? {};
  const accounts = Object.values<any>(resources.azurerm_batch_account ?? {});
  expect(accounts).toHaveLength(1);
  expect(accounts[0]).toMatchObject({ public_network_access_enabled: false, allowed_authentication_modes: ['AAD'] });

  const endpoints = Object.values<any>(resources.azurerm_private_endpoint ?? {});
  expect(endpoints.map((e) => e.private_service_connection.subresource_names).sort()).toEqual([['batchAccount'], ['nodeManagement']]);

  const records = Object.values<any>(resources.azurerm_private_dns_a_record ?? {});
  expect(records).toHaveLength(2);
  for (const record of records) {
    expect(record).toMatchObject({ provider: 'azurerm.hub', zone_name: 'privatelink.batch.azure.com', resource_group_name: 'rg-hub-dns' });
    expect(record.records).toHaveLength(1);
  }
  const links = Object.values<any>(resources.azurerm_private_dns_zone_virtual_network_link ?? {});
  expect(links).toEqual([expect.objectContaining({ provider: 'azurerm.hub', private_dns_zone_name: 'privatelink.batch.azure.com' })]);

  const providers = stack.provider?.azurerm ?? [];
  expect(providers).toEqual(expect.arrayContaining([expect.objectContaining({ alias: 'hub' })]));
  // The hub zone is used, not created: the stack holds no zone of its own.
  expect(resources.azurerm_private_dns_zone).toBeUndefined();

  const approvals = Object.values<any>(resources.azapi_resource_action ?? {});
  expect(approvals).toEqual([expect.objectContaining({
    body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: expect.any(String) } } },
  })]);
  // ProjectLocalBackend: the state in the project root, at a path that names no machine.
  expect(stack.terraform.backend).toEqual({ local: { path: '../../../terraform.private-batch.tfstate' } });
}
