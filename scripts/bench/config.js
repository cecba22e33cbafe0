#!/usr/bin/env node
// Generated app configs for `npm run bench`: N stacks, each with M private accounts of two endpoints (a static-IP
// batchAccount endpoint and a dynamic nodeManagement endpoint, both with DNS records in the stack's zone).
// Every stack has a VNet and endpoint subnet of its own; account names are unique across the app (one region).
//
//   node scripts/bench/config.js STACKS ACCOUNTS [FILE]   writes the config to FILE, or to stdout
'use strict';

const fs = require('fs');

/** The config of `stacks` stacks × `accounts` accounts. */
function benchConfig(stacks, accounts) {
  if (accounts > 16000) throw new Error('at most 16000 accounts per stack (two endpoints each in a /18)');
  return {
    stacks: Array.from({ length: stacks }, (_, s) => {
      const net = `10.${s % 250}`;
      return {
        name: `bench-${s + 1}`,
        cloud: 'AzureCloud',
        subscriptionId: '11111111-2222-3333-4444-555555555555',
        location: 'East US',
        resourceGroup: { name: `rg-bench-${s + 1}` },
        network: {
          vnetName: `vnet-bench-${s + 1}`,
          addressSpace: [`${net}.0.0/16`],
          // A /18: 16384 addresses, room for the static and the dynamic endpoint of many accounts.
          endpointSubnet: { name: 'snet-private-endpoints', addressPrefix: `${net}.64.0/18` },
        },
        tags: { workload: 'batch', 'managed-by': 'cdktf' },
        accounts: Array.from({ length: accounts }, (_, a) => {
          const host = 64 * 256 + 10 + a; // 10.x.64.10 onwards
          return {
            name: `bs${s + 1}a${a + 1}`,
            endpoints: [
              { subResource: 'batchAccount', staticIp: `${net}.${Math.floor(host / 256)}.${host % 256}`, dns: 'records' },
              { subResource: 'nodeManagement', dns: 'records' },
            ],
          };
        }),
      };
    }),
  };
}

module.exports = { benchConfig };

if (require.main === module) {
  const [stacks, accounts, file] = process.argv.slice(2);
  const n = Number.parseInt(stacks, 10);
  const m = Number.parseInt(accounts, 10);
  if (!(n > 0 && m > 0)) {
    process.stderr.write('usage: node scripts/bench/config.js STACKS ACCOUNTS [FILE]\n');
    process.exit(2);
  }
  const text = `${JSON.stringify(benchConfig(n, m), null, 2)}\n`;
  if (file) fs.writeFileSync(file, text);
  else process.stdout.write(text);
}
