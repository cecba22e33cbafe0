import { App, TerraformStack, Testing } from 'cdktf';
import { ProjectLocalBackend } from '../lib/terraform/project-local-backend';
import { synthConfig, exampleStack } from './helpers/config';

const synthWith = (backend: unknown) => {
  const stack = { ...exampleStack(), backend };
  return synthConfig({ stacks: [stack] })[stack.name];
};

describe('stack backends', () => {
  it('default to local state at a path relative to the stack folder', () => {
    const json = synthConfig({ stacks: [exampleStack()] })['batch-private-eastus'];
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform.batch-private-eastus.tfstate' } });
    expect(json.terraform.cloud).toBeUndefined();
  });

  it('render Terraform Cloud with a named workspace (hostname defaults to app.terraform.io)', () => {
    const json = synthWith({ type: 'cloud', organization: 'contoso', workspace: { name: 'batch-private-eastus' } });
    expect(json.terraform.backend).toBeUndefined();
    expect(json.terraform.cloud).toEqual({ organization: 'contoso', workspaces: { name: 'batch-private-eastus' } });
  });

  it('render Terraform Enterprise with a hostname and tagged workspaces', () => {
    const json = synthWith({ type: 'cloud', organization: 'contoso', hostname: 'tfe.contoso.com', workspace: { tags: ['batch', 'eastus'] } });
    expect(json.terraform.cloud).toEqual({ hostname: 'tfe.contoso.com', organization: 'contoso', workspaces: { tags: ['batch', 'eastus'] } });
  });

  it('never put a token in config or output', () => {
    expect(() => synthWith({ type: 'cloud', organization: 'contoso', token: 'secret', workspace: { name: 'w' } })).toThrow(/backend: Unrecognized key: "token"/);
  });
});

describe('ProjectLocalBackend', () => {
  const backendOf = (app: App, build: (stack: TerraformStack) => void) => {
    const stack = new TerraformStack(app, 'web');
    build(stack);
    return JSON.parse(Testing.synth(stack)).terraform.backend;
  };

  it('keeps the state in the project root, at a path that reads the same on every machine', () => {
    expect(backendOf(Testing.app(), (stack) => new ProjectLocalBackend(stack))).toEqual({ local: { path: '../../../terraform.web.tfstate' } });
  });

  it('takes a state file named relative to the project (the outdir is followed too: see rules/state-path)', () => {
    const stack = new TerraformStack(Testing.app(), 'web');
    const backend = new ProjectLocalBackend(stack, { stateFile: 'state/web.tfstate' });
    expect(backend.statePath).toBe('../../../state/web.tfstate');
    expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual({ local: { path: '../../../state/web.tfstate' } });
  });
});
