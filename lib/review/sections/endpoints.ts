import { BatchEndpointView, DnsWriter, batchEndpoints, dnsWriters } from '../../guards/batch-view';
import { StackModel, blocks, isLiteral, literalValue } from '../../guards/stack-model';
import { parseResourceId } from '../../rules/resource-id';
import { code, shown, strong } from '../cells';
import { ReviewInput, ReviewSection } from '../review-section';

/** The account an endpoint connects to: its name, marked when the account is not in the stack. */
export function endpointAccount(model: StackModel, endpoint: BatchEndpointView): string {
  if (endpoint.account) return code(shown(model, endpoint.account.config.name));
  const id = blocks(endpoint.resource.config.private_service_connection)[0]?.private_connection_resource_id;
  const name = isLiteral(id) ? parseResourceId(id)?.name : undefined;
  return name ? `${code(name)} (not in this stack)` : 'known at apply';
}

function ip(endpoint: BatchEndpointView): string {
  const fixed = blocks(endpoint.resource.config.ip_configuration).map((c) => c.private_ip_address).filter(isLiteral);
  return fixed.length > 0 ? `${fixed.join(', ')} (static)` : 'assigned at apply';
}

function approval(endpoint: BatchEndpointView): string {
  const connection = blocks(endpoint.resource.config.private_service_connection)[0] ?? {};
  if (connection.is_manual_connection !== true) return 'automatic';
  return isLiteral(connection.request_message) ? `manual: "${connection.request_message}"` : 'manual';
}

/**
 * What writes the endpoint's DNS name: the writer the guards tied to it, or an A record that carries its IP (an
 * endpoint to another stack's account has no account here to name the record by). Undefined: external DNS.
 */
export function writerOf(writers: readonly DnsWriter[], endpoint: BatchEndpointView): DnsWriter | undefined {
  const carriesIp = (w: DnsWriter) => w.kind === 'record' && [w.resource.config.records].flat().some((ip) => endpoint.acceptedIps.has(ip as string));
  return writers.find((w) => w.endpoint === endpoint) ?? writers.find((w) => w.candidates.includes(endpoint)) ?? writers.find(carriesIp);
}

/** DNS name, zone and who writes the record, from the writer of the endpoint's name (none: external DNS). */
function dns(model: StackModel, writer: DnsWriter | undefined): [string, string, string] {
  if (!writer) return ['—', '—', strong('external DNS')];
  const zone = writer.zoneName ? code(writer.zoneName) : 'known at apply';
  if (writer.kind === 'zoneGroup') return ['written by Azure at apply', zone, 'zone group'];
  const name = literalValue(model, writer.resource.config.name);
  const fqdn = name && writer.zoneName ? code(`${name}.${writer.zoneName}`) : "the endpoint's FQDN, known at apply";
  return [fqdn, zone, 'A record'];
}

/** Each private endpoint to a Batch account: sub-resource, IP, the DNS name that resolves to it, and its approval. */
export function endpointsSection({ model }: ReviewInput): ReviewSection {
  const endpoints = batchEndpoints(model);
  const writers = dnsWriters(model, endpoints);
  return {
    id: 'endpoints',
    title: 'Private endpoints',
    columns: ['Endpoint', 'Account', 'Sub-resource', 'IP', 'DNS name', 'Zone', 'DNS by', 'Approval'],
    none: 'No private endpoint to a Batch account in this stack.',
    rows: endpoints.map((endpoint) => {
      const writer = writerOf(writers, endpoint);
      return {
        key: endpoint.resource.address,
        cells: [
          code(shown(model, endpoint.resource.config.name)),
          endpointAccount(model, endpoint),
          endpoint.subResource ?? 'known at apply',
          ip(endpoint),
          ...dns(model, writer),
          approval(endpoint),
        ],
      };
    }),
  };
}
