import type { Metadata } from "next";
import { PostForm } from "@/components/admin/posts/PostForm";
import { pagePlacement } from "@/lib/dal/pages";
import { listCategoryOptions } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { newContentQuerySchema } from "@/lib/validations/post";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NAMES = { post: "Viết bài mới", page: "Trang mới" } as const;
const FACTS = {
  post: "Bài viết được lưu thành bản nháp; chưa ai ngoài ban biên tập thấy được cho đến khi xuất bản.",
  page: "Trang được lưu thành bản nháp; bạn đọc chỉ thấy trang sau khi xuất bản.",
} as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: NAMES[newContentQuerySchema.parse(await searchParams).kind] };
}

/** New content of a kind (`?kind=page`, optionally `&parent=<id>` from the page tree's "Thêm trang con"). */
export default async function NewPostPage({ searchParams }: Props) {
  const user = await requirePermission("post:create");
  const { kind, parent } = newContentQuerySchema.parse(await searchParams);
  const [categories, placement] = await Promise.all([kind === "post" ? listCategoryOptions() : [], kind === "page" ? pagePlacement() : null]);
  // A parent named in the address is taken only if it is one of the choices.
  const parentId = placement?.parents.some((option) => option.id === parent) ? parent : null;
  return (
    <>
      {/* The writing screen starts with the text; its name is for screen readers and the tab title. */}
      <h1 className="sr-only">{NAMES[kind]}</h1>
      <PostForm
        kind={kind}
        post={null}
        categories={categories}
        placement={placement}
        defaults={{ source: user.unit, parentId }}
        facts={<p className="text-sm">{FACTS[kind]}</p>}
      />
    </>
  );
}
