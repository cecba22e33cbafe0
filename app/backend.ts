import { CloudBackend, NamedCloudWorkspace, TaggedCloudWorkspaces, TerraformStack } from 'cdktf';
import { ProjectLocalBackend } from '../lib/terraform/project-local-backend';
import { StackConfig } from './config-schema';

/**
 * The stack's backend. Local state lives in the project root, at `terraform.<stack>.tfstate` under a path relative
 * to the stack's folder (ProjectLocalBackend), because cdktf's default path is absolute and would differ on every
 * machine.
 * Terraform Cloud reads its token from `terraform login` or TF_TOKEN_<host>; it is never in config or output.
 */
export function addBackend(stack: TerraformStack, config: StackConfig): void {
  const backend = config.backend;
  if (backend.type === 'local') {
    new ProjectLocalBackend(stack);
    return;
  }
  new CloudBackend(stack, {
    hostname: backend.hostname,
    organization: backend.organization,
    workspaces: 'name' in backend.workspace
      ? new NamedCloudWorkspace(backend.workspace.name)
      : new TaggedCloudWorkspaces(backend.workspace.tags),
  });
}
