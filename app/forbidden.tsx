import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="noi-dung" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Không có quyền truy cập</h1>
      <p className="mt-4">Tài khoản của bạn không được phép mở trang này. Nếu bạn cần quyền này, hãy liên hệ quản trị viên.</p>
      <p className="mt-6">
        <Link href="/admin" className="underline underline-offset-4">
          Về trang Quản trị
        </Link>
      </p>
    </main>
  );
}
