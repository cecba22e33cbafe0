/**
 * A fake Terraform provider plugin (azurerm or azapi): speaks plugin protocol 6 over go-plugin's handshake and
 * serves a provider schema from world/schemas/. Terraform starts it through world/bin/terraform-provider-<name>.
 *
 *   main.js --provider azurerm|azapi
 *
 * Environment: what options.ts reads (the schema, the world file, the engine), AZURE_WORLD_DEBUG=1 (log each call to
 * stderr; Terraform shows plugin stderr with TF_LOG=debug).
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pluginOptions, Provider } from './options';
import { providerHandlers } from './provider';
import { pluginServer } from './server';

const DEBUG = !!process.env.AZURE_WORLD_DEBUG;
const log = (...a: unknown[]): void => {
  if (DEBUG) console.error('[azure-world]', ...a);
};
// With AZURE_WORLD_DEBUG, also log the calls not served (grpc-js answers them UNIMPLEMENTED). grpc-js reports those
// through its `server_call` tracer, chosen before it loads.
const LOG_UNSERVED = DEBUG && !process.env.GRPC_TRACE && !process.env.GRPC_NODE_TRACE;
if (LOG_UNSERVED) process.env.GRPC_NODE_TRACE = 'server_call';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');

const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

function providerArg(): Provider {
  const argv = process.argv.slice(2);
  const provider = argv.includes('--provider') ? argv[argv.indexOf('--provider') + 1] : undefined;
  if (provider !== 'azurerm' && provider !== 'azapi') {
    console.error('usage: main.js --provider azurerm|azapi');
    process.exit(2);
  }
  return provider;
}

/** go-plugin AutoMTLS: a self-signed certificate like go-plugin's generateCert (CA, localhost, server and client auth). */
function serverCredentials(): { creds: import('@grpc/grpc-js').ServerCredentials; cert: string } {
  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  if (!clientCert) return { creds: grpc.ServerCredentials.createInsecure(), cert: '' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-world-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '3650', '-subj', '/O=HashiCorp/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,digitalSignature,keyCertSign', '-addext', 'extendedKeyUsage=serverAuth,clientAuth'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
    const key = fs.readFileSync(`${dir}/key.pem`);
    const cert = fs.readFileSync(`${dir}/cert.pem`);
    return {
      creds: grpc.ServerCredentials.createSsl(Buffer.from(clientCert), [{ private_key: key, cert_chain: cert }], true),
      // go-plugin sends the leaf certificate as base64.RawStdEncoding of its DER bytes.
      cert: new crypto.X509Certificate(cert).raw.toString('base64').replace(/=+$/, ''),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function logUnserved(): void {
  grpc.setLogVerbosity(grpc.logVerbosity.DEBUG);
  grpc.setLogger({
    error: (...a: unknown[]) => console.error('E', ...a),
    info: () => undefined,
    debug: (msg: string) => {
      const m = /No handler registered for method (\S+?)\. /.exec(msg);
      if (m) log(`${m[1]}: not served, answered UNIMPLEMENTED`);
    },
  });
}

function main(): void {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE) {
    console.error('This binary is a plugin. These are not meant to be executed directly.\n' +
      'Please execute the program that consumes these plugins, which will\nload any plugins automatically');
    process.exit(1);
  }
  if (LOG_UNSERVED) logUnserved();
  const provider = providerArg();
  const versions = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? '6').split(',');
  if (!versions.includes('6')) console.error(`azure-world: only protocol 6 is spoken, the client offered ${versions.join(',')}`);

  const handlers = providerHandlers(pluginOptions(provider, process.env));
  const server = pluginServer(handlers, {
    log,
    onShutdown: () => setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, 20),
  });

  const socket = path.join(process.env.PLUGIN_UNIX_SOCKET_DIR || os.tmpdir(),
    `azure-world-${process.pid}-${crypto.randomBytes(4).toString('hex')}.sock`);
  process.on('exit', () => fs.rmSync(socket, { force: true }));
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => undefined); // like go-plugin: Terraform handles Ctrl-C and tells us to stop
  setInterval(() => {
    if (process.ppid === 1) process.exit(0); // orphaned
  }, 2000).unref();

  const { creds, cert } = serverCredentials();
  server.bindAsync(`unix:${socket}`, creds, (err) => {
    if (err) {
      console.error(`azure-world: cannot listen on ${socket}: ${err.message}`);
      process.exit(1);
    }
    process.stdout.write(`1|6|unix|${socket}|grpc|${cert}\n`);
  });
}

main();
