/** Marks a revision that was public: part of the permanent public record. */
export function PublishedBadge() {
  return (
    <span className="inline-block rounded-sm border border-green-800 bg-green-50 px-2 py-0.5 text-sm font-semibold text-green-900" title="Phiên bản từng hiển thị trên trang tin; không thể sửa hay xoá.">
      Đã lên trang
    </span>
  );
}
