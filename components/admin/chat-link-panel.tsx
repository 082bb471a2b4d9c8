"use client";

import { Button, Form, FormGroup, Input, Panel, Text, Textarea } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";

type IssuedLink = { url: string; expiresAt: string; qrSvg: string };

/**
 * How shoppers reach the bot already verified: the order-confirmation snippet (copy it, or let
 * Tern install it through the Scripts API) and a signed link with its QR code for one order, for
 * emails and packing slips.
 */
export function ChatLinkPanel({ snippet }: { snippet: string }) {
  const install = useAdminAction();
  const issue = useAdminAction();
  const [orderNumber, setOrderNumber] = useState("");
  const [link, setLink] = useState<IssuedLink | null>(null);

  async function makeLink(event: FormEvent) {
    event.preventDefault();
    const bigcommerceOrderId = Number(orderNumber.trim().replace(/^#/, ""));
    const issued = await issue.run(() => apiFetch<IssuedLink>("/api/v1/telegram/chat-links", { body: { bigcommerceOrderId } }));
    if (issued) setLink(issued);
  }

  return (
    <Panel
      header="Chat with us on Telegram"
      description="Customers who open the bot through their order's signed link arrive verified. Without it they must send the order number with its billing email or postcode."
      data-testid="chat-link-panel"
    >
      <ActionMessages state={install} onClose={install.clear} />
      <Text>For the order confirmation page (Storefront → Script Manager, location Footer, page Order confirmation):</Text>
      <Textarea label="Snippet" readOnly rows={7} value={snippet} data-testid="chat-link-snippet" onFocus={(event) => event.target.select()} />
      <Button
        type="button"
        marginTop="small"
        isLoading={install.pending}
        onClick={() => install.run(() => apiFetch("/api/v1/telegram/storefront-script", { method: "PUT" }), "The link is on the order confirmation page.")}
      >
        Install on the order confirmation page
      </Button>

      <div className="mt-6" />
      <Form onSubmit={makeLink} fullWidth>
        <FormGroup>
          <Input
            label="Link for one order"
            description="For an email or a packing slip: single use, valid 60 days."
            placeholder="Order number, e.g. 1024"
            inputMode="numeric"
            value={orderNumber}
            onChange={(event) => setOrderNumber(event.target.value)}
          />
        </FormGroup>
        <Button type="submit" variant="secondary" isLoading={issue.pending} disabled={!/^#?\d{1,10}$/.test(orderNumber.trim())}>
          Make link and QR code
        </Button>
      </Form>
      <ActionMessages state={issue} onClose={issue.clear} />
      {link ? (
        <div data-testid="chat-link-result">
          <Input label="Signed link" readOnly value={link.url} onFocus={(event) => event.target.select()} />
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG made by Tern for this link */}
          <img alt={`QR code for ${link.url}`} width={160} height={160} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} />
          <Text>Valid until {new Date(link.expiresAt).toLocaleDateString()}.</Text>
        </div>
      ) : null}
    </Panel>
  );
}
