import { isToken } from './tokens';
import { PropProblem } from './problems';

/**
 * A pool's OS image: a Marketplace image (`publisher`, `offer`, `sku`) or an image resource by `id` (a managed
 * image or an Azure Compute Gallery image, replicated to the account's region), and the Batch node agent that
 * matches it.
 */
export interface PoolImage {
  /** The node agent SKU that matches the image, e.g. `batch.node.ubuntu 22.04`. */
  readonly nodeAgentSkuId: string;
  /**
   * The Marketplace publisher, e.g. `canonical`.
   * @default none: give `id` instead
   */
  readonly publisher?: string;
  /**
   * The Marketplace offer, e.g. `0001-com-ubuntu-server-jammy`.
   * @default none: give `id` instead
   */
  readonly offer?: string;
  /**
   * The Marketplace SKU, e.g. `22_04-lts`.
   * @default none: give `id` instead
   */
  readonly sku?: string;
  /**
   * The Marketplace image version.
   * @default 'latest' (written out: the image block is ForceNew, so a value Azure fills in must not diff)
   */
  readonly version?: string;
  /**
   * An image resource ID instead of a Marketplace image: `/subscriptions/…/providers/Microsoft.Compute/images/<name>`
   * or a gallery image (version).
   * @default none: a Marketplace image
   */
  readonly id?: string;
}

const NODE_AGENT_PREFIX = 'batch.node.';
const COMPUTE_IMAGE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/(images\/[^/]+|galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?)$/i;
const MARKETPLACE_FIELDS = ['publisher', 'offer', 'sku'] as const;

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** Problems with a pool image, fields relative to it (`nodeAgentSkuId`, `publisher`, …). */
export function poolImageProblems(image: PoolImage | undefined): PropProblem[] {
  if (image === undefined) return [{ field: '', problem: 'is required: { publisher, offer, sku, nodeAgentSkuId } or { id, nodeAgentSkuId }' }];
  const problems: PropProblem[] = [];
  const sku = image.nodeAgentSkuId;
  if (blank(sku) || (!isToken(sku) && !sku.startsWith(NODE_AGENT_PREFIX))) {
    problems.push({ field: 'nodeAgentSkuId', problem: `must be a Batch node agent SKU such as "batch.node.ubuntu 22.04" (az batch pool supported-images list), got ${JSON.stringify(sku)}` });
  }
  if (image.id !== undefined) {
    for (const field of [...MARKETPLACE_FIELDS, 'version'] as const) {
      if (image[field] !== undefined) problems.push({ field, problem: 'must not be set with id: an image is a Marketplace image or an image resource, not both' });
    }
    if (!isToken(image.id) && !COMPUTE_IMAGE_ID.test(image.id)) {
      problems.push({ field: 'id', problem: `must be an image or gallery image ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/images/<name>, or …/galleries/<g>/images/<i>[/versions/<v>]), got ${JSON.stringify(image.id)}` });
    }
    return problems;
  }
  for (const field of MARKETPLACE_FIELDS) {
    if (blank(image[field])) problems.push({ field, problem: 'is required for a Marketplace image (or give id for an image resource)' });
  }
  if (image.version !== undefined && blank(image.version)) problems.push({ field: 'version', problem: 'must not be empty: a version such as 1.2.3, or latest' });
  return problems;
}
