/**
 * The gRPC server of one plugin connection: Terraform's tfplugin6.Provider over the handlers, and go-plugin's own
 * services (GRPCController, GRPCStdio, GRPCBroker). Used by main.ts (a plugin process Terraform starts) and host.ts
 * (one process that Terraform attaches to, a server per connection).
 */
import type { Server, ServerCredentials } from '@grpc/grpc-js';
import { packageDefinition } from './protocol';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');

type Handler = (req: any) => object;

export interface ServerOptions {
  /** Logs a call (AZURE_WORLD_DEBUG). */
  readonly log: (...a: unknown[]) => void;
  /** GRPCController.Shutdown: Terraform is done with the plugin. */
  readonly onShutdown: () => void;
}

let described: any;
/** The protocol's services, loaded once per process (a host builds a server per connection). */
function services(): any {
  described ??= grpc.loadPackageDefinition(packageDefinition({ longs: Number, enums: String, defaults: true }));
  return described;
}

export function pluginServer(handlers: Record<string, Handler>, options: ServerOptions): Server {
  const pkg = services();
  const names = Object.keys(pkg.tfplugin6.Provider.service);
  const unmatched = names.filter((n) => !handlers[n]).concat(Object.keys(handlers).filter((n) => !names.includes(n)));
  if (unmatched.length) throw new Error(`azure-world: handlers and protocol.ts disagree on ${unmatched.join(', ')}`);

  const server = new grpc.Server({ 'grpc.max_receive_message_length': 256 << 20, 'grpc.max_send_message_length': -1 });
  const streams: unknown[] = [];
  const unary = (name: string, fn: Handler) => (call: any, callback: import('@grpc/grpc-js').sendUnaryData<object>): void => {
    options.log(name, call.request.type_name ?? '');
    try {
      callback(null, fn(call.request));
    } catch (e) {
      console.error(`[azure-world] ${name}: ${(e as Error).stack}`);
      callback({ code: grpc.status.INTERNAL, details: String((e as Error).message) }, null);
    }
  };
  server.addService(pkg.tfplugin6.Provider.service, Object.fromEntries(Object.entries(handlers).map(([n, fn]) => [n, unary(n, fn)])));
  server.addService(pkg.plugin.GRPCController.service, {
    Shutdown: (_call: unknown, callback: (e: null, r: object) => void) => {
      options.log('Shutdown');
      callback(null, {});
      options.onShutdown();
    },
  });
  // Stdio and broker streams are accepted and simply kept open (nothing to forward).
  server.addService(pkg.plugin.GRPCStdio.service, { StreamStdio: (call: unknown) => streams.push(call) });
  server.addService(pkg.plugin.GRPCBroker.service, {
    StartStream: (call: any) => {
      streams.push(call);
      call.on('data', () => undefined);
      call.on('end', () => call.end());
    },
  });
  return server;
}

/** Insecure credentials: a host's sockets are reached only through TF_REATTACH_PROVIDERS, in a private folder. */
export const insecureCredentials = (): ServerCredentials => grpc.ServerCredentials.createInsecure();
