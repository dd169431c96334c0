/**
 * A queue of one: tasks run one after another, in the order they came. Decoding a large photo
 * takes hundreds of megabytes, so uploads arriving together are processed in turn rather than at
 * once: the server's peak memory is that of one image, whatever the number of uploads.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
