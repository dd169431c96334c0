import type { Metadata } from "next";
import { PostForm } from "@/components/admin/posts/PostForm";
import { listCategoryOptions } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Viết bài mới" };

export default async function NewPostPage() {
  const user = await requirePermission("post:create");
  const categories = await listCategoryOptions();
  return (
    <>
      {/* The writing screen starts with the text; its name is for screen readers and the tab title. */}
      <h1 className="sr-only">Viết bài mới</h1>
      <PostForm
        post={null}
        categories={categories}
        defaultSource={user.unit}
        facts={<p className="text-sm">Bài viết được lưu thành bản nháp; chưa ai ngoài ban biên tập thấy được cho đến khi xuất bản.</p>}
      />
    </>
  );
}
