import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ObjectSerializer as AccountingSerializer } from 'xero-node/dist/gen/model/accounting/models.js';
import { ObjectSerializer as PayrollAuSerializer } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { parse } from 'yaml';

/**
 * The `example:` payloads of Xero's OpenAPI specs, turned into xero-node models exactly as xero-node
 * does for real responses (`ObjectSerializer.deserialize(body, 'Invoices')`), for table-driven tests.
 */

type Spec = 'accounting' | 'payroll-au';
type Rec = Record<string, unknown>;

// Xero's OpenAPI specs (16.1.0), vendored in the repository: see specs/xero-openapi/README.md.
const SPEC_DIR = path.resolve(import.meta.dirname, '../../../specs/xero-openapi');
const FILES: Record<Spec, string> = {
  accounting: 'xero_accounting.yaml',
  'payroll-au': 'xero-payroll-au.yaml',
};
const SERIALIZERS = { accounting: AccountingSerializer, 'payroll-au': PayrollAuSerializer };
const docs = new Map<Spec, Rec>();

function doc(spec: Spec): Rec {
  if (!docs.has(spec)) docs.set(spec, parse(readFileSync(path.join(SPEC_DIR, FILES[spec]), 'utf8')) as Rec);
  return docs.get(spec)!;
}

/** Every 200 response example whose schema is `#/components/schemas/<schema>`, labelled "GET /Invoices". */
export function responseExamples(spec: Spec, schema: string): Array<{ label: string; body: Rec }> {
  const out: Array<{ label: string; body: Rec }> = [];
  for (const [route, ops] of Object.entries(doc(spec).paths as Record<string, Rec>)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = (op as Rec)?.responses as Record<string, Rec> | undefined;
      const json = (content?.['200']?.content as Rec | undefined)?.['application/json'] as Rec | undefined;
      const ref = (json?.schema as Rec | undefined)?.$ref;
      if (ref === `#/components/schemas/${schema}` && json?.example && typeof json.example === 'object') {
        out.push({ label: `${method.toUpperCase()} ${route}`, body: json.example as Rec });
      }
    }
  }
  return out;
}

/** Deserialises a response body the way xero-node does. */
export function deserialize<T>(spec: Spec, body: unknown, type: string): T {
  return SERIALIZERS[spec].deserialize(body, type) as T;
}

export interface ModelCase<T> {
  label: string;
  /** The element as Xero sent it (PascalCase JSON). */
  raw: Rec;
  /** The same element as xero-node hands it over. */
  model: T;
}

/** Each element of `property` (camelCase; Xero's key is its PascalCase twin) across all examples of `schema`. */
export function modelExamples<T>(spec: Spec, schema: string, property: string): Array<ModelCase<T>> {
  const key = property.charAt(0).toUpperCase() + property.slice(1);
  return responseExamples(spec, schema).flatMap(({ label, body }) => {
    const envelope = deserialize<Rec>(spec, body, schema);
    const raws = body[key];
    const models = envelope[property];
    if (Array.isArray(raws) && Array.isArray(models)) {
      return raws.map((raw, i) => ({ label: `${label} #${i + 1}`, raw: raw as Rec, model: models[i] as T }));
    }
    return raws && models ? [{ label, raw: raws as Rec, model: models as T }] : [];
  });
}

/** A xero-node model from hand-written PascalCase JSON, as if Xero had sent it. */
export function fromXero<T>(spec: Spec, type: string, json: Rec): T {
  return deserialize<T>(spec, json, type);
}

/** Every request body example whose schema is `#/components/schemas/<schema>`, labelled "PUT /TaxRates". */
export function requestExamples(spec: Spec, schema: string): Array<{ label: string; body: Rec }> {
  const out: Array<{ label: string; body: Rec }> = [];
  for (const [route, ops] of Object.entries(doc(spec).paths as Record<string, Rec>)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = ((op as Rec)?.requestBody as Rec | undefined)?.content as Rec | undefined;
      const json = content?.['application/json'] as Rec | undefined;
      const ref = (json?.schema as Rec | undefined)?.$ref;
      if (ref === `#/components/schemas/${schema}` && json?.example && typeof json.example === 'object') {
        out.push({ label: `${method.toUpperCase()} ${route}`, body: json.example as Rec });
      }
    }
  }
  return out;
}

/** A xero-node model as xero-node puts it on the wire (PascalCase JSON). */
export function toWire(spec: Spec, model: unknown, type: string): Rec {
  return SERIALIZERS[spec].serialize(model, type) as Rec;
}
