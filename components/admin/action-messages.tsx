"use client";

import { InlineMessage } from "@bigcommerce/big-design";
import type { ActionState } from "./use-admin-action.ts";

/** The outcome of the last change on an admin page. */
export function ActionMessages({ state, onClose }: { state: ActionState; onClose: () => void }) {
  if (state.error) return <InlineMessage type="error" marginBottom="medium" messages={[{ text: state.error }]} onClose={onClose} />;
  if (state.done) return <InlineMessage type="success" marginBottom="medium" messages={[{ text: state.done }]} onClose={onClose} />;
  return null;
}
