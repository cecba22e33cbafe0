import { AZURE_CLOUDS, AzureCloud } from './clouds';
import { locationProblem, normalizeLocation } from './naming';

/** An Azure region: its ARM name (what `location` takes) and the display name the portal shows. */
export interface AzureRegion {
  /** The ARM name, e.g. `eastus`. */
  readonly name: string;
  /** The display name, e.g. `East US`; it normalizes to the ARM name (lower case, no spaces). */
  readonly displayName: string;
  /** Access is restricted (needs a request to Microsoft); Azure refuses it for a subscription without access. */
  readonly restricted?: boolean;
}

const region = (displayName: string, restricted?: true): AzureRegion =>
  (restricted ? { name: normalizeLocation(displayName), displayName, restricted } : { name: normalizeLocation(displayName), displayName });

/**
 * The regions where each cloud deploys resources, kept as data. Region lists change: update this table from its
 * sources, which are also in docs/regions.md.
 * - AzureCloud: Microsoft Learn "Azure regions list" (learn.microsoft.com/azure/reliability/regions-list,
 *   ms.date 2025-09-23), cross-checked with `az account list-locations` (Azure/terraform-azurerm-avm-utl-regions,
 *   modules/cached-data/locations.tf.json). Logical, staging and canary (EUAP) names are left out on purpose.
 * - AzureChinaCloud: docs.azure.cn/en-us/reliability/regions-list and
 *   learn.microsoft.com/azure/china/overview-regions.
 * - AzureUSGovernment: the Azure SDKs' region tables (azure-sdk-for-java `Region.java` GOV_US_*, GOV_US_DOD_*;
 *   azure-sdk-for-net `AzureLocation.cs`), as no Learn page lists the US Government regions by ARM name.
 */
// Stryker disable all: data, checked against its sources (docs/azure-limits.md), not by mutating its entries
export const AZURE_REGIONS: Readonly<Record<AzureCloud, readonly AzureRegion[]>> = {
  AzureCloud: [
    region('Australia Central'), region('Australia Central 2', true), region('Australia East'), region('Australia Southeast'),
    region('Austria East'), region('Belgium Central'), region('Brazil South'), region('Brazil Southeast', true),
    region('Canada Central'), region('Canada East'), region('Central India'), region('Central US'), region('Chile Central'),
    region('Denmark East'), region('East Asia'), region('East US'), region('East US 2'), region('France Central'),
    region('France South', true), region('Germany North', true), region('Germany West Central'), region('Indonesia Central'),
    region('Israel Central'), region('Italy North'), region('Japan East'), region('Japan West'), region('Jio India Central'),
    region('Jio India West'), region('Korea Central'), region('Korea South'), region('Malaysia West'), region('Mexico Central'),
    region('New Zealand North'), region('North Central US'), region('North Europe'), region('Norway East'),
    region('Norway West', true), region('Poland Central'), region('Qatar Central'), region('South Africa North'),
    region('South Africa West', true), region('South Central US'), region('Southeast Asia'), region('South India'),
    region('Spain Central'), region('Sweden Central'), region('Sweden South', true), region('Switzerland North'),
    region('Switzerland West', true), region('UAE Central', true), region('UAE North'), region('UK South'), region('UK West'),
    region('West Central US'), region('West Europe'), region('West India'), region('West US'), region('West US 2'),
    region('West US 3'),
  ],
  AzureChinaCloud: [
    region('China East'), region('China East 2'), region('China East 3', true), region('China North'), region('China North 2'),
    region('China North 3'),
  ],
  AzureUSGovernment: [
    region('US Gov Arizona'), region('US Gov Iowa'), region('US Gov Texas'), region('US Gov Virginia'), region('US DoD Central'),
    region('US DoD East'),
  ],
};
// Stryker restore all

/** The clouds that have a region of this name or display name ("East US" and "eastus" are the same region). */
export function cloudsOfRegion(location: string): AzureCloud[] {
  const name = normalizeLocation(location);
  return AZURE_CLOUDS.filter((cloud) => AZURE_REGIONS[cloud].some((r) => r.name === name));
}

/** The regions whose display name has the same words as `location` in another order: "US East" gives East US. */
function sameWords(location: string): AzureRegion[] {
  const words = (text: string): string => text.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
  const wanted = words(location);
  return AZURE_CLOUDS.flatMap((cloud) => AZURE_REGIONS[cloud]).filter((r) => words(r.displayName) === wanted);
}

/**
 * Why `location` is not a region of `cloud` (or of any cloud, when none is given), or undefined when it is one.
 * Both the ARM name and the display name are accepted, in any case, as azurerm normalizes them.
 */
export function regionProblem(location: string, cloud?: AzureCloud): string | undefined {
  const clouds = cloudsOfRegion(location);
  if (cloud === undefined ? clouds.length > 0 : clouds.includes(cloud)) return undefined;
  if (cloud !== undefined && clouds.length > 0) {
    return `is a region of ${clouds.join(', ')}, not of ${cloud}, the cloud this deploys to (its regions: ${AZURE_REGIONS[cloud].map((r) => r.name).join(', ')})`;
  }
  const guess = sameWords(location).map((r) => `"${r.displayName}" (${r.name})`);
  const hint = guess.length > 0 ? `; did you mean ${guess.join(' or ')}?` : '';
  const example = EXAMPLE[cloud ?? 'AzureCloud'];
  return `must be an Azure region${cloud ? ` of ${cloud}` : ''} such as ${example.name} or "${example.displayName}", got ${JSON.stringify(location)}${hint}`;
}

/**
 * Why a location prop is no Azure region, for a construct that does not know its cloud (the stack guards check
 * the cloud): what is no region name at all, then what is a region of no cloud, with a guess ("US East" gives
 * `did you mean "East US" (eastus)?`), as the config file's check says it.
 */
export function anyRegionProblem(location: string): string | undefined {
  return locationProblem(location) ?? regionProblem(location);
}

const EXAMPLE: Record<AzureCloud, AzureRegion> = {
  AzureCloud: region('East US'),
  AzureChinaCloud: region('China North 3'),
  AzureUSGovernment: region('US Gov Virginia'),
};
