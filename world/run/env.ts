/** The environment terraform runs in here: no checkpoint calls, no prompts, none of the user's TF_CLI_ARGS, data dir or workspace. */
export function terraformEnv(cliConfig?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  // These would change what runs (extra CLI args, another data dir or workspace).
  for (const key of Object.keys(env)) {
    if (key.startsWith('TF_CLI_ARGS') || key === 'TF_DATA_DIR' || key === 'TF_WORKSPACE') delete env[key];
  }
  if (cliConfig) env.TF_CLI_CONFIG_FILE = cliConfig;
  return env;
}
