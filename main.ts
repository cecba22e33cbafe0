import { join } from 'path';
import { buildApp } from './app/build-app';
import { loadConfig } from './app/load-config';

// The example app: one private Batch stack per entry of a config file (PRIVATE_BATCH_CONFIG, or the example).
const file = process.env.PRIVATE_BATCH_CONFIG || join('config', 'example.json');
try {
  buildApp(loadConfig(file)).synth();
} catch (error) {
  // cdktf's hint to pass skipValidation does not apply here: the guards are the point.
  console.error((error as Error).message.replace(/\s*If you wish to ignore these validations.*$/s, ''));
  process.exit(1);
}
