// An absolute https URL with a host; the scheme is case-insensitive, as in Go's url.Parse.
const HTTPS_URL = /^https:\/\/[^\s/?#]+/i;

/**
 * Why a Key Vault URL would be refused, or undefined: azurerm (v4.55.0, `batch_account_resource.go`) checks
 * `key_vault_reference.url` with `IsURLWithHTTPS`, an absolute `https://` URL with a host, such as
 * `https://myvault.vault.azure.net/`.
 */
export function keyVaultUrlProblem(url: string): string | undefined {
  return HTTPS_URL.test(url) ? undefined : `must be an https URL such as https://myvault.vault.azure.net/, got ${JSON.stringify(url)}`;
}
