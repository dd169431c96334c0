"use client";

import { DocumentPicker } from "@/components/admin/documents/DocumentPicker";
import { DocxImport } from "@/components/editor/DocxImport";
import { PostHistoryLinks } from "@/components/admin/revisions/PostHistoryLinks";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { DateTimeField } from "@/components/ui/date/DateTimeField";
import { SelectField } from "@/components/ui/SelectField";
import { KINDS } from "@/lib/content/kinds";
import { SOURCE_MAX } from "@/lib/validations/post";
import { FeaturedImageField } from "../FeaturedImageField";
import { PostSlugField } from "../PostSlugField";
import { PublishChecklist } from "../PublishChecklist";
import { SeoFields } from "../SeoFields";
import { PresenceNote } from "../autosave/PresenceNote";
import { publicAddress } from "./public-address";
import type { SettingsSection } from "./sections";

/*
 * The sections of a news post's settings panel, in the order the issue asks: status, checklist,
 * category, source, featured image, publication time, slug, SEO, history, who else is here.
 * Each is a component of the form's context (./sections.ts), so another kind can reuse any of them.
 */

const saved = (post: unknown) => post !== null;

export const importSection: SettingsSection = {
  id: "import",
  title: "Nhập từ Word",
  shows: (post) => post === null,
  Content: ({ importWord }) => <DocxImport onImported={importWord} />,
};

export const statusSection: SettingsSection = {
  id: "status",
  title: "Trạng thái",
  Content: ({ facts, isPublic }) => (
    <>
      {facts}
      {isPublic && <p className="mt-2 text-sm">Bài đang xuất bản (hoặc đã hẹn giờ): bấm Lưu là cập nhật bài trên trang tin; bản tự lưu thì không.</p>}
    </>
  ),
};

export const checklistSection: SettingsSection = {
  id: "checklist",
  Content: ({ checklist, findings, goToFinding }) => <PublishChecklist items={checklist} findings={findings} onGo={goToFinding} />,
};

export const categorySection: SettingsSection = {
  id: "category",
  Content: ({ form, errors, categories }) => (
    <SelectField
      label="Chuyên mục"
      {...form.bind("categoryId")}
      error={errors.categoryId}
      options={[{ value: "", label: "— Chọn chuyên mục —" }, ...categories.map((c) => ({ value: String(c.id), label: c.name }))]}
    />
  ),
};

export const sourceSection: SettingsSection = {
  id: "source",
  Content: ({ form, errors }) => (
    <FieldShell label="Nguồn" error={errors.source} hint={`Dòng in đậm cuối bài, mặc định là đơn vị của tác giả. Tối đa ${SOURCE_MAX} ký tự.`}>
      {(control) => <input {...control} {...form.bind("source")} autoComplete="off" className={CONTROL_CLASS} />}
    </FieldShell>
  ),
};

export const featuredSection: SettingsSection = {
  id: "featured",
  Content: ({ post, featured, setFeatured, form, errors }) => (
    <FeaturedImageField featured={featured} onFeaturedChange={setFeatured} form={form} errors={errors} english={post?.language === "en"} />
  ),
};

export const publishTimeSection: SettingsSection = {
  id: "publishedAt",
  Content: ({ form, errors }) => (
    <DateTimeField
      label="Thời gian xuất bản"
      name="publishedAt"
      value={form.fields.publishedAt}
      onChange={(value) => form.set("publishedAt", value)}
      hint="Giờ Việt Nam (GMT+7). Để trống thì lấy thời điểm bấm Xuất bản."
      error={errors.publishedAt}
    />
  ),
};

export const slugSection: SettingsSection = {
  id: "slug",
  Content: ({ kind, post, form, errors, slugAuto, setSlugAuto, placement }) => (
    <PostSlugField
      post={post}
      address={publicAddress(kind, form.fields, placement)}
      noun={KINDS[kind].noun}
      page={placement ? { parentId: form.fields.parentId } : undefined}
      title={form.fields.title}
      slug={form.fields.slug}
      auto={slugAuto}
      error={errors.slug}
      onSlugChange={(slug) => form.set("slug", slug)}
      onAutoChange={setSlugAuto}
    />
  ),
};

export const seoSection: SettingsSection = { id: "seo", Content: ({ form, errors }) => <SeoFields form={form} errors={errors} /> };

export const relatedDocumentsSection: SettingsSection = {
  id: "relatedDocuments",
  title: "Văn bản liên quan",
  Content: ({ relatedDocuments, setRelatedDocuments, errors }) => <DocumentPicker value={relatedDocuments} onChange={setRelatedDocuments} error={errors.relatedDocuments} />,
};

export const historySection: SettingsSection = {
  id: "history",
  title: "Lịch sử",
  shows: saved,
  Content: ({ post, isLive }) => (post ? <PostHistoryLinks postId={post.id} isPublic={isLive} /> : null),
};

export const presenceSection: SettingsSection = { id: "presence", shows: saved, Content: ({ post }) => (post ? <PresenceNote postId={post.id} /> : null) };

/** A news post's panel. */
export const NEWS_SECTIONS: readonly SettingsSection[] = [
  importSection,
  statusSection,
  checklistSection,
  categorySection,
  sourceSection,
  featuredSection,
  publishTimeSection,
  slugSection,
  seoSection,
  relatedDocumentsSection,
  historySection,
  presenceSection,
];
