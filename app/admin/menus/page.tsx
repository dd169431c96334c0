import type { Metadata } from "next";
import { MenuEditor } from "@/components/admin/menus/MenuEditor";
import { menuEditor } from "@/lib/dal/menus";
import { LanguageChoice } from "@/components/admin/translations/LanguageChoice";
import { languageQuerySchema } from "@/lib/validations/language";

export const metadata: Metadata = { title: "Trình đơn" };

/** The public site's menus (editors and admins): the data layer refuses anyone else with the 403 page. */
export default async function MenusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { language } = languageQuerySchema.parse(await searchParams);
  const data = await menuEditor(language);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Trình đơn</h1>
        <p className="mt-2 max-w-3xl">
          Sắp xếp các mục bằng nút Lên, Xuống (dùng được bằng bàn phím) hoặc kéo thả bằng chuột, xem trước rồi bấm Lưu. Mục trỏ tới nội dung đã gỡ,
          chưa xuất bản hoặc ở thùng rác được đánh dấu đỏ và không hiện trên trang cho đến khi nội dung đó xuất bản lại.
        </p>
        <LanguageChoice label="Trình đơn theo ngôn ngữ" current={language} hrefFor={(l) => (l === "vi" ? "/admin/menus" : `/admin/menus?language=${l}`)} />
        {language === "en" && (
          <p className="mt-2 max-w-3xl">
            Trình đơn của trang tiếng Anh (/en/), lưu riêng với trình đơn tiếng Việt: chỉ chọn được trang và bài tiếng Anh, và chuyên mục đã có tên tiếng Anh.
          </p>
        )}
      </div>
      {data.menus.map((menu) => (
        <MenuEditor key={`${language}-${menu.location}`} menu={menu} categories={data.categories} pages={data.pages} />
      ))}
    </div>
  );
}
