import { describe, expect, it } from "vitest";
import { renderTemplate, templatePlaceholders, unknownPlaceholders } from "./render-template.ts";

const SHIPMENT =
  "Thank you for your inquiry regarding order #[order_id]. Your shipment was last updated on [shipment_date] and is currently [shipment_status]. You can track it here: [tracking_url]";

describe("renderTemplate", () => {
  it("fills every variable", () => {
    const result = renderTemplate(SHIPMENT, {
      order_id: "250",
      shipment_date: "21 Nov 2026",
      shipment_status: "shipped",
      tracking_url: "https://track.example/1Z999",
    });
    expect(result).toEqual({
      ok: true,
      text: "Thank you for your inquiry regarding order #250. Your shipment was last updated on 21 Nov 2026 and is currently shipped. You can track it here: https://track.example/1Z999",
    });
  });

  it("refuses when a value is missing, blank or null, naming each one", () => {
    const result = renderTemplate(SHIPMENT, { order_id: "250", shipment_date: " ", shipment_status: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual(["shipment_date", "shipment_status", "tracking_url"]);
    expect(result.message).toBe(
      "Template cannot be used: this ticket's order has no [shipment_date], [shipment_status], [tracking_url].",
    );
  });

  it("refuses unknown variables instead of sending them literally", () => {
    const result = renderTemplate("Hi [customer_name], your [coupon_code] is ready", { customer_name: "Carol" });
    expect(result).toMatchObject({ ok: false, unknown: ["coupon_code"], missing: [] });
  });

  it("leaves text without placeholders alone and ignores brackets that are not variables", () => {
    expect(renderTemplate("Order [#12] and [ ] stay", {})).toEqual({ ok: true, text: "Order [#12] and [ ] stay" });
  });

  it("fills a variable used twice", () => {
    expect(renderTemplate("[order_id]/[order_id]", { order_id: "7" })).toEqual({ ok: true, text: "7/7" });
  });
});

describe("placeholders", () => {
  it("lists each placeholder once, in order", () => {
    expect(templatePlaceholders("[b] [a] [b]")).toEqual(["b", "a"]);
  });

  it("finds the unknown ones for save-time validation", () => {
    expect(unknownPlaceholders("[order_id] [foo] [tracking_url] [bar]")).toEqual(["foo", "bar"]);
  });
});
