import { join } from 'path';
import { buildApp } from './app/build-app';
import { ConfigError, loadConfig } from './app/load-config';

// The example app: one private Batch stack per entry of a config file (PRIVATE_BATCH_CONFIG, or the example).
const file = process.env.PRIVATE_BATCH_CONFIG || join('config', 'example.json');
try {
  buildApp(loadConfig(file), { file }).synth();
} catch (error) {
  // A bad config or a refused stack is the user's to fix: the message says where. Anything else is a bug in the
  // app or the library, and keeps its stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
