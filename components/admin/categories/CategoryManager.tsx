"use client";

import { useState } from "react";
import { ListTable } from "@/components/admin/table/ListTable";
import { CategoryRow, type CategoryRowData } from "./CategoryRow";
import { CreateCategoryForm } from "./CreateCategoryForm";
import type { CategoryResult } from "./reporting";

/** The categories screen: one live region for every result, the list in navigation order, the create form. */
export function CategoryManager({ categories }: { categories: CategoryRowData[] }) {
  const [result, setResult] = useState<CategoryResult | null>(null);
  return (
    <div className="mt-6 flex flex-col gap-8">
      <div role="status" aria-live="polite">
        {result?.message && (
          // Keyed by arrival, so a repeated message (two refusals in a row) is announced again.
          <p
            key={result.at}
            className={`rounded-md border px-3 py-2 ${result.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            {result.message}
          </p>
        )}
      </div>

      {categories.length === 0 ? (
        <p>Chưa có chuyên mục nào. Hãy thêm chuyên mục đầu tiên bằng biểu mẫu bên dưới.</p>
      ) : (
        <ListTable caption="Chuyên mục theo thứ tự trên thanh điều hướng" columns={["Thứ tự", "Chuyên mục", "Đường dẫn", "Số bài viết", "Thao tác"]}>
          {categories.map((category, index) => (
            <CategoryRow key={category.id} category={category} index={index} count={categories.length} onResult={setResult} />
          ))}
        </ListTable>
      )}

      <CreateCategoryForm onResult={setResult} />
    </div>
  );
}
