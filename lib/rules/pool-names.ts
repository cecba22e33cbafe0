/** What a pool name must be, as messages say it. */
export const POOL_NAME_RULE = '1-64 letters, digits, hyphens and underscores';

const POOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Why a pool name (its ID in the account) is invalid, or undefined. azurerm's `validate.PoolName` and Azure agree:
 * `^[a-zA-Z0-9_-]+$`, at most 64 characters.
 */
export function poolNameProblem(name: string): string | undefined {
  return POOL_NAME.test(name) ? undefined : `must be ${POOL_NAME_RULE}, got ${JSON.stringify(name)}`;
}

/**
 * Whether two pool names name one pool: Batch pool IDs are case-insensitive ("you may not have two IDs within an
 * account that differ only by case").
 */
export function samePoolName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const NAT_POOL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,75}[A-Za-z0-9_])?$/;

/**
 * Why an inbound NAT pool name is invalid, or undefined. Azure: letters, digits, underscores, periods and hyphens;
 * starts with a letter or digit, ends with a letter, digit or underscore; at most 77 characters.
 */
export function natPoolNameProblem(name: string): string | undefined {
  return typeof name === 'string' && NAT_POOL_NAME.test(name)
    ? undefined
    : `must be 1-77 letters, digits, _ . -, starting with a letter or digit and ending with a letter, digit or _, got ${JSON.stringify(name)}`;
}

const VM_SIZE = /^[A-Za-z0-9_-]+$/;

/** Why a VM size is not one, or undefined: Azure VM sizes are letters, digits, `_` and `-` (`Standard_E4-2s_v3`). */
export function vmSizeProblem(vmSize: string): string | undefined {
  return VM_SIZE.test(vmSize) ? undefined : `must be an Azure VM size such as Standard_D2s_v3, got ${JSON.stringify(vmSize)}`;
}
