// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ArticleView } from "@/components/article/ArticleView";
import { collectSentences } from "@/components/reader/read-aloud";
import type { Article } from "@/lib/dal/public/posts";
import { parseLegacyExport } from "@/lib/legacy/parse";
import { legacyBlocksToDocument } from "@/lib/legacy/to-document";
import { renderDocument } from "@/lib/richtext/render";
import { articleSpeechSentences, articleSpeechText, documentBlocks, type ArticleForSpeech } from "@/lib/speech/article-text";

// The page script's address is read from the built file, which unit tests do not build.
vi.mock("@/lib/assets/page-script-src", () => ({ pageScriptSrc: () => "/assets/page.js" }));

const SAMPLES = ["000_434db2b6d292e4e5.txt", "001_ab3f09257694bc18.txt", "002_ac325f9820ae4275.txt"];

function samplePost(name: string) {
  const parsed = parseLegacyExport(readFileSync(path.join(process.cwd(), "samples", "legacy-export", name), "utf8"));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.post;
}

type Extras = { image?: { src: string; alt: string; caption: string }; corrections?: { text: string; createdAt: string }[] };

/** The article page as readers get it, and the sentences the browser read-aloud collects from it. */
function browserSentences(input: Omit<ArticleForSpeech, "corrections"> & Extras): string[] {
  const article: Article = {
    id: 1,
    title: input.title,
    slug: "bai-viet",
    lead: input.lead ?? "",
    publishedAt: "2020-12-31T10:12:00.000Z",
    updatedAt: "2020-12-31T10:12:00.000Z",
    category: { name: "Tin tức", slug: "tin-tuc" },
    categoryId: 1,
    image: input.image ? { src: input.image.src, alt: input.image.alt } : null,
    imageCaption: input.image?.caption ?? "",
    bodyHtml: renderDocument(input.body).html,
    source: input.source ?? "",
  };
  const corrections = (input.corrections ?? []).map((c, i) => ({ id: i + 1, text: c.text, createdAt: new Date(c.createdAt).toISOString() }));
  // Without the page script tag, which the test DOM would try to fetch.
  document.body.innerHTML = renderToStaticMarkup(createElement(ArticleView, { article, corrections })).replace(/<script[^>]*><\/script>/g, "");
  const root = document.querySelector("[data-read-aloud-root]");
  if (!root) throw new Error("no article root");
  // read-aloud.ts drops the legacy end mark when it speaks a sentence.
  return collectSentences(root).map((s) => s.text.replace(/\/\.$/, ""));
}

