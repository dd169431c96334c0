import type { Metadata } from "next";
import Link from "next/link";
import { PageTree } from "@/components/admin/pages/PageTree";
import { can } from "@/lib/auth/permissions";
import { listPageTree } from "@/lib/dal/pages";
import { requirePermission } from "@/lib/dal/session";
import { LanguageChoice } from "@/components/admin/translations/LanguageChoice";
import { languageQuerySchema } from "@/lib/validations/language";

export const metadata: Metadata = { title: "Trang" };

export default async function PagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("post:create");
  const { language } = languageQuerySchema.parse(await searchParams);
  const pages = await listPageTree(language);
  return (
    <>
      <h1 className="text-3xl font-bold">Trang</h1>
      <p className="mt-2 max-w-3xl">
        Các trang thông tin cố định của cơ quan (Giới thiệu, Chức năng nhiệm vụ, Liên hệ…), xếp theo cây: mỗi trang nằm dưới trang cha của
        nó, và đường dẫn đi theo cây. Trang được viết, duyệt và xuất bản như bài viết. Đổi tên hoặc chuyển trang thì địa chỉ cũ tự động chuyển
        sang địa chỉ mới.
      </p>
      <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link href="/admin/posts/new?kind=page" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Trang mới
        </Link>
        {/* Said here as well as in the form, so an author knows before starting. */}
        {!can(user.role, "page:create-top-level") && <span className="text-sm">Trang của tác giả nằm dưới một trang cha có sẵn; biên tập viên tạo trang ở cấp cao nhất.</span>}
      </p>
      <LanguageChoice label="Cây trang theo ngôn ngữ" current={language} hrefFor={(l) => (l === "vi" ? "/admin/pages" : `/admin/pages?language=${l}`)} />
      {language === "en" && <p className="mt-2 max-w-3xl">Trang tiếng Anh được tạo từ trang tiếng Việt bằng nút “Thêm bản tiếng Anh” trên màn hình sửa trang, và nằm dưới bản tiếng Anh của trang cha.</p>}
      {pages.length === 0 ? <p className="mt-6">Chưa có trang nào.</p> : <PageTree pages={pages} canReorder={can(user.role, "post:edit-any")} english={language === "en"} />}
    </>
  );
}
