/**
 * `cdktf-azure-private-batch/terraform`: Terraform features cdktf 0.21 lacks or gets wrong, which the constructs
 * use and an app may use beside them: a local backend at a project-relative path, `import` and `check` blocks, bare
 * references in `cdktf synth --hcl` output, and the context key that turns on `moved` blocks from 0.1 addresses.
 */
export { ProjectLocalBackend, ProjectLocalBackendProps } from './project-local-backend';
export { ImportBlock, ImportBlockProps } from './import-block';
export { CheckAssertion, CheckBlock, CheckBlockProps } from './check-block';
export { bareHclReferences } from '../hcl/bare-references';
export { useBareHclReferences } from '../hcl/stack-hcl';
export { MOVED_FROM_V01_CONTEXT } from '../core/addresses';
