import { Construct } from 'constructs';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { projectStatePath } from '../rules/state-path';

/** Props of {@link ProjectLocalBackend}. */
export interface ProjectLocalBackendProps {
  /**
   * The state file, relative to the project root (the folder cdktf runs in, beside cdktf.json).
   * @default `terraform.<stack name>.tfstate`
   */
  readonly stateFile?: string;
}

/**
 * A local backend that keeps the stack's state in the project root, under a path relative to the stack's
 * folder. cdktf's own `LocalBackend` default is an absolute path (`/home/<you>/<project>/terraform.<stack>.tfstate`),
 * so the synthesized stack would differ on every machine and every checkout; with this one it reads
 * `../../../terraform.<stack>.tfstate` everywhere. `new ProjectLocalBackend(stack)` in a stack's constructor.
 */
export class ProjectLocalBackend extends LocalBackend {
  /** The state path as written in the stack, relative to the stack's folder. */
  public readonly statePath: string;

  constructor(scope: Construct, props: ProjectLocalBackendProps = {}) {
    const stack = TerraformStack.of(scope);
    const path = projectStatePath({
      outdir: App.of(stack).outdir,
      stackName: stack.node.id,
      stateFile: props.stateFile ?? `terraform.${stack.node.id}.tfstate`,
    });
    super(scope, { path });
    this.statePath = path;
  }
}
