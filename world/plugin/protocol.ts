/**
 * The gRPC interface the plugins serve, as a protobufjs description (adapted from tfshim's protocol.js, see
 * world/PROVENANCE.md).
 *
 * Terraform starts a provider as a go-plugin plugin and calls it over gRPC:
 *   tfplugin6.Provider      Terraform's plugin protocol 6: schemas, validation, plan, apply, import, reads
 *   plugin.GRPCController   Shutdown: Terraform is done with the plugin
 *   plugin.GRPCStdio        StreamStdio: a stream for the plugin's output (nothing is sent)
 *   plugin.GRPCBroker       StartStream: extra connections (unused by providers; held open)
 *
 * Only what the plugins serve is described, and of each message only the fields they read or write. Package,
 * service and method names, field numbers and types, and enum values are the protocol's (hashicorp/terraform
 * docs/plugin-protocol/tfplugin6.proto): they go on the wire and must not change. Message type names are ours
 * (they never go on the wire). A decoder skips fields it does not know, and a field left out of an answer reads as
 * unset. grpc-js answers a method that is not described with UNIMPLEMENTED and carries on.
 *
 * Not served, because Terraform 1.11 does not call them here: RenewEphemeralResource (no renew_at is returned),
 * CallFunction (no functions), MoveResourceState (capability false), grpc.health.v1.Health, and RPCs of later
 * protocol versions (Terraform 1.12+ reads UNIMPLEMENTED for GetResourceIdentitySchemas as "no identity schemas").
 *
 * Notation: a message is { field_name: 'NUMBER TYPE' }, where TYPE is a scalar, a message or an enum, optionally
 * after 'repeated ' or 'map ' (a map with string keys). A method is [request, response]; each is a message written
 * in place (it becomes the type <Method>Request / <Method>Response) or the name of a message, after 'stream ' for a
 * stream.
 */
import * as protoLoader from '@grpc/proto-loader';

type Fields = Record<string, string>;
type End = Fields | string;
interface Namespace {
  messages?: Record<string, Fields>;
  enums?: Record<string, Record<string, number>>;
  services: Record<string, Record<string, [End, End]>>;
}

const TYPE_NAME = { type_name: '1 string' };
const DIAGNOSTICS_1 = { diagnostics: '1 repeated Diagnostic' };

const TFPLUGIN6: Namespace = {
  messages: {
    // A value: cty msgpack (unknown values are msgpack extension 0), or JSON.
    DynamicValue: { msgpack: '1 bytes', json: '2 bytes' },
    // Stored state given to UpgradeResourceState; the legacy flatmap form (field 2) is not read.
    RawState: { json: '1 bytes' },
    Diagnostic: { severity: '1 Severity', summary: '2 string', detail: '3 string', attribute: '4 AttributePath' },
    AttributePath: { steps: '1 repeated Step' },
    // One step of a path: oneof selector { attribute_name, element_key_string, element_key_int }.
    Step: { attribute_name: '1 string', element_key_string: '2 string', element_key_int: '3 int64' },
    ServerCapabilities: { plan_destroy: '1 bool', get_provider_schema_optional: '2 bool', move_resource_state: '3 bool' },
    TypeName: { type_name: '1 string' }, // one resource / data source / ephemeral type in GetMetadata
    ImportedResource: { type_name: '1 string', state: '2 DynamicValue', private: '3 bytes' },

    Schema: { version: '1 int64', block: '2 Block' },
    Block: {
      version: '1 int64', attributes: '2 repeated Attribute', block_types: '3 repeated NestedBlock',
      description: '4 string', description_kind: '5 StringKind', deprecated: '6 bool',
    },
    Attribute: {
      name: '1 string', type: '2 bytes', // type: the cty type as JSON, e.g. ["list","string"]
      description: '3 string', required: '4 bool', optional: '5 bool', computed: '6 bool', sensitive: '7 bool',
      description_kind: '8 StringKind', deprecated: '9 bool', nested_type: '10 NestedAttributes', write_only: '11 bool',
    },
    NestedBlock: {
      type_name: '1 string', block: '2 Block', nesting: '3 BlockNesting', min_items: '4 int64', max_items: '5 int64',
    },
    // An attribute's nested object type (the protocol's Schema.Object).
    NestedAttributes: { attributes: '1 repeated Attribute', nesting: '3 AttributeNesting' },
  },
  enums: {
    Severity: { INVALID: 0, ERROR: 1, WARNING: 2 },
    StringKind: { PLAIN: 0, MARKDOWN: 1 },
    BlockNesting: { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 },
    AttributeNesting: { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4 },
  },
  services: {
    Provider: {
      GetMetadata: [{}, {
        server_capabilities: '1 ServerCapabilities', diagnostics: '2 repeated Diagnostic',
        data_sources: '3 repeated TypeName', resources: '4 repeated TypeName', ephemeral_resources: '6 repeated TypeName',
      }],
      GetProviderSchema: [{}, {
        provider: '1 Schema', resource_schemas: '2 map Schema', data_source_schemas: '3 map Schema',
        diagnostics: '4 repeated Diagnostic', server_capabilities: '6 ServerCapabilities',
        ephemeral_resource_schemas: '8 map Schema',
      }],
      GetFunctions: [{}, { diagnostics: '2 repeated Diagnostic' }],
      ValidateProviderConfig: [{}, { diagnostics: '2 repeated Diagnostic' }],
      ValidateResourceConfig: [TYPE_NAME, DIAGNOSTICS_1],
      ValidateDataResourceConfig: [TYPE_NAME, DIAGNOSTICS_1],
      ValidateEphemeralResourceConfig: [TYPE_NAME, DIAGNOSTICS_1],
      ConfigureProvider: [{ terraform_version: '1 string', config: '2 DynamicValue' }, DIAGNOSTICS_1],
      UpgradeResourceState: [{ type_name: '1 string', raw_state: '3 RawState' },
        { upgraded_state: '1 DynamicValue', diagnostics: '2 repeated Diagnostic' }],
      ReadResource: [{ type_name: '1 string', current_state: '2 DynamicValue', private: '3 bytes' },
        { new_state: '1 DynamicValue', diagnostics: '2 repeated Diagnostic', private: '3 bytes' }],
      PlanResourceChange: [
        { type_name: '1 string', prior_state: '2 DynamicValue', proposed_new_state: '3 DynamicValue', config: '4 DynamicValue',
          prior_private: '5 bytes' },
        { planned_state: '1 DynamicValue', requires_replace: '2 repeated AttributePath', planned_private: '3 bytes',
          diagnostics: '4 repeated Diagnostic', legacy_type_system: '5 bool' }],
      ApplyResourceChange: [
        { type_name: '1 string', prior_state: '2 DynamicValue', planned_state: '3 DynamicValue', config: '4 DynamicValue',
          planned_private: '5 bytes' },
        { new_state: '1 DynamicValue', private: '2 bytes', diagnostics: '3 repeated Diagnostic', legacy_type_system: '4 bool' }],
      ImportResourceState: [{ type_name: '1 string', id: '2 string' },
        { imported_resources: '1 repeated ImportedResource', diagnostics: '2 repeated Diagnostic' }],
      ReadDataSource: [{ type_name: '1 string', config: '2 DynamicValue' },
        { state: '1 DynamicValue', diagnostics: '2 repeated Diagnostic' }],
      OpenEphemeralResource: [{ type_name: '1 string', config: '2 DynamicValue' },
        { diagnostics: '1 repeated Diagnostic', result: '3 DynamicValue' }],
      CloseEphemeralResource: [TYPE_NAME, DIAGNOSTICS_1],
      StopProvider: [{}, {}], // an empty error string (field 1) means "stopped"
    },
  },
};

