import type { Metadata } from "next";
import { HomeLayoutEditor } from "@/components/admin/home/HomeLayoutEditor";
import { homeEditor } from "@/lib/dal/home";
import { LanguageChoice } from "@/components/admin/translations/LanguageChoice";
import { languageQuerySchema } from "@/lib/validations/language";

export const metadata: Metadata = { title: "Bố cục trang chủ" };

/** What the home page shows and in what order (editors and admins): the data layer refuses anyone else with the 403 page. */
export default async function HomeLayoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { language } = languageQuerySchema.parse(await searchParams);
  const data = await homeEditor(language);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Bố cục trang chủ</h1>
        <p className="mt-2 max-w-3xl">
          Chọn tin nổi bật (tin đầu tiên hiện lớn, kèm ảnh đại diện nếu có), các chuyên mục có khối riêng trên trang chủ và chuyên mục Thông báo ở cột bên. Tin mới nhất
          luôn tự cập nhật. Sau khi lưu, trang chủ cập nhật trong vài giây.
        </p>
        <LanguageChoice label="Trang chủ theo ngôn ngữ" current={language} hrefFor={(l) => (l === "vi" ? "/admin/home" : `/admin/home?language=${l}`)} />
        {language === "en" && <p className="mt-2 max-w-3xl">Bố cục trang chủ tiếng Anh (/en/), lưu riêng với trang chủ tiếng Việt: tin nổi bật là các bài tiếng Anh.</p>}
      </div>
      <HomeLayoutEditor key={language} data={data} />
    </div>
  );
}
