/**
 * A plugin host: one process serving both fake providers (azurerm and azapi) to any number of Terraform runs, which
 * attach to it through TF_REATTACH_PROVIDERS instead of starting the plugins themselves (reattach.ts starts it).
 *
 * Why: Terraform starts each provider plugin several times per command (schema, validate, plan, apply, and again for
 * every run block of `terraform test`), and a start of this Node plugin costs about 0.2 s of CPU: that was 80% of
 * the CPU of the Terraform suites (BENCHMARKS.md). Attached, a start costs a connection.
 *
 *   host.js DIR     (environment: the AZURE_WORLD_* variables the launchers in world/bin read)
 *
 * It listens on DIR/azurerm.sock and DIR/azapi.sock, writes DIR/reattach.json (the TF_REATTACH_PROVIDERS value) once
 * both listen, and exits when the process that started it is gone. Each connection gets handlers of its own, so a
 * configured provider (its engine, its credentials) is as private to its connection as it was to a started process.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { pluginOptions, Provider } from './options';
import { providerHandlers } from './provider';
import { insecureCredentials, pluginServer } from './server';

/** The provider addresses Terraform knows the plugins by (as in world/plugin/tfrc.ts). */
const ADDRESSES: Record<Provider, string> = { azurerm: 'registry.terraform.io/hashicorp/azurerm', azapi: 'registry.terraform.io/azure/azapi' };

const log = (...a: unknown[]): void => {
  if (process.env.AZURE_WORLD_DEBUG) console.error('[azure-world host]', ...a);
};

/** Serves one provider on a socket: a gRPC server, with fresh handlers, per connection. */
function listen(provider: Provider, socket: string): Promise<void> {
  const options = pluginOptions(provider, process.env);
  const listener = net.createServer((connection) => {
    const server = pluginServer(providerHandlers(options), { log, onShutdown: () => undefined });
    server.createConnectionInjector(insecureCredentials()).injectConnection(connection);
    connection.on('close', () => server.forceShutdown());
  });
  return new Promise((done, fail) => {
    listener.on('error', fail);
    listener.listen(socket, () => done());
  });
}

async function main(dir: string): Promise<void> {
  const providers: Provider[] = ['azurerm', 'azapi'];
  await Promise.all(providers.map((p) => listen(p, path.join(dir, `${p}.sock`))));
  const reattach = Object.fromEntries(providers.map((p) => [ADDRESSES[p], {
    Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid,
    // Test: Terraform neither stops nor kills an attached plugin that says it runs under a test.
    Test: true, Addr: { Network: 'unix', String: path.join(dir, `${p}.sock`) },
  }]));
  const ready = path.join(dir, 'reattach.json');
  fs.writeFileSync(`${ready}.tmp`, JSON.stringify(reattach));
  fs.renameSync(`${ready}.tmp`, ready);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0); // the process that started the host is gone
  }, 500).unref();
  // Its sockets and files go with it, however it ends (PluginHost.stop removes them too).
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}

process.on('SIGTERM', () => process.exit(0));
main(process.argv[2]).catch((e) => {
  console.error(`azure-world host: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
