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
      <h1 className="text-3xl font-bold">Viết bài mới</h1>
      <p className="mt-2 mb-6 text-muted">Bài viết được lưu thành bản nháp; chưa ai ngoài ban biên tập thấy được cho đến khi xuất bản.</p>
      <PostForm post={null} categories={categories} defaultSource={user.unit} />
    </>
  );
}
