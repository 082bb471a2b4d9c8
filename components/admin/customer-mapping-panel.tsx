"use client";

import { Button, Flex, Form, FormGroup, Input, Message, Panel, Select, Text } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { MAX_CUSTOM_FIELDS, type CustomerField, type CustomerMapping, type FieldSource } from "@/lib/customers/sync/customer-mapping.ts";
import type { CustomerSyncFields } from "@/lib/customers/sync/customer-sync-fields.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";
import { useApiData } from "./use-api-data.ts";

const FIELD_LABELS: Record<CustomerField, string> = {
  full_name: "First and last name",
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  notes: "Notes",
  customer_group: "Customer group",
  date_created: "Customer since",
  store_credit: "Store credit",
  address_phone: "Address: phone",
  city: "Address: city",
  state: "Address: state or province",
  zip: "Address: postal code",
  country: "Address: country",
  country_iso2: "Address: country code",
};

const NONE = "";

function encode(source: FieldSource | null): string {
  if (!source) return NONE;
  return source.kind === "field" ? `field:${source.field}` : `attribute:${source.attributeId}`;
}

function decode(value: string): FieldSource | null {
  const [kind, rest] = value.split(":");
  if (kind === "field" && rest) return { kind: "field", field: rest as CustomerField };
  if (kind === "attribute" && rest) return { kind: "attribute", attributeId: Number(rest) };
  return null;
}

type Option = { value: string; content: string };

function sourceOptions(fields: CustomerSyncFields, withNone: boolean): Option[] {
  return [
    ...(withNone ? [{ value: NONE, content: "— not mapped —" }] : []),
    ...fields.fields.map((field) => ({ value: `field:${field}`, content: FIELD_LABELS[field] })),
    ...fields.attributes.map((attribute) => ({ value: `attribute:${attribute.id}`, content: `Attribute: ${attribute.name}` })),
  ];
}

function MappingForm({ initial, fields }: { initial: CustomerMapping; fields: CustomerSyncFields }) {
  const action = useAdminAction();
  const [name, setName] = useState(encode(initial.name));
  const [email, setEmail] = useState(encode(initial.email));
  const [phone, setPhone] = useState(encode(initial.phone));
  const [tierSource, setTierSource] = useState(encode(initial.tier.source));
  const [vipValues, setVipValues] = useState(initial.tier.vipValues.join(", "));
  const [region, setRegion] = useState(encode(initial.region));
  const [customFields, setCustomFields] = useState(initial.customFields.map((field) => ({ label: field.label, source: encode(field.source) })));
  const optional = sourceOptions(fields, true);
  const required = sourceOptions(fields, false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const mapping = {
      name: decode(name),
      email: decode(email),
      phone: decode(phone),
      tier: { source: decode(tierSource), vipValues: vipValues.split(",").map((value) => value.trim()).filter(Boolean) },
      region: decode(region),
      customFields: customFields.map((field) => ({ label: field.label.trim(), source: decode(field.source) })),
    };
    await action.run(() => apiFetch("/api/v1/customer-sync/mapping", { method: "PUT", body: mapping }), "Mapping saved: it applies from the next import, webhook or reconciliation.");
  }
  const setField = (index: number, patch: Partial<{ label: string; source: string }>) => setCustomFields(customFields.map((field, at) => (at === index ? { ...field, ...patch } : field)));

  return (
    <Form onSubmit={save}>
      <ActionMessages state={action} onClose={action.clear} />
      {!fields.apiAccess ? <Message type="warning" messages={[{ text: "Tern has no API access to this store: only the standard fields are offered." }]} marginBottom="medium" /> : null}
      <FormGroup>
        <Select<string> label="Name" options={optional} value={name} onOptionChange={(value) => setName(value ?? NONE)} />
        <Select<string> label="Email" options={required} value={email} onOptionChange={(value) => setEmail(value ?? "field:email")} required />
      </FormGroup>
      <FormGroup>
        <Select<string> label="Phone" options={optional} value={phone} onOptionChange={(value) => setPhone(value ?? NONE)} />
        <Select<string> label="Region" options={optional} value={region} onOptionChange={(value) => setRegion(value ?? NONE)} />
      </FormGroup>
      <FormGroup>
        <Select<string> label="Tier from" options={optional} value={tierSource} onOptionChange={(value) => setTierSource(value ?? NONE)} />
        <Input
          label="Values that make a customer VIP"
          description={fields.groups.length ? `Comma-separated. This store's groups: ${fields.groups.map((group) => group.name).join(", ")}.` : "Comma-separated, e.g. VIP."}
          value={vipValues}
          onChange={(event) => setVipValues(event.target.value)}
        />
      </FormGroup>
      <Text bold>Fields shown in the inbox sidebar</Text>
      {customFields.map((field, index) => (
        <FormGroup key={index}>
          <Input label={`Label ${index + 1}`} value={field.label} maxLength={40} onChange={(event) => setField(index, { label: event.target.value })} />
          <Select<string> label={`Source ${index + 1}`} options={required} value={field.source} onOptionChange={(value) => setField(index, { source: value ?? "field:company" })} />
          <Flex alignItems="flex-end">
            <Button type="button" variant="subtle" onClick={() => setCustomFields(customFields.filter((_, at) => at !== index))}>
              Remove
            </Button>
          </Flex>
        </FormGroup>
      ))}
      <Flex flexGap="0.5rem" marginTop="small">
        <Button type="button" variant="secondary" disabled={customFields.length >= MAX_CUSTOM_FIELDS} onClick={() => setCustomFields([...customFields, { label: "", source: "field:company" }])}>
          Add a field
        </Button>
        <Button type="submit" isLoading={action.pending}>
          Save mapping
        </Button>
      </Flex>
    </Form>
  );
}

/** Which BigCommerce fields and attributes fill Tern's customers. */
export function CustomerMappingPanel() {
  const mapping = useApiData<{ mapping: CustomerMapping }>("/api/v1/customer-sync/mapping");
  const fields = useApiData<CustomerSyncFields>("/api/v1/customer-sync/fields");
  const error = mapping.error ?? fields.error;
  return (
    <Panel header="Field mapping" description="Which BigCommerce fields and attributes fill Tern's name, email, phone, tier, region, and the fields agents see beside a ticket.">
      {error ? <Message type="error" messages={[{ text: error }]} /> : null}
      {mapping.data && fields.data ? <MappingForm initial={mapping.data.mapping} fields={fields.data} /> : !error ? <Text>Loading…</Text> : null}
    </Panel>
  );
}
