// Updates of one chat are handled one after another, in the order they were handed over, within
// this process (the inbound worker runs a batch concurrently). Across processes the chat's
// advisory lock serialises them.
const tails = new Map<string, Promise<void>>();

export function inChatOrder<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
