/**
 * Time from a save to the new title on the public article page: the editor's save goes through
 * the data layer's own function (revision, outbox row in the same transaction), the running
 * server's poller picks the outbox up and revalidates, and the page is polled until it shows.
 */
import type { AppDatabase } from "@/db/open";
import { getPostForEditFor, updatePostFor, type PostActor } from "@/lib/dal/posts-core";

const POLL_MS = 25;

export type PublishProbe = { db: AppDatabase; actor: PostActor; postId: number; slug: string };

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
  const saved = updatePostFor(probe.db, probe.actor, probe.postId, post.version, {
    title,
    slug: post.slug,
    slugAuto: false,
    lead: post.lead,
    categoryId: post.categoryId,
    source: post.source,
    featuredMediaId: post.featured.mediaId,
    featuredCaption: post.featured.caption,
    keepLegacyImage: true,
    publishedAt: post.publishedAt ? new Date(post.publishedAt) : null,
    seoTitle: post.seoTitle,
    seoDescription: post.seoDescription,
    body: post.body as object,
  });
  if (!saved.ok) throw new Error(`save refused: ${saved.message}`);
  await waitForText(`${origin}/tin-tuc/${probe.slug}`, title, 30_000);
  return performance.now() - started;
}
