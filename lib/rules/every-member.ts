/**
 * The members of a string union as a list, in the order given. The compiler refuses a list that misses a member or
 * holds another value, so the union (what the props take, which the API report shows) and the list (what a rule
 * checks a value against) cannot drift apart: `everyMember<DnsMode>()(['records', ...])`.
 */
export function everyMember<T extends string>(): <const V extends readonly T[]>(
  values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { readonly missing: Exclude<T, V[number]> }),
) => V {
  return (values) => values;
}
