import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="py-6">
      <h1 className="text-3xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-4 max-w-prose">
        Trang bạn tìm không tồn tại hoặc đã được gỡ. Có thể đường dẫn bị gõ sai, hoặc bài viết đã được chuyển sang địa chỉ khác.
      </p>
      <p className="mt-6">
        <Link href="/" className="underline underline-offset-4">
          Về Trang chủ
        </Link>
      </p>
    </div>
  );
}
