/** Types a browser may show in place; nothing here can run script on Tern's origin. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "audio/ogg", "audio/mpeg", "video/mp4", "video/webm", "application/pdf"]);

/**
 * Headers for serving a customer's file from Tern's origin. The MIME type and name come from the
 * customer, so anything that is not a plain image, audio, video or PDF is served as a download of
 * opaque bytes, and a sandbox CSP plus nosniff keep even those from running anything.
 */
export function attachmentHeaders(file: { mimeType: string; fileName: string; size: number | null }): Record<string, string> {
  const inline = INLINE_TYPES.has(file.mimeType.toLowerCase());
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "content-type": inline ? file.mimeType : "application/octet-stream",
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "cache-control": "private, max-age=3600",
    ...(file.size !== null ? { "x-file-size": String(file.size) } : {}),
  };
}
