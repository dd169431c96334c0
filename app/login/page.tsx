import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/LoginForm";
import { verifySession } from "@/lib/dal/session";
import { getSiteProfile } from "@/lib/dal/public/site";

export const metadata: Metadata = { title: "Đăng nhập", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  if (await verifySession()) redirect("/admin");
  const { callbackUrl } = await searchParams;
  return (
    <main id="noi-dung" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-muted">{getSiteProfile().name}</p>
      <h1 className="mb-6 text-3xl font-bold">Đăng nhập quản trị</h1>
      <LoginForm callbackUrl={callbackUrl ?? null} />
      <p className="mt-8">
        <Link href="/" className="underline underline-offset-4">
          Về Trang chủ
        </Link>
      </p>
    </main>
  );
}
