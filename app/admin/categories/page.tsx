import type { Metadata } from "next";
import { CategoryManager } from "@/components/admin/categories/CategoryManager";
import { listCategories } from "@/lib/dal/categories";
import { requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Chuyên mục" };

export default async function CategoriesPage() {
  await requirePermission("category:manage");
  const categories = await listCategories();
  return (
    <>
      <h1 className="text-3xl font-bold">Chuyên mục</h1>
      <p className="mt-2 max-w-3xl">
        Thứ tự dưới đây là thứ tự chuyên mục trên thanh điều hướng của trang tin. Đổi tên chuyên mục thì đường dẫn đổi theo, địa chỉ cũ tự
        động chuyển sang địa chỉ mới. Tên tiếng Anh là tên chuyên mục trên trang tiếng Anh (/en/category/…); để trống thì chuyên mục không có trên
        trang tiếng Anh. Chỉ xoá được chuyên mục không còn bài viết nào, kể cả bài trong thùng rác.
      </p>
      <CategoryManager
        categories={categories.map(({ id, name, slug, nameEn, slugEn, description, postCount, trashedCount }) => ({ id, name, slug, nameEn, slugEn, description, postCount, trashedCount }))}
      />
    </>
  );
}
