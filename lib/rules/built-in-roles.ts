/**
 * Built-in Azure role definitions that a Batch account's users and its endpoints' users are given, by exact
 * `roleName`, with the role definition's name (its GUID). Data, not logic: `roles.ts` resolves names with it.
 *
 * Sources (read 2026-11, see /work/research/roles.md):
 * - AVM Bicep `avm/res/batch/batch-account/main.bicep` `builtInRoleNames` (Azure/bicep-registry-modules @ ae011bdc):
 *   Owner, Contributor, Reader, Role Based Access Control Administrator, User Access Administrator.
 * - Learn, "Azure built-in roles" (MicrosoftDocs/azure-docs `articles/role-based-access-control/built-in-roles/*`,
 *   privileged.md @ 0b8729ea, monitor and analytics pages): Owner, Contributor, User Access Administrator, Role
 *   Based Access Control Administrator, Monitoring Contributor, Log Analytics Contributor and Reader.
 * - Learn, "Role-based access control for Azure Batch" (`articles/batch/batch-role-based-access-control.md`,
 *   ms.date 04/02/2025): the four Azure Batch roles.
 * - AVM Bicep `avm/res/network/private-endpoint/main.bicep` `builtInRoleNames` (@ 02f5b74e): Network
 *   Contributor, Private DNS Zone Contributor; AVM tables: Monitoring Reader.
 */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Azure Batch Account Contributor': '29fe4964-1e60-436b-bd3a-77fd4c178b3c',
  'Azure Batch Account Reader': '11076f67-66f6-4be0-8f6b-f0609fd05cc9',
  'Azure Batch Data Contributor': '6aaa78f1-f7de-44ca-8722-c64a23943cae',
  'Azure Batch Job Submitter': '48e5e92e-a480-4e71-aa9c-2778f4c13781',
  'Network Contributor': '4d97b98b-1d4f-4787-a291-c67834d212e7',
  'Private DNS Zone Contributor': 'b12aa53e-6015-4669-85d0-8515ebb3ae7f',
  'Monitoring Contributor': '749f88d5-cbae-40b8-bcfc-e573ddc772fa',
  'Monitoring Reader': '43d0d8ad-25c7-4714-9337-8ba259a9fe05',
  'Log Analytics Contributor': '92aaf0da-9dab-42b6-94a3-d43ce8d16293',
  'Log Analytics Reader': '73c42c96-874c-492b-b04d-ab87d138a893',
};
