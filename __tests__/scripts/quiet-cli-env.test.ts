import { quietCliEnv } from '../../scripts/lib/quiet-cli-env';

describe('quietCliEnv', () => {
  const exists = (present: string[]) => (path: string) => present.includes(path);

  it('turns the checkpoint (update) service off', () => {
    expect(quietCliEnv({ PATH: '/bin' }, exists([]), true)).toEqual({ PATH: '/bin', CHECKPOINT_DISABLE: '1' });
  });

  it('drops a Terraform CLI config file that does not exist, and an empty one', () => {
    expect(quietCliEnv({ TF_CLI_CONFIG_FILE: '/root/.terraformrc', TERRAFORM_CONFIG: '' }, exists([]), true)).toEqual({ CHECKPOINT_DISABLE: '1' });
  });

  it('keeps a config file that exists, relative paths taken from the working folder', () => {
    const env = { TF_CLI_CONFIG_FILE: '/home/me/.terraformrc', TERRAFORM_CONFIG: 'dev.tfrc' };
    expect(quietCliEnv(env, exists(['/home/me/.terraformrc', `${process.cwd()}/dev.tfrc`]), true)).toEqual({ ...env, CHECKPOINT_DISABLE: '1' });
  });

  it('draws no spinner frames off a terminal: sets CI (ink then prints only the final output), unless the user set it', () => {
    expect(quietCliEnv({ PATH: '/bin' }, exists([]), false)).toEqual({ PATH: '/bin', CHECKPOINT_DISABLE: '1', CI: 'true' });
    expect(quietCliEnv({ CI: 'false' }, exists([]), false)).toEqual({ CI: 'false', CHECKPOINT_DISABLE: '1' });
    expect(quietCliEnv({ PATH: '/bin' }, exists([]), true)).toEqual({ PATH: '/bin', CHECKPOINT_DISABLE: '1' });
  });

  it('does not change the environment it was given', () => {
    const env = { TF_CLI_CONFIG_FILE: '/missing' };
    quietCliEnv(env, exists([]), true);
    expect(env).toEqual({ TF_CLI_CONFIG_FILE: '/missing' });
  });
});
