/**
 * Generates the benchmark archive into its own database: staff, categories, library images (real
 * files, through the app's upload path), posts in every state with revisions, and the search index
 * (kept by migration 0003's triggers on insert). Rows go in through prepared statements in large
 * transactions, so 100,000 posts take minutes, not hours.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { openDb, type Db } from "@/lib/dal/connection";
import { storeUpload } from "@/lib/dal/media/store";
import { parseLegacyExport } from "@/lib/legacy/parse";
import { renderDocument, type RenderedDocument } from "@/lib/richtext/render";
import { slugify } from "@/lib/vi/slug";
import { generatePost, type FigureImage } from "./documents";
import { seededRandom, type Random } from "./random";
import { headline, learnText, paragraph, sentence, type TextModel } from "./text";

export type ArchiveOptions = { posts: number; seed: number; databasePath: string; log: (line: string) => void };
export type ArchiveSummary = { posts: number; published: number; revisions: number; media: number; categories: number; seconds: number; databaseBytes: number };

// Rendering a document (Tiptap + happy-dom + sanitize-html) costs about 20 ms, so a pool of bodies
// is rendered for real and shared; every post still has its own title, lead, slug and dates.
const BODY_POOL = 3000;
const IMAGES = 24;
const TRANSACTION_ROWS = 2000;
const HOUR = 3600_000;

/** Categories of the agency's news section, with how often each is written for (largest first). */
const CATEGORIES: Array<[name: string, weight: number]> = [
  ["Tin tức – Sự kiện", 30],
  ["Hoạt động Đảng, đoàn thể", 14],
  ["Hợp tác quốc tế", 12],
  ["Sở hữu công nghiệp", 10],
  ["Thi đua – Khen thưởng", 8],
  ["Văn bản pháp luật", 7],
  ["Thông báo", 6],
  ["Đào tạo – Tập huấn", 5],
  ["Thực thi quyền", 4],
  ["Chuyển đổi số", 2],
  ["Tin địa phương", 1],
  ["Ấn phẩm", 1],
];

const STAFF: Array<{ name: string; role: "admin" | "editor" | "author" }> = [
  { name: "Quản trị hệ thống", role: "admin" },
  { name: "Nguyễn Thị Thu Hà", role: "editor" },
  { name: "Trần Văn Minh", role: "editor" },
  { name: "Lê Hoàng Anh", role: "author" },
  { name: "Phạm Thị Lan", role: "author" },
  { name: "Vũ Đức Thắng", role: "author" },
  { name: "Đỗ Ngọc Mai", role: "author" },
];

/** The agency's real posts (samples/legacy-export) as plain paragraphs: the text model learns from them. */
export function sampleCorpus(folder = path.join(process.cwd(), "samples", "legacy-export")): string {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => {
      const parsed = parseLegacyExport(fs.readFileSync(path.join(folder, name), "utf8"));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
      return [parsed.post.title, parsed.post.lead, ...parsed.post.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []))].join("\n");
    })
    .join("\n");
}

function pickWeighted<T>(random: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items.at(-1)![0];
}

type PostState = { status: "draft" | "pending" | "published" | "unpublished"; deleted: boolean; future: boolean };

/** Most of an archive is published; a working newsroom also has drafts, posts in review, scheduled, withdrawn and trashed ones. */
function pickState(random: Random): PostState {
  const roll = random.next();
  if (roll < 0.03) return { status: "draft", deleted: false, future: false };
  if (roll < 0.04) return { status: "pending", deleted: false, future: false };
  if (roll < 0.05) return { status: "unpublished", deleted: false, future: false };
  if (roll < 0.055) return { status: "published", deleted: true, future: false };
  if (roll < 0.058) return { status: "published", deleted: false, future: true };
  return { status: "published", deleted: false, future: false };
}

