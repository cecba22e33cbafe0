import { keyVaultUrlProblem } from '../../lib/rules/key-vault';

describe('Key Vault URLs', () => {
  it.each(['https://myvault.vault.azure.net/', 'https://myvault.vault.azure.cn', 'HTTPS://MYVAULT.VAULT.USGOVCLOUDAPI.NET/'])('accepts %j', (url) => {
    expect(keyVaultUrlProblem(url)).toBeUndefined();
  });

  it.each(['http://myvault.vault.azure.net/', 'myvault.vault.azure.net', 'ftp://x', '', 'https://', 'https:///kv', 'https://?kv', 'https://#kv', 'https:// kv', ' https://kv.vault.azure.net/'])('refuses %j: azurerm wants an https URL with a host', (url) => {
    const problem = keyVaultUrlProblem(url);
    expect(problem).toContain('must be an https URL such as https://myvault.vault.azure.net/');
    expect(problem).toContain(`got ${JSON.stringify(url)}`);
  });
});
