import { BATCH_SUB_RESOURCES, isBatchSubResource } from '../../rules/sub-resources';
import { crossSubscriptionProblem } from '../../rules/resource-id';
import { BatchEndpointView, batchEndpoints, subscriptionOfResource } from '../batch-view';
import { Finding } from '../finding';
import { StackModel, blocks } from '../stack-model';

/** An endpoint to a Batch account carries exactly one known sub-resource. */
export function endpointSubResourceFindings(model: StackModel, endpoints: BatchEndpointView[] = batchEndpoints(model)): Finding[] {
  return endpoints
    .filter((e) => !(e.subResource && isBatchSubResource(e.subResource)))
    .map((e) => ({
      path: e.resource.path,
      attribute: 'private_service_connection.subresource_names',
      value: e.subResourceNames,
      problem: `an endpoint to a Batch account needs exactly one of ${BATCH_SUB_RESOURCES.join(', ')} (a connection carries one group id)`,
      fix: 'make one endpoint per sub-resource, e.g. with BatchPrivateEndpoint',
    }));
}

/** A `batchAccount` endpoint is in its account's subscription, when both are known at synth. */
export function endpointSubscriptionFindings(model: StackModel, endpoints: BatchEndpointView[] = batchEndpoints(model)): Finding[] {
  return endpoints.flatMap((e) => {
    const endpointSubscription = subscriptionOfResource(model, e.resource, e.resource.config.subnet_id);
    const accountId = blocks(e.resource.config.private_service_connection)[0]?.private_connection_resource_id;
    const accountSubscription = e.account
      ? subscriptionOfResource(model, e.account, undefined)
      : subscriptionOfResource(model, e.resource, accountId);
    const problem = crossSubscriptionProblem(e.subResource ?? '', endpointSubscription, accountSubscription);
    return problem
      ? [{
        path: e.resource.path,
        attribute: 'subnet_id',
        value: e.resource.config.subnet_id,
        problem: `the endpoint's subscription ${problem}`,
        fix: 'create the batchAccount endpoint in the Batch account\'s subscription (an Azure limitation)',
      }]
      : [];
  });
}
