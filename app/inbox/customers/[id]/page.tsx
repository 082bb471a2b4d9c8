import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { CustomerPage } from "@/components/customers/customer-page.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Customer · Tern" };

export default async function CustomerRoute({ params }: { params: Promise<{ id: string }> }) {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  const { id } = await params;
  // The page fetches through /api/v1, which scopes the customer to the signed-in store (404 otherwise).
  return <CustomerPage user={headerUser(session.user)} customerId={id} />;
}