const PLUGIN: Namespace = {
  messages: {
    Empty: {},
    StdioData: {}, // never sent
    ConnInfo: {}, // received and dropped
  },
  services: {
    GRPCController: { Shutdown: ['Empty', 'Empty'] },
    GRPCStdio: { StreamStdio: ['Empty', 'stream StdioData'] },
    GRPCBroker: { StartStream: ['stream ConnInfo', 'stream ConnInfo'] },
  },
};

// ---- notation -> protobufjs JSON (what protobuf.Root.fromJSON reads) ------------------------
function field(name: string, spec: string): object {
  const m = /^(\d+) (?:(repeated|map) )?(\w+)$/.exec(spec);
  if (!m) throw new Error(`protocol: field ${name}: cannot read '${spec}'`);
  return { id: Number(m[1]), type: m[3], ...(m[2] === 'repeated' && { rule: 'repeated' }), ...(m[2] === 'map' && { keyType: 'string' }) };
}
const message = (fields: Fields): object => ({ fields: Object.fromEntries(Object.entries(fields).map(([n, s]) => [n, field(n, s)])) });

function namespace({ messages = {}, enums = {}, services }: Namespace): object {
  const nested: Record<string, object> = {};
  for (const [name, fields] of Object.entries(messages)) nested[name] = message(fields);
  for (const [name, values] of Object.entries(enums)) nested[name] = { values };
  for (const [service, rpcs] of Object.entries(services)) {
    const methods: Record<string, object> = {};
    for (const [rpc, [request, response]] of Object.entries(rpcs)) {
      const end = (spec: End, suffix: string): { type: string; stream: boolean } => {
        if (typeof spec === 'object') {
          nested[rpc + suffix] = message(spec);
          return { type: rpc + suffix, stream: false };
        }
        const [, stream, type] = /^(stream )?(\w+)$/.exec(spec)!;
        return { type, stream: !!stream };
      };
      const req = end(request, 'Request');
      const res = end(response, 'Response');
      methods[rpc] = {
        requestType: req.type, responseType: res.type,
        ...(req.stream && { requestStream: true }), ...(res.stream && { responseStream: true }),
      };
    }
    nested[service] = { methods };
  }
  return { nested };
}

export const DESCRIPTION = { nested: { tfplugin6: namespace(TFPLUGIN6), plugin: namespace(PLUGIN) } };

/** For grpc.loadPackageDefinition(); options as for @grpc/proto-loader (longs, enums, defaults). */
export const packageDefinition = (options: protoLoader.Options): protoLoader.PackageDefinition =>
  protoLoader.fromJSON(DESCRIPTION, options);
