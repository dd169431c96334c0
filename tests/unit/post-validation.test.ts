import { describe, expect, it } from "vitest";
import {
  createPostSchema,
  EMPTY_DOCUMENT,
  parseVietnamDateTime,
  POST_MESSAGES,
  postIdsSchema,
  postListQuerySchema,
  slugCheckSchema,
  toVietnamDateTimeInput,
  updatePostSchema,
} from "@/lib/validations/post";

/** What the form sends for a valid new post; each test changes one thing. */
function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Hội nghị tổng kết công tác năm 2025",
    slug: "",
    lead: "Sáng 31/12, Đảng bộ Cục tổ chức Hội nghị…",
    categoryId: "3",
    source: "Cục Sở hữu trí tuệ",
    featuredMediaId: "",
    featuredCaption: "",
    publishedAt: "",
    seoTitle: "",
    seoDescription: "",
    body: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Nội dung" }] }] }),
    ...overrides,
  };
}

function errorsOf(input: Record<string, unknown>, schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } } = createPostSchema) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("post form validation", () => {
  it("accepts a complete form and cleans what was typed", () => {
    const parsed = createPostSchema.parse(form({ title: "  Hội\u00a0nghị\u200b  tổng kết ", source: " Phòng  Tổ chức cán bộ " }));
    expect(parsed.title).toBe("Hội nghị tổng kết");
    expect(parsed.source).toBe("Phòng Tổ chức cán bộ");
    expect(parsed.categoryId).toBe(3);
    expect(parsed.featuredMediaId).toBeNull();
    expect(parsed.publishedAt).toBeNull();
    expect(parsed.slugAuto).toBe(false);
    expect(parsed.body).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Nội dung" }] }] });
  });

  it("stores NFC: a title pasted in decomposed form is composed", () => {
    const nfd = "Hội nghị".normalize("NFD");
    expect(createPostSchema.parse(form({ title: nfd })).title).toBe("Hội nghị".normalize("NFC"));
  });

  it("refuses an empty, blank or missing title in Vietnamese", () => {
    expect(errorsOf(form({ title: "" })).title).toBe("Vui lòng nhập tiêu đề.");
    expect(errorsOf(form({ title: " \u00a0\u200b " })).title).toBe(POST_MESSAGES.titleRequired);
    expect(errorsOf(form({ title: undefined })).title).toBe(POST_MESSAGES.titleRequired);
    expect(errorsOf(form({ title: 42 })).title).toBe(POST_MESSAGES.titleRequired);
  });

  it("counts the title in letters: 300 pass, 301 or 400 are refused", () => {
    const ok = "ộ".normalize("NFD").repeat(300);
    expect(createPostSchema.parse(form({ title: ok })).title).toHaveLength(300);
    expect(errorsOf(form({ title: "a".repeat(301) })).title).toBe(POST_MESSAGES.titleTooLong);
    expect(errorsOf(form({ title: "Đ".repeat(400) })).title).toBe("Tiêu đề không được dài quá 300 ký tự.");
  });

  it("checks the slug's format and length; empty means generated", () => {
    expect(createPostSchema.parse(form({ slug: "  hoi-nghi-2025 " })).slug).toBe("hoi-nghi-2025");
    expect(createPostSchema.parse(form({ slug: "" })).slug).toBe("");
    for (const bad of ["Hoi-nghi", "hội-nghị", "hoi nghi", "hoi--nghi", "-hoi", "hoi-", "hoi_nghi", "../admin", "hoi/nghi"]) {
      expect(errorsOf(form({ slug: bad })).slug, bad).toBe(POST_MESSAGES.slugInvalid);
    }
    expect(createPostSchema.parse(form({ slug: "a".repeat(120) })).slug).toHaveLength(120);
    expect(errorsOf(form({ slug: "a".repeat(121) })).slug).toBe(POST_MESSAGES.slugTooLong);
  });

  it("reads the generated-slug flag", () => {
    expect(createPostSchema.parse(form({ slugAuto: "1" })).slugAuto).toBe(true);
    expect(createPostSchema.parse(form({ slugAuto: "0" })).slugAuto).toBe(false);
    expect(createPostSchema.parse(form({ slugAuto: ["x"] })).slugAuto).toBe(false);
  });

  it("limits the lead, source, caption and SEO fields (SEO hints are not limits)", () => {
    expect(createPostSchema.parse(form({ lead: "ư".repeat(1000) })).lead).toHaveLength(1000);
    expect(errorsOf(form({ lead: "ư".repeat(1001) })).lead).toBe(POST_MESSAGES.leadTooLong);
    expect(errorsOf(form({ source: "x".repeat(201) })).source).toBe(POST_MESSAGES.sourceTooLong);
    expect(errorsOf(form({ featuredCaption: "x".repeat(501) })).featuredCaption).toBe(POST_MESSAGES.captionTooLong);
    // Past the recommended 70/160, still accepted up to the hard limits.
    expect(createPostSchema.parse(form({ seoTitle: "t".repeat(200), seoDescription: "d".repeat(320) })).seoTitle).toHaveLength(200);
    expect(errorsOf(form({ seoTitle: "t".repeat(201) })).seoTitle).toBe(POST_MESSAGES.seoTitleTooLong);
    expect(errorsOf(form({ seoDescription: "d".repeat(321) })).seoDescription).toBe(POST_MESSAGES.seoDescriptionTooLong);
  });

  it("treats missing optional fields of a crafted request as empty", () => {
    const parsed = createPostSchema.parse({ title: "Tin", categoryId: "1" });
    expect(parsed).toMatchObject({ slug: "", lead: "", source: "", seoTitle: "", seoDescription: "", featuredCaption: "", publishedAt: null, featuredMediaId: null });
    expect(parsed.body).toEqual(EMPTY_DOCUMENT);
  });

  it("needs a category", () => {
    for (const value of ["", "0", "-1", "abc", "1.5", undefined]) {
      expect(errorsOf(form({ categoryId: value })).categoryId, String(value)).toBe("Vui lòng chọn chuyên mục.");
    }
  });

  it("reads the featured image id, empty meaning none", () => {
    expect(createPostSchema.parse(form({ featuredMediaId: "12" })).featuredMediaId).toBe(12);
    expect(createPostSchema.parse(form({ featuredMediaId: "" })).featuredMediaId).toBeNull();
    expect(errorsOf(form({ featuredMediaId: "x" })).featuredMediaId).toBe(POST_MESSAGES.mediaMissing);
  });

  it("reads the publication time as Vietnam time whatever the server's zone", () => {
    expect(createPostSchema.parse(form({ publishedAt: "2025-12-31T08:30" })).publishedAt).toEqual(new Date("2025-12-31T01:30:00Z"));
    // Just after midnight in Hà Nội is still the previous day in UTC.
    expect(parseVietnamDateTime("2026-01-01T00:15")).toEqual(new Date("2025-12-31T17:15:00Z"));
    expect(parseVietnamDateTime("2026-01-01T00:15:30")).toEqual(new Date("2025-12-31T17:15:30Z"));
    for (const bad of ["31/12/2025 08:30", "2025-02-30T08:00", "2025-12-31T24:00", "2025-12-31", "hôm nay", "2025-12-31T08:30Z"]) {
      expect(errorsOf(form({ publishedAt: bad })).publishedAt, bad).toBe(POST_MESSAGES.publishedAtInvalid);
    }
  });

  it("shows a stored time in a datetime-local field in Vietnam time", () => {
    expect(toVietnamDateTimeInput(new Date("2025-12-31T17:15:00Z"))).toBe("2026-01-01T00:15");
    expect(toVietnamDateTimeInput("2020-12-31T10:12:00.000Z")).toBe("2020-12-31T17:12");
    expect(toVietnamDateTimeInput(null)).toBe("");
    expect(toVietnamDateTimeInput("not a date")).toBe("");
    const instant = new Date("2024-02-29T23:59:00Z");
    expect(parseVietnamDateTime(toVietnamDateTimeInput(instant))).toEqual(instant);
  });

  it("parses the body JSON and refuses anything that is not a document object", () => {
    expect(createPostSchema.parse(form({ body: "" })).body).toEqual(EMPTY_DOCUMENT);
    for (const bad of ["{not json", "[1,2]", "null", "42", '"doc"']) {
      expect(errorsOf(form({ body: bad })).body, bad).toBe(POST_MESSAGES.bodyInvalid);
    }
    expect(errorsOf(form({ body: `{"type":"doc","x":"${"a".repeat(2_000_001)}"}` })).body).toBe(POST_MESSAGES.bodyTooLong);
  });

  it("an edit names the post and the version it was based on", () => {
    expect(updatePostSchema.parse(form({ id: "7", version: "3" }))).toMatchObject({ id: 7, version: 3 });
    expect(errorsOf(form({ version: "3" }), updatePostSchema).id).toBe(POST_MESSAGES.idInvalid);
    expect(errorsOf(form({ id: "7" }), updatePostSchema).version).toBe(POST_MESSAGES.versionInvalid);
    expect(errorsOf(form({ id: "7", version: "0" }), updatePostSchema).version).toBe(POST_MESSAGES.versionInvalid);
  });

  it("bulk actions read one checkbox per post", () => {
    expect(postIdsSchema.parse({ "post-3": "1", "post-12": "1", other: "x", $ACTION_ID_abc: "" })).toEqual({ ids: [3, 12] });
    const none = postIdsSchema.safeParse({ q: "x" });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toBe("Vui lòng chọn ít nhất một bài viết.");
    expect(postIdsSchema.safeParse({ "post-0": "1" }).success).toBe(false);
  });

  it("the slug check takes any input without throwing", () => {
    expect(slugCheckSchema.parse({ slug: "hoi-nghi", excludeId: "4" })).toEqual({ slug: "hoi-nghi", excludeId: 4 });
    expect(slugCheckSchema.parse({ slug: "x" })).toEqual({ slug: "x", excludeId: undefined });
    expect(slugCheckSchema.safeParse({ slug: { evil: true } }).success).toBe(false);
  });

  it("the list's query string ignores anything odd rather than failing", () => {
    expect(postListQuerySchema.parse({ q: "  hoi   nghi ", status: "published", category: "2", author: "5", sort: "title", dir: "asc", trash: "1", page: "3" })).toEqual({
      q: "hoi nghi",
      status: "published",
      category: 2,
      author: 5,
      sort: "title",
      dir: "asc",
      trash: true,
      page: 3,
    });
    expect(postListQuerySchema.parse({ q: ["a", "b"], status: "secret", category: "x", sort: "id; drop", dir: "up", trash: "yes", page: "-1" })).toEqual({
      q: "",
      status: undefined,
      category: undefined,
      author: undefined,
      sort: undefined,
      dir: undefined,
      trash: false,
      page: 1,
    });
    expect(postListQuerySchema.parse({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});
