/**
 * `cdktf-azure-private-batch/dns`: the DNS parts that `BatchPrivateEndpoint` and `BatchPrivateDnsZone` build and
 * expose (an endpoint's A record, the opt-in outputs, an existing zone's healing and its account lookups), and the
 * zone choice that several stacks sharing one zone use. The zone and endpoint constructs are at the package root.
 */
export { BatchDnsRecord, BatchDnsRecordProps } from './batch-dns-record';
export { BatchDnsOutputs, BatchDnsOutputsProps } from './batch-dns-outputs';
export { BatchPrivateDnsZoneBase } from './batch-private-dns-zone';
export { ExpectedVnetLink, ExpectedVnetLinkProps } from './expected-vnet-link';
export { DnsRecordOwner, ZoneHealing, ZoneHealingConfig } from './zone-healing';
export { ZoneRef } from '../rules/zone-records';
export { AccountLookup } from './account-lookup';
export { batchZoneChoice, BatchZoneChoice, BatchZoneChoiceProps, importZoneLinks, ZoneLink } from './batch-zone-choice';
