import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { StackModel } from '../stack-model';

/** An A record for an endpoint carries that endpoint's IP and nothing else. */
export function dnsRecordIpFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  return writers.flatMap((writer) => {
    if (writer.kind !== 'record' || !writer.endpoint) return [];
    const records: unknown[] = Array.isArray(writer.resource.config.records) ? writer.resource.config.records : [writer.resource.config.records];
    const accepted = writer.endpoint.acceptedIps;
    if (records.length > 0 && records.every((value) => typeof value === 'string' && accepted.has(value))) return [];
    return [{
      path: writer.resource.path,
      attribute: 'records',
      value: writer.resource.config.records,
      problem: `the record answers for ${writer.endpoint.resource.path} but does not carry exactly that endpoint's IP`,
      fix: `set records to the endpoint's static IP or to \${${writer.endpoint.resource.address}.private_service_connection[0].private_ip_address} (BatchPrivateEndpoint.privateIpAddress)`,
    }];
  });
}
