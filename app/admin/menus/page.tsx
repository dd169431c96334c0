import type { Metadata } from "next";
import { MenuEditor } from "@/components/admin/menus/MenuEditor";
import { menuEditor } from "@/lib/dal/menus";

export const metadata: Metadata = { title: "Trình đơn" };

/** The public site's menus (editors and admins): the data layer refuses anyone else with the 403 page. */
export default async function MenusPage() {
  const data = await menuEditor("vi");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Trình đơn</h1>
        <p className="mt-2 max-w-3xl">
          Sắp xếp các mục bằng nút Lên, Xuống (dùng được bằng bàn phím) hoặc kéo thả bằng chuột, xem trước rồi bấm Lưu. Mục trỏ tới nội dung đã gỡ,
          chưa xuất bản hoặc ở thùng rác được đánh dấu đỏ và không hiện trên trang cho đến khi nội dung đó xuất bản lại.
        </p>
      </div>
      {data.menus.map((menu) => (
        <MenuEditor key={menu.location} menu={menu} categories={data.categories} pages={data.pages} />
      ))}
    </div>
  );
}