const p = (text: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const figure = (caption: string, alt = "Ảnh") => ({ type: "figure", attrs: { src: "/media/a.webp", alt }, content: caption ? [{ type: "text", text: caption }] : [] });

describe("the text read aloud, from what is stored", () => {
  it.each(SAMPLES)("sample %s: the same sentences, in the same order, as the browser read-aloud", (name) => {
    const post = samplePost(name);
    const article = { title: post.title, lead: post.lead, body: legacyBlocksToDocument(post.blocks), source: post.source };
    const ours = articleSpeechSentences(article).map((s) => s.text);
    expect(ours).toEqual(browserSentences(article));
    expect(ours[0]).toBe(post.title);
    expect(ours.at(-1)).toBe(post.source);
  });

  it("sample 000: title, lead, then the body with each caption where its photo was", () => {
    const post = samplePost(SAMPLES[0]!);
    const sentences = articleSpeechSentences({ title: post.title, lead: post.lead, body: legacyBlocksToDocument(post.blocks), source: post.source });
    expect(sentences.slice(0, 2).map((s) => s.kind)).toEqual(["title", "lead"]);
    const captions = sentences.filter((s) => s.kind === "caption").map((s) => s.text);
    expect(captions[0]).toBe("Toàn cảnh Hội nghị");
    expect(captions).toContain("Đồng chí Ngô Việt Thắng trình bày Báo cáo tổng kết");
    const order = sentences.map((s) => s.text);
    expect(order.indexOf("Toàn cảnh Hội nghị")).toBeGreaterThan(order.findIndex((t) => t.startsWith("Tham dự Hội nghị")));
    expect(order.indexOf("Toàn cảnh Hội nghị")).toBeLessThan(order.findIndex((t) => t.startsWith("Hội nghị đã nghe Báo cáo")));
    // Spoken forms: the date, the abbreviation, the number and the term range are in words.
    const spoken = sentences.map((s) => s.spoken).join(" ");
    expect(spoken).toContain("Ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi, Đảng bộ Cục Sở hữu trí tuệ");
    expect(spoken).toContain("Bộ khoa học và công nghệ");
    expect(spoken).toContain("một trăm linh bốn đảng viên");
    expect(spoken).toContain("nhiệm kỳ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm");
    expect(spoken).not.toMatch(/\d/);
  });

  it("sample 001: the end mark is not read and SHTT is said in full", () => {
    const post = samplePost(SAMPLES[1]!);
    const sentences = articleSpeechSentences({ title: post.title, lead: post.lead, body: legacyBlocksToDocument(post.blocks), source: post.source });
    expect(sentences.map((s) => s.text).join(" ")).not.toContain("./.");
    expect(sentences.find((s) => s.text.includes("(SHTT)"))?.spoken).toContain("(sở hữu trí tuệ)");
    expect(sentences.some((s) => s.spoken.includes("năm hai nghìn không trăm mười sáu."))).toBe(true);
  });

  it("reads lists, quotes, tables, galleries, headings and the featured caption and corrections like the page", () => {
    const body = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "I. KẾT QUẢ" }] },
        p("Đoạn đầu. Câu thứ hai có TS. Lê A."),
        { type: "bulletList", content: [{ type: "listItem", content: [p("Ý một")] }, { type: "listItem", content: [p("Ý hai"), { type: "orderedList", content: [{ type: "listItem", content: [p("Ý lồng")] }] }] }] },
        { type: "blockquote", content: [p("Lời trích dẫn.")] },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [p("Cột A")] }, { type: "tableHeader", content: [p("Cột B")] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [p("1")] }, { type: "tableCell", content: [p("")] }] },
          ],
        },
        { type: "gallery", content: [figure("Ảnh một"), figure(""), figure("Ảnh ba")] },
        { type: "horizontalRule" },
        { type: "captionParagraph", content: [{ type: "text", text: "Chú thích rời" }] },
        p("   "),
        p("Hết./."),
      ],
    };
    const article = {
      title: "Tiêu đề",
      lead: "Sapo ngắn.",
      body,
      source: "Văn phòng",
      image: { src: "/media/b.webp", alt: "Toàn cảnh", caption: "Chú thích ảnh đại diện" },
      imageCaption: "Chú thích ảnh đại diện",
      corrections: [{ text: "Sửa tên người.", createdAt: "2021-01-02T03:00:00.000Z" }],
    };
    const ours = articleSpeechSentences(article);
    expect(ours.map((s) => s.text)).toEqual(browserSentences(article));
    expect(ours.map((s) => s.kind)).toEqual([
      "title", "correction", "lead", "caption", "heading", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph",
      "paragraph", "paragraph", "paragraph", "paragraph", "caption", "caption", "caption", "paragraph", "source",
    ]);
    expect(ours[1]?.text).toBe("Đính chính ngày 02/01/2021: Sửa tên người.");
  });

  it("reads a line break as a space, as the page does", () => {
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Địa chỉ: 386 Nguyễn Trãi" }, { type: "hardBreak" }, { type: "text", text: "Hà Nội." }] }] };
    expect(documentBlocks(body)).toEqual([{ kind: "paragraph", text: "Địa chỉ: 386 Nguyễn Trãi Hà Nội." }]);
    const article = { title: "Liên hệ", body };
    expect(articleSpeechSentences(article).map((s) => s.text)).toEqual(browserSentences(article));
  });

  it("gives an engine one sentence a line, with a stop after a title or caption", () => {
    const text = articleSpeechText({ title: "Hội nghị năm 2020", lead: "Sapo.", body: { type: "doc", content: [figure("Toàn cảnh"), p("Có 5 người.")] }, source: "Cục SHTT" });
    expect(text).toBe("Hội nghị năm hai nghìn không trăm hai mươi.\nSapo.\nToàn cảnh.\nCó năm người.\nCục sở hữu trí tuệ.");
  });

  it("uses the English normaliser for English pages", () => {
    const [title] = articleSpeechSentences({ title: "Conference on 31/12/2020", body: { type: "doc", content: [] } }, "en");
    expect(title?.spoken).toBe("Conference on the thirty-first of December twenty twenty");
  });

  it("survives a hostile or empty body", () => {
    let deep: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "sâu" }] };
    for (let i = 0; i < 500; i++) deep = { type: "blockquote", content: [deep] };
    expect(documentBlocks({ type: "doc", content: [deep] })).toEqual([]);
    expect(documentBlocks(null)).toEqual([]);
    expect(articleSpeechSentences({ title: "Chỉ tiêu đề", body: "not a document" }).map((s) => s.text)).toEqual(["Chỉ tiêu đề"]);
  });
});
