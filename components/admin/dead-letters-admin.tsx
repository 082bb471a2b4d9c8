"use client";

import { Badge, Button, Flex, Message, Panel, Table, Text } from "@bigcommerce/big-design";
import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { DeadLetterDto } from "@/lib/inbound/dead-letter-dto.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";
import { useApiData } from "./use-api-data.ts";

/** Events Tern could not process, with the SPEC's one-click fallbacks: retry, or create the ticket by hand. */
export function DeadLettersAdmin() {
  const [includeHandled, setIncludeHandled] = useState(false);
  const letters = useApiData<{ items: DeadLetterDto[]; nextCursor: string | null }>(`/api/v1/webhooks/dead-letters?limit=100${includeHandled ? "&includeHandled=true" : ""}`);
  const action = useAdminAction();
  if (letters.error) return <Message type="error" messages={[{ text: letters.error }]} />;
  const act = async (path: string, done: string) => {
    await action.run(() => apiFetch(path, { method: "POST" }), done);
    letters.reload();
  };
  return (
    <Panel
      header="Dead letters"
      description="Webhooks and Telegram updates Tern could not parse or process after its retries."
      action={{ text: includeHandled ? "Hide handled" : "Show handled", variant: "secondary", onClick: () => setIncludeHandled(!includeHandled) }}
    >
      <ActionMessages state={action} onClose={action.clear} />
      <Table<DeadLetterDto>
        itemName="dead letters"
        keyField="id"
        items={letters.data?.items ?? []}
        emptyComponent={<Text>{letters.loading ? "Loading…" : "Nothing here: every event was processed."}</Text>}
        columns={[
          { hash: "received", header: "Received", width: 180, render: (letter) => new Date(letter.receivedAt).toLocaleString() },
          { hash: "source", header: "From", width: 120, render: (letter) => <Badge label={letter.source.toLowerCase()} variant="secondary" /> },
          { hash: "kind", header: "Event", render: (letter) => letter.kind },
          { hash: "error", header: "Why", render: (letter) => <Text marginBottom="none">{letter.error ?? "—"}</Text> },
          { hash: "attempts", header: "Tries", width: 60, render: (letter) => letter.attempts },
          {
            hash: "actions",
            header: "",
            width: 260,
            render: (letter) =>
              letter.manualTicketId ? (
                <Badge label="ticket created" variant="success" />
              ) : (
                <Flex flexGap="0.5rem">
                  <Button variant="secondary" disabled={action.pending} onClick={() => act(`/api/v1/webhooks/dead-letters/${letter.id}/retry`, "Put back in the queue.")}>
                    Retry
                  </Button>
                  <Button variant="subtle" disabled={action.pending} onClick={() => act(`/api/v1/webhooks/dead-letters/${letter.id}/ticket`, "Ticket created from the event.")}>
                    Create ticket
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </Panel>
  );
}
