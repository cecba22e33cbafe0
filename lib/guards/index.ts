/**
 * `cdktf-azure-private-batch/guards`: the synth-time checks over a whole stack, which every construct of the
 * package adds, and the explicit opt-ins for a raw resource that must stay public or relies on what the stack does
 * not show.
 */
export { BatchGuards } from './batch-guards';
export { Finding } from './finding';
export { hasOptedIn, optIn, OptIn, OPT_INS, optInsOf } from './opt-ins';
