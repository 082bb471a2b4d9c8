import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const session = await getServerSession(authOptions);
  if (session) redirect("/inbox");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Sign in to Tern</h1>
        <p className="mb-6 text-sm text-slate-600">Your store&apos;s helpdesk for Telegram and BigCommerce.</p>
        <LoginForm />
      </div>
    </main>
  );
}
