import { fieldClass, labelClass } from "@/components/ui/styles.ts";

/** The two values BigCommerce shows when an API account is created; the token field never shows a saved token. */
export function ApiAccountFields({ disabled }: { disabled: boolean }) {
  return (
    <>
      <label className="block">
        <span className={labelClass}>API path</span>
        <input
          name="apiPath"
          required
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://api.bigcommerce.com/stores/abc123/v3/"
          className={fieldClass}
        />
        <span className="mt-1 block text-xs text-slate-500">Or just the store hash (the part after /stores/).</span>
      </label>
      <label className="block">
        <span className={labelClass}>Access token</span>
        <input name="accessToken" type="password" required disabled={disabled} autoComplete="off" spellCheck={false} className={fieldClass} />
      </label>
    </>
  );
}

/** Step by step, as the control panel names things (the README says the same). */
export function ApiAccountSteps() {
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
      <li>
        In your BigCommerce control panel, open <strong>Settings → API → Store-level API accounts</strong> and click <strong>Create API account</strong>.
      </li>
      <li>
        Token type <strong>V2/V3 API token</strong>, name it <strong>Tern</strong>.
      </li>
      <li>
        Tick these scopes: <strong>Information &amp; settings</strong> read-only, <strong>Orders</strong> modify (read-only is enough without refunds and cancellations),{" "}
        <strong>Order transactions</strong> modify, <strong>Customers</strong> read-only, <strong>Products</strong> read-only, <strong>Content</strong> modify.
      </li>
      <li>
        Save, then copy the <strong>API path</strong> and the <strong>Access token</strong> BigCommerce shows once, and paste them here.
      </li>
    </ol>
  );
}

export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

/** The form's values, trimmed; the token leaves the form only in the request body. */
export function readApiAccount(form: HTMLFormElement): { apiPath: string; accessToken: string } {
  const data = new FormData(form);
  return { apiPath: String(data.get("apiPath") ?? "").trim(), accessToken: String(data.get("accessToken") ?? "").trim() };
}
