import type { Message } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { describeContent, messageContent } from "./message-content.ts";

const base = { message_id: 5, date: 1_700_000_000, chat: { id: 42, type: "private", first_name: "Kim" } };

function message(fields: Record<string, unknown>): Message {
  return { ...base, ...fields } as unknown as Message;
}

describe("messageContent", () => {
  it("keeps text as the body", () => {
    expect(messageContent(message({ text: "Where is my parcel?" }))).toEqual({ body: "Where is my parcel?", attachments: [] });
  });

  it("keeps the largest photo and its caption", () => {
    const content = messageContent(
      message({
        caption: "It arrived broken",
        photo: [
          { file_id: "small", file_unique_id: "s", width: 90, height: 60, file_size: 1000 },
          { file_id: "big", file_unique_id: "b", width: 1280, height: 960, file_size: 90_000 },
        ],
      }),
    );
    expect(content.body).toBe("It arrived broken");
    expect(content.attachments).toEqual([
      { kind: "photo", fileId: "big", fileUniqueId: "b", fileName: "photo-b.jpg", mimeType: "image/jpeg", fileSize: 90_000, width: 1280, height: 960 },
    ]);
  });

  it("skips a photo size above the download limit when a smaller one exists", () => {
    const content = messageContent(
      message({
        photo: [
          { file_id: "ok", file_unique_id: "o", width: 800, height: 600, file_size: 5_000_000 },
          { file_id: "huge", file_unique_id: "h", width: 8000, height: 6000, file_size: 30_000_000 },
        ],
      }),
    );
    expect(content.attachments[0]).toMatchObject({ fileId: "ok" });
  });

  it("keeps a document's name and MIME type", () => {
    const content = messageContent(message({ document: { file_id: "d", file_unique_id: "du", file_name: "invoice.pdf", mime_type: "application/pdf", file_size: 1234 } }));
    expect(content.attachments).toEqual([{ kind: "document", fileId: "d", fileUniqueId: "du", fileName: "invoice.pdf", mimeType: "application/pdf", fileSize: 1234 }]);
    expect(describeContent(content)).toBe("Document invoice.pdf");
  });

  it("keeps voice, sticker, location and contact", () => {
    expect(messageContent(message({ voice: { file_id: "v", file_unique_id: "vu", duration: 3 } })).attachments[0]).toMatchObject({
      kind: "voice",
      mimeType: "audio/ogg",
      duration: 3,
    });
    expect(messageContent(message({ sticker: { file_id: "s", file_unique_id: "su", is_animated: true, is_video: false, emoji: "👍" } })).attachments[0]).toMatchObject({
      kind: "sticker",
      mimeType: "application/x-tgsticker",
      emoji: "👍",
    });
    expect(messageContent(message({ location: { latitude: 52.37, longitude: 4.89 } })).attachments).toEqual([{ kind: "location", latitude: 52.37, longitude: 4.89 }]);
    expect(messageContent(message({ contact: { phone_number: "+3161234", first_name: "Kim" } })).attachments).toEqual([
      { kind: "contact", phoneNumber: "+3161234", firstName: "Kim", lastName: null },
    ]);
  });

  it("keeps an animation once, not also as a document", () => {
    const file = { file_id: "a", file_unique_id: "au", file_name: "fun.mp4", mime_type: "video/mp4" };
    const content = messageContent(message({ animation: file, document: file }));
    expect(content.attachments.map((attachment) => attachment.kind)).toEqual(["animation"]);
  });

  it("notes kinds Tern cannot show", () => {
    expect(messageContent(message({ poll: { id: "p", question: "?" } })).body).toBe("[poll message: not shown in Tern]");
  });
});
