import Link from "next/link";

export function BackToProfile() {
  return (
    <p>
      <Link href="/admin/profile" className="underline underline-offset-4">
        Về Hồ sơ
      </Link>
    </p>
  );
}
