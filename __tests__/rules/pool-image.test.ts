import { poolImageProblems } from '../../lib/rules/pool-image';

const ubuntu = { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', nodeAgentSkuId: 'batch.node.ubuntu 22.04' };
const GALLERY = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Compute/galleries/gallery/images/image';

describe('pool image rules', () => {
  it('accepts a Marketplace image with its node agent, with or without a version', () => {
    expect(poolImageProblems(ubuntu)).toEqual([]);
    expect(poolImageProblems({ ...ubuntu, version: '22.04.202401010' })).toEqual([]);
  });

  it.each([
    ['a managed image', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/img'],
    ['a gallery image', GALLERY],
    ['a gallery image version', `${GALLERY}/versions/1.0.0`],
    ['a gallery image in lower case', GALLERY.toLowerCase()],
  ])('accepts %s by ID', (_what, id) => {
    expect(poolImageProblems({ id, nodeAgentSkuId: 'batch.node.ubuntu 22.04' })).toEqual([]);
  });

  it('requires an image', () => {
    expect(poolImageProblems(undefined)).toEqual([{ field: '', problem: expect.stringContaining('is required: { publisher, offer, sku, nodeAgentSkuId } or { id, nodeAgentSkuId }') }]);
  });

  it.each(['', ' ', 'ubuntu 22.04', 'Batch.Node.ubuntu 22.04'])('refuses the node agent SKU %j, pointing to the list', (sku) => {
    expect(poolImageProblems({ ...ubuntu, nodeAgentSkuId: sku })).toEqual([{
      field: 'nodeAgentSkuId',
      problem: `must be a Batch node agent SKU such as "batch.node.ubuntu 22.04" (az batch pool supported-images list), got ${JSON.stringify(sku)}`,
    }]);
  });

  it('refuses a missing node agent SKU', () => {
    expect(poolImageProblems({ ...ubuntu, nodeAgentSkuId: undefined as unknown as string })).toEqual([{ field: 'nodeAgentSkuId', problem: expect.stringContaining('got undefined') }]);
  });

  it('names each Marketplace field that is missing or blank', () => {
    expect(poolImageProblems({ nodeAgentSkuId: 'batch.node.ubuntu 22.04', publisher: ' ' })).toEqual(['publisher', 'offer', 'sku'].map((field) => ({
      field, problem: 'is required for a Marketplace image (or give id for an image resource)',
    })));
  });

  it('refuses an empty version', () => {
    expect(poolImageProblems({ ...ubuntu, version: '' })).toEqual([{ field: 'version', problem: 'must not be empty: a version such as 1.2.3, or latest' }]);
  });

  it('refuses Marketplace fields beside an image ID, each by name', () => {
    expect(poolImageProblems({ ...ubuntu, version: 'latest', id: GALLERY })).toEqual(['publisher', 'offer', 'sku', 'version'].map((field) => ({
      field, problem: 'must not be set with id: an image is a Marketplace image or an image resource, not both',
    })));
  });

  it.each([
    '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a',
    'canonical:ubuntu:22_04-lts:latest',
    `${GALLERY}/versions`,
    `x${GALLERY}`,
  ])('refuses the image ID %j', (id) => {
    expect(poolImageProblems({ id, nodeAgentSkuId: 'batch.node.ubuntu 22.04' })).toEqual([{ field: 'id', problem: expect.stringContaining(`must be an image or gallery image ID`) }]);
  });
});