/** Photos for the library: smooth colour fields with grain, so encoded sizes are like photographs, not flat colour. */
async function makeImages(db: Db, random: Random, model: TextModel, uploadedBy: number): Promise<FigureImage[]> {
  const images: FigureImage[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const width = random.pick([1600, 1280, 1200]);
    const height = Math.round(width / random.pick([1.5, 1.333, 1.777]));
    const grain = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
      .png()
      .toBuffer();
    const tint = { r: random.int(40, 220), g: random.int(40, 220), b: random.int(40, 220) };
    const bytes = await sharp(grain).blur(2).tint(tint).jpeg({ quality: 90 }).toBuffer();
    const dto = await storeUpload(db, { name: `anh-${i + 1}.jpg`, bytes, uploadedBy });
    const alt = sentence(model, random, random.int(6, 12)).replace(/\.$/, "");
    db.$client.prepare("UPDATE media SET alt = ?, caption = ? WHERE id = ?").run(alt, alt, dto.id);
    images.push({ id: dto.id, src: dto.src, alt, width: dto.width, height: dto.height, srcset: dto.srcsetFallback || null, srcsetWebp: dto.srcsetWebp || null });
  }
  return images;
}

type PooledBody = { rendered: RenderedDocument; json: string; mediaIds: number[]; featured: FigureImage | null };

function renderPool(model: TextModel, random: Random, images: FigureImage[], size: number): PooledBody[] {
  return Array.from({ length: size }, () => {
    const post = generatePost(model, random, images);
    const rendered = renderDocument(post.body);
    const mediaIds = [...new Set(JSON.stringify(rendered.json).match(/"mediaId":\d+/g)?.map((m) => Number(m.slice(10))) ?? [])];
    return { rendered, json: JSON.stringify(rendered.json), mediaIds, featured: post.featured };
  });
}

