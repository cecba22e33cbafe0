import { utf8Length } from './tags';

/** The most bytes azurerm accepts in a private endpoint's `request_message` (`StringLenBetween(1, 140)`, Go bytes). */
export const REQUEST_MESSAGE_MAX_BYTES = 140;

/**
 * Why a manual connection's request message would be refused, or undefined. azurerm (v4.55.0,
 * `network/private_endpoint_resource.go`) takes 1-140 bytes, so 140 characters only when they are ASCII, and its
 * plan-time check refuses a message that is only white space when the connection is manual.
 */
export function requestMessageProblem(message: string): string | undefined {
  const bytes = utf8Length(message);
  if (message.trim() === '') return 'must not be empty or only white space: Azure shows it to the account owner';
  if (bytes > REQUEST_MESSAGE_MAX_BYTES) {
    return `must be at most ${REQUEST_MESSAGE_MAX_BYTES} bytes of UTF-8, got ${bytes}${bytes === message.length ? '' : ` (${message.length} characters)`}`;
  }
  return undefined;
}
