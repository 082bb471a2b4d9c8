/**
 * The "Chat with us on Telegram" snippet for the store's order-confirmation page. BigCommerce
 * fills in the order's conversion-tracking placeholders (%%ORDER_ID%%, %%ORDER_EMAIL%%) on that
 * page; Tern's /api/telegram/chat-link checks the pair and sends the shopper on to the bot with a
 * signed link, so they arrive verified. One <script> tag, as the Scripts API's script_tag wants.
 */
export function storefrontChatSnippet(publicUrl: string, storeHash: string): string {
  const base = `${publicUrl.replace(/\/+$/, "")}/api/telegram/chat-link?store=${encodeURIComponent(storeHash)}&order=%%ORDER_ID%%&email=`;
  return [
    "<script>",
    "(function () {",
    '  var link = document.createElement("a");',
    `  link.href = ${JSON.stringify(base)} + encodeURIComponent("%%ORDER_EMAIL%%");`,
    '  link.textContent = "Chat with us on Telegram";',
    '  link.target = "_blank";',
    '  link.rel = "noopener";',
    '  link.setAttribute("style", "display:inline-block;margin:16px 0;padding:10px 16px;border-radius:6px;background:#229ED9;color:#fff;font-weight:600;text-decoration:none");',
    '  (document.querySelector(".orderConfirmation, .checkout-step--confirmation, main") || document.body).appendChild(link);',
    "})();",
    "</script>",
  ].join("\n");
}
