import { blocks, resourcesOfType } from '../../guards/stack-model';
import { code, literalList, shown, strong } from '../cells';
import { ReviewInput, ReviewSection } from '../review-section';

/** Authentication modes less private than Microsoft Entra ID alone. */
const WEAKER_MODES = new Set(['SharedKey', 'TaskAuthenticationToken']);

function publicAccess(config: Record<string, any>): string {
  const enabled = config.public_network_access_enabled;
  if (enabled === false) return 'Disabled';
  const rules = blocks(config.network_profile).length > 0 ? ', with network rules' : '';
  if (enabled === true) return `${strong('Enabled')}${rules}`;
  return enabled === undefined ? `${strong('Enabled')} (not set: Azure's default)${rules}` : `known at apply${rules}`;
}

function authenticationModes(config: Record<string, any>): string {
  const modes = literalList(config.allowed_authentication_modes);
  if (config.allowed_authentication_modes === undefined) return `${strong('not set')}: Azure allows SharedKey`;
  if (!modes) return 'known at apply';
  return modes.map((mode) => (WEAKER_MODES.has(mode) ? strong(mode) : mode)).join(', ');
}

function identity(config: Record<string, any>): string {
  const block = blocks(config.identity)[0];
  if (!block) return 'none';
  const ids = Array.isArray(block.identity_ids) ? ` (${block.identity_ids.length})` : '';
  return `${String(block.type)}${ids}`;
}

/** Each Batch account the stack creates: where it is, whether its public endpoint is on, and how clients sign in. */
export function accountsSection({ model }: ReviewInput): ReviewSection {
  return {
    id: 'accounts',
    title: 'Batch accounts',
    columns: ['Account', 'Location', 'Public network access', 'Authentication modes', 'Identity', 'Pool allocation'],
    none: 'No Batch account is created in this stack.',
    rows: resourcesOfType(model, 'azurerm_batch_account').map(({ address, config }) => ({
      key: address,
      cells: [
        code(shown(model, config.name)),
        shown(model, config.location),
        publicAccess(config),
        authenticationModes(config),
        identity(config),
        shown(model, config.pool_allocation_mode ?? 'BatchService'),
      ],
    })),
  };
}
