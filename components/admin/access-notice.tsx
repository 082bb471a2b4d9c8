"use client";

import { Message } from "@bigcommerce/big-design";

/** Shown instead of a page the user may not open, or when the session ended inside the control panel. */
export function AccessNotice({ reason }: { reason: "forbidden" | "signed-out" }) {
  if (reason === "forbidden") {
    return <Message type="warning" header="Not for your role" messages={[{ text: "Ask an admin of this store in Tern for access to this page." }]} />;
  }
  return (
    <Message
      type="info"
      header="Your Tern session has ended"
      messages={[{ text: "Open Tern again from the Apps section of your BigCommerce control panel to sign back in." }]}
    />
  );
}
