/**
 * An error as ARM answers it: HTTP status, error code and message (Learn: azure-resource-manager/troubleshooting/
 * common-deployment-errors lists the codes used here).
 */
export class ArmError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

/** 404 ResourceNotFound / ParentResourceNotFound. */
export function notFound(id: string, what = 'Resource'): ArmError {
  return new ArmError(404, what === 'Resource' ? 'ResourceNotFound' : 'ParentResourceNotFound',
    `${what} '${id}' was not found.`);
}

/** 409 Conflict with a code. */
export function conflict(code: string, message: string): ArmError {
  return new ArmError(409, code, message);
}

/** 400 Bad Request with a code. */
export function badRequest(code: string, message: string): ArmError {
  return new ArmError(400, code, message);
}
