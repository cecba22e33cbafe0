/** DNS answers in the world: what a name resolves to from a VNet, by Azure's rules (see resolve.ts, docs/azure-world.md). */
export { resolve, DnsAnswer, DnsStep } from './resolve';
export { batchNames } from './batch-names';
