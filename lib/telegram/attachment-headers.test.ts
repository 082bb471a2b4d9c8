import { describe, expect, it } from "vitest";
import { attachmentHeaders } from "./attachment-headers.ts";

describe("attachmentHeaders", () => {
  it("shows a photo in place", () => {
    const headers = attachmentHeaders({ mimeType: "image/jpeg", fileName: "photo.jpg", size: 10 });
    expect(headers["content-type"]).toBe("image/jpeg");
    expect(headers["content-disposition"]).toMatch(/^inline; filename="photo.jpg"/);
  });

  it("serves anything that could run script as an opaque download", () => {
    for (const mimeType of ["text/html", "image/svg+xml", "application/javascript", "text/xml"]) {
      const headers = attachmentHeaders({ mimeType, fileName: "evil.html", size: null });
      expect(headers["content-type"]).toBe("application/octet-stream");
      expect(headers["content-disposition"]).toMatch(/^attachment;/);
    }
  });

  it("keeps quotes and non-ASCII out of the plain filename", () => {
    const headers = attachmentHeaders({ mimeType: "application/pdf", fileName: 'Rëceipt "1".pdf', size: 1 });
    expect(headers["content-disposition"]).toBe(`inline; filename="R_ceipt _1_.pdf"; filename*=UTF-8''R%C3%ABceipt%20%221%22.pdf`);
  });
});
