"use client";

import { useState } from "react";
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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Chuyên mục theo thứ tự trên thanh điều hướng</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="px-3 py-2">
                  Thứ tự
                </th>
                <th scope="col" className="px-3 py-2">
                  Chuyên mục
                </th>
                <th scope="col" className="px-3 py-2">
                  Đường dẫn
                </th>
                <th scope="col" className="px-3 py-2">
                  Số bài viết
                </th>
                <th scope="col" className="px-3 py-2">
                  Thao tác
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <CategoryRow key={category.id} category={category} index={index} count={categories.length} onResult={setResult} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <CreateCategoryForm onResult={setResult} />
    </div>
  );
}
