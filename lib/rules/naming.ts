import { BatchSubResource } from './sub-resources';

const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

/** What a Batch account name must be, as error messages say it. */
export const ACCOUNT_NAME_RULE = '3-24 lowercase letters and digits (it becomes a DNS label)';

/** Why a Batch account name is invalid, or undefined when it is valid. */
export function accountNameProblem(name: string): string | undefined {
  return ACCOUNT_NAME.test(name) ? undefined : `must be ${ACCOUNT_NAME_RULE}, got ${JSON.stringify(name)}`;
}

/**
 * The ARM form of a location: "East US" and "eastus" both give `eastus`.
 * Record names embed the region, so one spelling must win everywhere.
 */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** Why a location is invalid after normalizing, or undefined when it looks like an Azure region. */
export function locationProblem(location: string): string | undefined {
  return /^[a-z][a-z0-9]+$/.test(normalizeLocation(location))
    ? undefined
    : `must be an Azure region such as "eastus" or "East US", got ${JSON.stringify(location)}`;
}

/**
 * The default name of a private endpoint: unique per account (account names are globally unique)
 * and per sub-resource, so two accounts or both sub-resources never collide.
 */
export function defaultEndpointName(accountName: string, subResource: BatchSubResource): string {
  return `pe-${accountName}-${subResource.toLowerCase()}`;
}
