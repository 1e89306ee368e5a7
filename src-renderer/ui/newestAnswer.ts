/**
 * Wraps a search so that every call settles with the answer to the newest call: typing fires
 * searches in quick succession, and an older answer arriving late must not overwrite a newer one.
 */
export function newestAnswerOf<Args extends unknown[], Answer>(
  search: (...args: Args) => Promise<Answer>
): (...args: Args) => Promise<Answer> {
  let newest: Promise<Answer> | undefined
  return async (...args) => {
    const mine = search(...args)
    newest = mine
    const answer = await mine
    return newest === mine ? answer : (newest ?? mine)
  }
}
