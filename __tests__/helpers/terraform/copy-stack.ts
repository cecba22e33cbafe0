/** The helpers copy stacks as the world runner does (world/run/copy-stack.ts). */
export { BACKEND_KEYS, IGNORED, copyStack } from '../../../world/run/copy-stack';
