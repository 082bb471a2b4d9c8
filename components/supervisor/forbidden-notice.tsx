import Link from "next/link";

/** What an agent sees on a supervisor page: the API would refuse them anyway (403). */
export function ForbiddenNotice({ page }: { page: string }) {
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 p-6">
      <div role="alert" className="max-w-md rounded-lg border border-amber-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-base font-semibold text-slate-900">{page} is for supervisors</h1>
        <p className="mt-2 text-sm text-slate-600">Ask a supervisor or an admin of your store if you need it.</p>
        <Link href="/inbox" className="mt-4 inline-block text-sm font-medium text-tern-700 hover:underline">
          Back to the inbox
        </Link>
      </div>
    </main>
  );
}
