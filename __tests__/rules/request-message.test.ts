import { requestMessageProblem } from '../../lib/rules/request-message';

describe('request messages of manual connections', () => {
  it.each(['x', 'Please approve (NET-42)', 'a'.repeat(140), 'é'.repeat(70)])('accepts %j (1-140 bytes)', (message) => {
    expect(requestMessageProblem(message)).toBeUndefined();
  });

  it.each(['', ' ', '\t\n'])('refuses %j, which azurerm refuses when the connection is manual', (message) => {
    expect(requestMessageProblem(message)).toBe('must not be empty or only white space: Azure shows it to the account owner');
  });

  it('counts bytes, not characters, as azurerm does', () => {
    expect(requestMessageProblem('a'.repeat(141))).toBe('must be at most 140 bytes of UTF-8, got 141');
    expect(requestMessageProblem('é'.repeat(71))).toBe('must be at most 140 bytes of UTF-8, got 142 (71 characters)');
  });
});
