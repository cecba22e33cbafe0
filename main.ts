import { join } from 'path';
import { appWarnings, buildApp } from './app/build-app';
import { cdktfJsonContext } from './app/cdktf-json';
import { cleanSynthOutput } from './app/clean-outdir';
import { ConfigError, loadConfig } from './app/load-config';
import { synthSummary } from './app/synth-summary';
import { withoutTokenTraces } from './app/token-traces';

// The example app: one private Batch stack per entry of a config file (PRIVATE_BATCH_CONFIG, or the example).
const file = process.env.PRIVATE_BATCH_CONFIG || join('config', 'example.json');
try {
  withoutTokenTraces(() => {
    // cdktf.json's context, as `npx cdktf synth` gives it, so that both commands build the same stacks.
    const app = buildApp(loadConfig(file), { file, context: cdktfJsonContext() });
    for (const warning of appWarnings(app)) console.error(`warning: ${warning}`);
    // Only once every stack is valid: a failed synth leaves the last good output as it was.
    cleanSynthOutput(app.outdir);
    app.synth();
    // The cdktf CLI, which sets SYNTH_HCL_OUTPUT for the app command it runs, prints the same line itself.
    if (process.env.SYNTH_HCL_OUTPUT === undefined) console.log(synthSummary(app));
  });
} catch (error) {
  // A bad config or a refused stack is the user's to fix: the message says where. Anything else is a bug in the
  // app or the library, and keeps its stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