export async function generateArchive(options: ArchiveOptions): Promise<ArchiveSummary> {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(options.databasePath + suffix, { force: true });
  fs.rmSync(path.join(path.dirname(options.databasePath), "media"), { recursive: true, force: true });
  const db = openDb(options.databasePath);
  const sqlite = db.$client;
  // Only while generating: a lost archive is regenerated, so durability per transaction buys nothing here.
  sqlite.pragma("synchronous = OFF");
  const random = seededRandom(options.seed);
  const model = learnText(sampleCorpus());

  const insertUser = sqlite.prepare("INSERT INTO users (email, name, role, unit) VALUES (?, ?, ?, ?) RETURNING id");
  const staff = STAFF.map((s, i) => ({ ...s, id: (insertUser.get(`bench${i}@cuc.vn`, s.name, s.role, "Văn phòng Cục") as { id: number }).id }));
  const authors = staff.filter((s) => s.role !== "admin");
  const insertCategory = sqlite.prepare("INSERT INTO categories (name, slug, position) VALUES (?, ?, ?) RETURNING id");
  const categoryIds: Array<[number, number]> = CATEGORIES.map(([name, weight], i) => [(insertCategory.get(name, slugify(name), i) as { id: number }).id, weight]);

  options.log(`  ${IMAGES} ảnh thư viện (sharp, như khi tải lên)…`);
  const images = await makeImages(db, random, model, staff[0]!.id);
  const poolSize = Math.min(BODY_POOL, options.posts);
  options.log(`  ${poolSize} thân bài qua renderDocument…`);
  const pool = renderPool(model, random, images, poolSize);

  const insertPost = sqlite.prepare(`INSERT INTO posts (title, slug, lead, body, body_html, body_text, source, featured_media_id, featured_image_url,
    featured_image_alt, featured_image_caption, category_id, author_id, status, published_at, version, deleted_at, created_at, updated_at)
    VALUES (@title, @slug, @lead, @body, @bodyHtml, @bodyText, @source, @featuredMediaId, @featuredImageUrl, @featuredImageAlt, @featuredImageAlt,
    @categoryId, @authorId, @status, @publishedAt, @version, @deletedAt, @createdAt, @updatedAt) RETURNING id`);
  const insertRevision = sqlite.prepare(`INSERT INTO post_revisions (post_id, version, kind, published, title, slug, lead, body, body_html, body_text,
    source, featured_media_id, featured_image_url, featured_image_alt, featured_image_caption, category_id, status, published_at, actor_id, actor_name, created_at, updated_at)
    VALUES (@postId, @version, @kind, @published, @title, @slug, @lead, @body, @bodyHtml, @bodyText, @source, @featuredMediaId, @featuredImageUrl,
    @featuredImageAlt, @featuredImageAlt, @categoryId, @revisionStatus, @publishedAt, @authorId, @actorName, @createdAt, @createdAt)`);
  const insertPostMedia = sqlite.prepare("INSERT OR IGNORE INTO post_media (post_id, media_id) VALUES (?, ?)");

  // Newest post an hour ago, one post every 1–3 hours before it: the oldest are years old, as in the real archive.
  const now = Date.now();
  const times: number[] = [];
  for (let i = 0, t = now - HOUR; i < options.posts; i++, t -= random.int(1, 3) * HOUR) times.push(t);
  times.reverse();

  let published = 0;
  let revisions = 0;
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const body = pool[i % pool.length]!;
      const state = pickState(random);
      const author = random.pick(authors);
      const title = headline(model, random);
      const createdAt = times[i]! - random.int(1, 48) * HOUR;
      const publishedAt = state.status === "draft" || state.status === "pending" ? null : state.future ? now + random.int(2, 240) * HOUR : times[i]!;
      const edited = random.chance(0.05);
      const row = {
        title,
        slug: `${slugify(title, 90)}-${i + 1}`,
        lead: paragraph(model, random, random.int(1, 2)),
        body: body.json,
        bodyHtml: body.rendered.html,
        bodyText: body.rendered.text,
        source: "Cục Sở hữu trí tuệ",
        featuredMediaId: body.featured?.id ?? null,
        featuredImageUrl: body.featured?.src ?? null,
        featuredImageAlt: body.featured?.alt ?? "",
        categoryId: pickWeighted(random, categoryIds),
        authorId: author.id,
        actorName: author.name,
        status: state.status,
        publishedAt,
        version: edited ? 3 : 1,
        deletedAt: state.deleted ? times[i]! + HOUR : null,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      };
      const postId = (insertPost.get(row) as { id: number }).id;
      for (const mediaId of body.mediaIds) insertPostMedia.run(postId, mediaId);
      // Every change leaves a revision: edited posts have their creation and a save before the current state.
      const history = edited ? (["create", "save"] as const) : [];
      history.forEach((kind, v) => insertRevision.run({ ...row, postId, version: v + 1, kind, published: 0, revisionStatus: "draft", publishedAt: null }));
      const kind = state.status === "published" ? (state.future ? "schedule" : "publish") : state.status === "unpublished" ? "unpublish" : "create";
      insertRevision.run({ ...row, postId, kind, published: state.status === "published" ? 1 : 0, revisionStatus: state.status });
      revisions += history.length + 1;
      if (state.status === "published" && !state.deleted && !state.future) published++;
    }
  });
  for (let from = 0; from < options.posts; from += TRANSACTION_ROWS) {
    insertBatch(from, Math.min(options.posts, from + TRANSACTION_ROWS));
    if ((from / TRANSACTION_ROWS) % 10 === 9) options.log(`  ${(from + TRANSACTION_ROWS).toLocaleString("vi-VN")} bài…`);
  }
  // One post in twenty is on the English site (/en/news/…): the English article row reads those.
  sqlite.prepare("UPDATE posts SET language = 'en' WHERE kind = 'post' AND id % 20 = 0").run();
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const ftsRows = (sqlite.prepare("SELECT count(*) AS n FROM posts_fts").get() as { n: number }).n;
  if (ftsRows !== options.posts) throw new Error(`search index has ${ftsRows} rows for ${options.posts} posts`);
  sqlite.close();
  return {
    posts: options.posts,
    published,
    revisions,
    media: images.length,
    categories: CATEGORIES.length,
    seconds: (performance.now() - started) / 1000,
    databaseBytes: fs.statSync(options.databasePath).size,
  };
}
