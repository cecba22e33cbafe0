import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { StackModel } from '../stack-model';

/** An A record for an endpoint carries that endpoint's IP and nothing else. */
export function dnsRecordIpFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  return writers.flatMap((writer) => {
    const expected = writer.candidates[0];
    if (writer.kind !== 'record' || writer.endpoint || !expected) return [];
    return [{
      path: writer.resource.path,
      attribute: 'records',
      value: writer.resource.config.records,
      problem: `the record answers for ${writer.candidates.map((e) => e.resource.path).join(' or ')} but does not carry exactly that endpoint's IP`,
      fix: `set records to the endpoint's static IP or to \${${expected.resource.address}.private_service_connection[0].private_ip_address} (BatchPrivateEndpoint.privateIpAddress)`,
    }];
  });
}
