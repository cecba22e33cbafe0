import { Token } from 'cdktf';
import {
  accountIdProblems,
  apiVersionProblems,
  connectionId,
  connectionNameProblems,
  connectionRequest,
  connectionResourceType,
  accountResourceType,
  ConnectionRule,
  connectionRuleKey,
  connectionRuleProblems,
  DEFAULT_BATCH_CONNECTION_API_VERSION,
  describeSelector,
  escapeTemplate,
} from '../../lib/rules/connections';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct';
const endpointId = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/${name}`;
const GUID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const reference = () => Token.asString({ resolve: () => 'x' });

const problemsOf = (...rules: ConnectionRule[]) => connectionRuleProblems(rules, 'acct');

describe('connection rules: one rule', () => {
  it('accepts approve and reject with a description and remove without, by name, endpoint ID or endpoint', () => {
    expect(problemsOf(
      { action: 'approve', connectionName: `pe-a.${GUID}`, description: 'ok' },
      { action: 'reject', privateEndpointId: endpointId('pe-b'), description: 'not ours' },
      { action: 'remove', privateEndpoint: { id: reference(), name: 'pe-c' } },
    )).toEqual([]);
  });

  it('rejects an unknown action, naming the field and the allowed values', () => {
    expect(problemsOf({ action: 'allow' as any, connectionName: `b.${GUID}` }))
      .toEqual([{ field: 'connections[0].action', problem: 'must be one of approve|reject|remove, got "allow"' }]);
  });

  it.each(['approve', 'reject'] as const)('requires a non-empty description for %s', (action) => {
    for (const description of [undefined, '', '   ']) {
      expect(problemsOf({ action, connectionName: `a.${GUID}`, description })).toEqual([
        { field: 'connections[0].description', problem: `is required for ${action} and must not be empty (Azure keeps it on the connection as the reason)` },
      ]);
    }
  });

  // Azure limits the reason to 140 bytes of UTF-8; each width's first code point is where a miscount would start.
  it.each([
    { what: 'x', char: 'x', bytes: 1 },
    { what: 'U+007F, the last 1-byte code point,', char: '\u007f', bytes: 1 },
    { what: 'U+0080, the first 2-byte code point,', char: '\u0080', bytes: 2 },
    { what: 'é', char: 'é', bytes: 2 },
    { what: 'U+0800, the first 3-byte code point,', char: '\u0800', bytes: 3 },
    { what: '€', char: '€', bytes: 3 },
    { what: 'U+FFFF, the last 3-byte code point,', char: '\uffff', bytes: 3 },
    { what: 'U+10000, the first 4-byte code point,', char: '\u{10000}', bytes: 4 },
    { what: 'an emoji', char: '😀', bytes: 4 },
  ])('counts $what as $bytes UTF-8 byte(s) against the 140-byte description limit', ({ char, bytes }) => {
    const approve = (description: string): ConnectionRule => ({ action: 'approve', connectionName: `a.${GUID}`, description });
    const fits = Math.floor(140 / bytes);
    expect(problemsOf(approve(char.repeat(fits)))).toEqual([]);
    const problems = problemsOf(approve(char.repeat(fits + 1)));
    expect(problems).toEqual([{ field: 'connections[0].description', problem: expect.stringContaining('at most 140 bytes') }]);
    expect(problems[0].problem).toContain(`got ${(fits + 1) * bytes}`);
  });

  it('does not measure a description holding a reference, whose length only Terraform knows', () => {
    const description = `${'x'.repeat(130)} for ${reference()}`;
    expect(problemsOf({ action: 'reject', connectionName: `a.${GUID}`, description })).toEqual([]);
  });

  it('allows no description for remove, whose DELETE has no body', () => {
    expect(problemsOf({ action: 'remove', connectionName: `a.${GUID}`, description: 'bye' }))
      .toEqual([{ field: 'connections[0].description', problem: 'is not allowed for remove (the DELETE has no body); delete it' }]);
  });

  it('needs exactly one selector', () => {
    const message = (got: string) => `must select its connection with exactly one of connectionName, privateEndpointId and privateEndpoint, got ${got}`;
    expect(problemsOf({ action: 'remove', connectionName: `a.${GUID}`, privateEndpointId: endpointId('a') }))
      .toEqual([{ field: 'connections[0]', problem: message('2') }]);
    expect(problemsOf({ action: 'remove' })).toEqual([{ field: 'connections[0]', problem: message('none') }]);
  });

  it('checks connection names as Azure does: <endpoint>.<GUID>, at most 101 characters', () => {
    expect(connectionNameProblems(`pe-team_1.${GUID}`, 'n')).toEqual([]);
    expect(connectionNameProblems('pe-team', 'n')).toEqual([]);
    expect(connectionNameProblems(`${'p'.repeat(64)}.${GUID}`, 'n')).toEqual([]);
    for (const bad of ['pe/evil', 'pe.team.1', 'pe team', '', `pe.${GUID}x`, `${'p'.repeat(65)}.${GUID}`]) {
      expect(connectionNameProblems(bad, 'connectionName')).toEqual([{ field: 'connectionName', problem: expect.stringContaining(`got "${bad}"`) }]);
    }
    expect(connectionNameProblems(reference(), 'n')).toEqual([]);
  });

  it('reports a malformed connection name at the rule\'s connectionName, with the form it must have', () => {
    const problems = problemsOf({ action: 'remove', connectionName: 'pe/evil' });
    expect(problems).toEqual([{ field: 'connections[0].connectionName', problem: expect.stringContaining('<endpoint name>.<GUID>') }]);
    expect(problems[0].problem).toContain('got "pe/evil"');
  });

  it.each([
    { what: 'a Batch account ID', id: ACCOUNT_ID },
    { what: 'an endpoint name instead of its ID', id: 'pe-team' },
  ])('rejects $what as privateEndpointId, showing the ID form expected and the value given', ({ id }) => {
    const problems = problemsOf({ action: 'remove', privateEndpointId: id });
    expect(problems).toEqual([{ field: 'connections[0].privateEndpointId', problem: expect.stringContaining('/providers/Microsoft.Network/privateEndpoints/<name>') }]);
    expect(problems[0].problem).toContain(`got "${id}"`);
  });

  it('does not check an endpoint ID that is a reference', () => {
    expect(problemsOf({ action: 'remove', privateEndpointId: reference(), key: 'k' })).toEqual([]);
  });

  it('needs a key when the selector has no name at synth', () => {
    expect(problemsOf({ action: 'remove', privateEndpointId: reference() })).toEqual([{ field: 'connections[0].key', problem: expect.stringMatching(/^is required when the selector has no name known at synth/) }]);
    expect(problemsOf({ action: 'remove', privateEndpoint: { id: reference(), name: reference() } })).toEqual([{
      field: 'connections[0].privateEndpoint', problem: 'must have a name known at synth (the rule\'s key derives from it), got a reference',
    }]);
  });
});

describe('connection rule keys given', () => {
  it.each([
    { what: 'of one letter', key: 'a' },
    { what: 'with a leading digit', key: '0_team' },
    { what: 'of letters, digits and _', key: 'team_a_1' },
    { what: 'of 64 characters', key: 'k'.repeat(64) },
  ])('accepts a key $what', ({ key }) => {
    expect(problemsOf({ action: 'remove', connectionName: `a.${GUID}`, key })).toEqual([]);
  });

  it.each([
    { what: 'in upper case', key: 'Team' },
    { what: 'with a hyphen', key: 'team-a' },
    { what: 'with a leading _', key: '_team' },
    { what: 'of 65 characters', key: 'k'.repeat(65) },
    { what: 'that is empty', key: '' },
  ])('rejects a key $what, saying what a key may hold and what was given', ({ key }) => {
    const problems = problemsOf({ action: 'remove', connectionName: `a.${GUID}`, key });
    expect(problems).toEqual([{ field: 'connections[0].key', problem: expect.stringContaining('1-64 lower case letters, digits and _') }]);
    expect(problems[0].problem).toContain(`got "${key}"`);
  });
});

describe('connection rules: across rules', () => {
  it('reports approve and reject of one connection as a contradiction', () => {
    expect(problemsOf(
      { action: 'approve', privateEndpointId: endpointId('pe-team'), description: 'ok' },
      { action: 'remove', connectionName: `other.${GUID}` },
      { action: 'reject', privateEndpointId: endpointId('PE-TEAM'), description: 'no' },
    )).toEqual([{
      field: 'connections[2]',
      problem: 'contradicts connections[0]: it would approve the connection of private endpoint ' +
        `${endpointId('PE-TEAM')} and this rule reject it; keep one`,
    }]);
  });

  it('sees one endpoint given by construct and by literal ID as one, and leaves a connection name apart', () => {
    expect(problemsOf(
      { action: 'approve', privateEndpoint: { id: endpointId('pe-team'), name: 'pe-team' }, description: 'ok' },
      { action: 'reject', privateEndpointId: endpointId('pe-team'), key: 'team_no', description: 'no' },
    )).toEqual([{
      field: 'connections[1]',
      problem: `contradicts connections[0]: it would approve the connection of private endpoint ${endpointId('pe-team')} and this rule reject it; keep one`,
    }]);
    // pe-team.<GUID> may be the connection of a pe-team in another resource group: no contradiction known at synth.
    expect(problemsOf(
      { action: 'approve', privateEndpointId: endpointId('pe-team'), description: 'ok' },
      { action: 'reject', connectionName: `pe-team.${GUID}`, key: 'team_no', description: 'no' },
    )).toEqual([]);
  });

  it('reports a repeated rule, by name or by endpoint of the stack', () => {
    expect(problemsOf({ action: 'remove', connectionName: `a.${GUID}` }, { action: 'remove', connectionName: `A.${GUID}` })[0])
      .toEqual({ field: 'connections[1]', problem: `repeats connections[0]: both remove connection A.${GUID}; keep one` });
    expect(problemsOf(
      { action: 'approve', privateEndpoint: { id: reference(), name: 'pe-x' }, description: 'ok' },
      { action: 'approve', privateEndpoint: { id: reference(), name: 'pe-x' }, description: 'ok' },
    )[0].problem).toMatch(/^repeats connections\[0\]: both approve the connection of private endpoint pe-x/);
  });

  it('reports two rules with one key, and accepts keys that tell them apart', () => {
    const rules: ConnectionRule[] = [
      { action: 'approve', connectionName: `pe-team.${GUID}`, description: 'ok' },
      { action: 'remove', connectionName: 'pe-team.1111' },
    ];
    expect(problemsOf(...rules)).toEqual([{ field: 'connections[1].key', problem: '"team" is also the key of connections[0]; give one of them another key' }]);
    expect(problemsOf(rules[0], { ...rules[1], key: 'team_old' })).toEqual([]);
  });

  it('reports every problem of every rule at once', () => {
    expect(problemsOf({ action: 'approve', connectionName: `a.${GUID}` }, { action: 'reject' as const, description: 'no' }).map((p) => p.field))
      .toEqual(['connections[0].description', 'connections[1]']);
  });
});

describe('connection rule keys', () => {
  it('derive from the endpoint name, without pe- and the account name', () => {
    expect(connectionRuleKey({ action: 'remove', connectionName: `pe-sharedbatch01-analytics.${GUID}` }, 'sharedbatch01')).toBe('analytics');
    expect(connectionRuleKey({ action: 'remove', privateEndpointId: endpointId('pe-team-a') }, 'sharedbatch01')).toBe('team_a');
    expect(connectionRuleKey({ action: 'remove', privateEndpoint: { id: reference(), name: 'pe-acct-batchAccount' } }, 'acct')).toBe('batchaccount');
    expect(connectionRuleKey({ action: 'remove', connectionName: 'acct.1' }, 'acct')).toBe('acct');
  });

  it.each([
    { what: 'does not start with the account name', endpoint: 'pe-analytics-team', key: 'analytics_team' },
    { what: 'starts with the account name but no separator follows it', endpoint: 'pe-acctx-team', key: 'acctx_team' },
  ])('keep the whole endpoint name when it $what', ({ endpoint, key }) => {
    expect(connectionRuleKey({ action: 'remove', privateEndpointId: endpointId(endpoint) }, 'acct')).toBe(key);
  });

  it('are undefined, not an error, for a privateEndpointId that is not a resource ID (the function is public)', () => {
    expect(connectionRuleKey({ action: 'remove', privateEndpointId: 'pe-team' }, 'acct')).toBeUndefined();
  });

  it('are the key given, whatever the selector', () => {
    expect(connectionRuleKey({ action: 'remove', privateEndpointId: reference(), key: 'mine' }, 'acct')).toBe('mine');
    expect(connectionRuleKey({ action: 'remove', privateEndpointId: reference() }, 'acct')).toBeUndefined();
  });

  it('never depend on the rule\'s position', () => {
    const a: ConnectionRule = { action: 'approve', connectionName: `pe-a.${GUID}`, description: 'ok' };
    const b: ConnectionRule = { action: 'reject', privateEndpointId: endpointId('pe-b'), description: 'no' };
    expect([a, b].map((r) => connectionRuleKey(r, 'acct'))).toEqual([b, a].map((r) => connectionRuleKey(r, 'acct')).reverse());
  });
});

describe('connection requests', () => {
  it('approves with a PATCH of status Approved, sent only while Pending, and is content with Pending or Approved', () => {
    expect(connectionRequest({ action: 'approve', connectionName: 'a.1', description: 'ok' })).toEqual({
      method: 'PATCH',
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' } } },
      sendWhile: ['Pending'],
      settled: ['Pending', 'Approved'],
    });
  });

  it('rejects with a PATCH of status Rejected, sent while Pending or Approved', () => {
    expect(connectionRequest({ action: 'reject', connectionName: 'a.1', description: 'no' })).toEqual({
      method: 'PATCH',
      body: { properties: { privateLinkServiceConnectionState: { status: 'Rejected', description: 'no' } } },
      sendWhile: ['Pending', 'Approved'],
    });
  });

  it('removes with a bodiless DELETE, whatever the status', () => {
    expect(connectionRequest({ action: 'remove', connectionName: 'a.1' })).toEqual({ method: 'DELETE' });
  });

  it('keeps a description with ${ or %{ literal in Terraform', () => {
    expect(escapeTemplate('cost ${x} and %{if}')).toBe('cost $${x} and %%{if}');
    const token = reference();
    expect(escapeTemplate(token)).toBe(token);
  });

  it('names the types and the connection ID', () => {
    expect(connectionResourceType('2024-07-01')).toBe('Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01');
    expect(accountResourceType('2025-06-01')).toBe('Microsoft.Batch/batchAccounts@2025-06-01');
    expect(connectionId(ACCOUNT_ID, 'pe.1')).toBe(`${ACCOUNT_ID}/privateEndpointConnections/pe.1`);
  });

  it('describes a selector in words', () => {
    expect(describeSelector({ action: 'remove', connectionName: 'a.1' })).toBe('connection a.1');
    expect(describeSelector({ action: 'remove', privateEndpoint: { id: reference(), name: 'pe-x' } })).toBe('the connection of private endpoint pe-x');
  });
});

describe('account and api-version', () => {
  it('checks the account ID and the api-version', () => {
    expect(accountIdProblems(ACCOUNT_ID)).toEqual([]);
    expect(accountIdProblems(endpointId('x'))).toEqual([{ field: 'account.id', problem: expect.stringMatching(/must be a Batch account ID/) }]);
    expect(accountIdProblems(reference())).toEqual([]);
    expect(apiVersionProblems(DEFAULT_BATCH_CONNECTION_API_VERSION)).toEqual([]);
    expect(apiVersionProblems('2025-06-01')).toEqual([]);
    expect(apiVersionProblems('2023-05-01')).toEqual([{ field: 'apiVersion', problem: 'must be one of 2024-07-01|2025-06-01, got "2023-05-01"' }]);
  });
});
