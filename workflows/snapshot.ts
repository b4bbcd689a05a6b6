/** A deep copy for an activity's input, so later handlers cannot change what an earlier one recorded. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
