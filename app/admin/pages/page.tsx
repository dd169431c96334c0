import type { Metadata } from "next";
import Link from "next/link";
import { PageTree } from "@/components/admin/pages/PageTree";
import { can } from "@/lib/auth/permissions";
import { listPageTree } from "@/lib/dal/pages";
import { requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Trang" };

export default async function PagesPage() {
  const user = await requirePermission("post:create");
  const pages = await listPageTree();
  return (
    <>
      <h1 className="text-3xl font-bold">Trang</h1>
      <p className="mt-2 max-w-3xl">
        Các trang thông tin cố định của cơ quan (Giới thiệu, Chức năng nhiệm vụ, Liên hệ…), xếp theo cây: mỗi trang nằm dưới trang cha của
        nó, và đường dẫn đi theo cây. Trang được viết, duyệt và xuất bản như bài viết. Đổi tên hoặc chuyển trang thì địa chỉ cũ tự động chuyển
        sang địa chỉ mới.
      </p>
      {can(user.role, "page:create-top-level") && (
        <p className="mt-4">
          <Link href="/admin/posts/new?kind=page" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
            Thêm trang ở cấp cao nhất
          </Link>
        </p>
      )}
      {pages.length === 0 ? <p className="mt-6">Chưa có trang nào.</p> : <PageTree pages={pages} canReorder={can(user.role, "post:edit-any")} />}
    </>
  );
}
