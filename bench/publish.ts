/**
 * Time from a save to the new title on the public article page: the editor's save goes through
 * the data layer's own function (revision, outbox row in the same transaction), the running
 * server's poller picks the outbox up and revalidates, and the page is polled until it shows.
 */
import type { Db } from "@/lib/dal/connection";
import { getPostForEditFor } from "@/lib/dal/posts/read";
import { savePostFor } from "@/lib/dal/posts/save";
import type { Actor } from "@/lib/dal/actor";
import { postTextOf } from "@/lib/validations/post";

const POLL_MS = 25;

export type PublishProbe = { db: Db; actor: Actor; postId: number; slug: string };

async function waitForText(url: string, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const html = await fetch(url, { headers: { "accept-encoding": "identity" } }).then((r) => r.text(), () => "");
    if (html.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s`);
}

/** Saves a new title for the post and returns how long, in ms, until `origin` serves it. */
export async function timePublish(probe: PublishProbe, origin: string, round: string): Promise<number> {
  const post = getPostForEditFor(probe.db, probe.actor, probe.postId);
  if (!post) throw new Error(`post ${probe.postId} is not editable by the benchmark's editor`);
  const title = `${post.title.replace(/ \(đo lần [^)]*\)$/u, "")} (đo lần ${round})`;
  const started = performance.now();
  const fields = {
    ...postTextOf(post),
    title,
    slug: post.slug,
    slugAuto: false,
    categoryId: post.categoryId,
    featuredMediaId: post.featured.mediaId,
    featuredCaption: post.featured.caption,
    keepLegacyImage: true,
    publishedAt: post.publishedAt ? new Date(post.publishedAt) : null,
    body: post.body as object,
  };
  const saved = savePostFor(probe.db, probe.actor, { intent: "save", id: probe.postId, version: post.version, fields });
  if (!saved.ok) throw new Error(`save refused: ${saved.message}`);
  await waitForText(`${origin}/tin-tuc/${probe.slug}`, title, 30_000);
  return performance.now() - started;
}
