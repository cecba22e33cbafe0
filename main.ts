import { join } from 'path';
import { appWarnings, buildApp } from './app/build-app';
import { cleanSynthOutput } from './app/clean-outdir';
import { ConfigError, loadConfig } from './app/load-config';
import { withoutTokenTraces } from './app/token-traces';

// The example app: one private Batch stack per entry of a config file (PRIVATE_BATCH_CONFIG, or the example).
const file = process.env.PRIVATE_BATCH_CONFIG || join('config', 'example.json');
try {
  withoutTokenTraces(() => {
    const app = buildApp(loadConfig(file), { file });
    for (const warning of appWarnings(app)) console.error(`warning: ${warning}`);
    // Only once every stack is valid: a failed synth leaves the last good output as it was.
    cleanSynthOutput(app.outdir);
    app.synth();
  });
} catch (error) {
  // A bad config or a refused stack is the user's to fix: the message says where. Anything else is a bug in the
  // app or the library, and keeps its stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
