import { keyVaultUrlProblem } from '../../lib/rules/key-vault';

describe('Key Vault URLs', () => {
  it.each(['https://myvault.vault.azure.net/', 'https://myvault.vault.azure.cn', 'HTTPS://MYVAULT.VAULT.USGOVCLOUDAPI.NET/'])('accepts %j', (url) => {
    expect(keyVaultUrlProblem(url)).toBeUndefined();
  });

  it.each(['http://myvault.vault.azure.net/', 'myvault.vault.azure.net', 'ftp://x', '', 'https://', 'https:///kv', 'https://?kv', 'https://#kv', 'https:// kv', ' https://kv.vault.azure.net/'])('refuses %j: azurerm wants an https URL', (url) => {
    expect(keyVaultUrlProblem(url)).toBe(`must be an https URL such as https://myvault.vault.azure.net/, got ${JSON.stringify(url)}`);
  });
});
