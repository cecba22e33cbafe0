/** The helpers run terraform with the world runner's environment (world/run/env.ts). */
export { terraformEnv } from '../../../world/run/env';
