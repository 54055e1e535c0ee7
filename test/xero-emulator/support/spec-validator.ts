import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as validatorModule from 'openapi-response-validator';
import { parse } from 'yaml';

// Xero's OpenAPI specs (16.1.0), vendored in the repository: see specs/xero-openapi/README.md.
const SPEC_DIR = path.resolve(import.meta.dirname, '../../../specs/xero-openapi');

type Spec = {
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: unknown;
};
const specs = new Map<string, Spec>();
interface ResponseValidator {
  validateResponse(
    status: number,
    body: unknown,
  ): { errors: Array<{ path: string; message: string }> } | undefined;
}
type ValidatorCtor = new (args: { responses: unknown; components: unknown }) => ResponseValidator;
// openapi-response-validator is CommonJS with `exports.default`: unwrap whichever shape the loader gives.
const mod = validatorModule as unknown as { default: ValidatorCtor | { default: ValidatorCtor } };
const OpenAPIResponseValidator: ValidatorCtor = 'default' in mod.default ? mod.default.default : mod.default;
const validators = new Map<string, ResponseValidator>();

export function loadSpec(file: 'xero_accounting.yaml' | 'xero-payroll-au.yaml' | 'xero-identity.yaml'): Spec {
  let spec = specs.get(file);
  if (!spec) {
    spec = parse(readFileSync(`${SPEC_DIR}/${file}`, 'utf8')) as Spec;
    dropStringBooleanDefaults(spec.components);
    specs.set(file, spec);
  }
  return spec;
}

/**
 * Xero's spec gives boolean defaults as strings (`default: "false"`); the validator runs ajv with
 * useDefaults, which would insert those strings into bodies and then reject them as non-boolean.
 */
function dropStringBooleanDefaults(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) dropStringBooleanDefaults(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (obj.type === 'boolean' && typeof obj.default === 'string') delete obj.default;
  for (const v of Object.values(obj)) dropStringBooleanDefaults(v);
}

/** Validates a raw response body against the operation's response schema in Xero's OpenAPI spec. */
export function validateResponse(
  file: 'xero_accounting.yaml' | 'xero-payroll-au.yaml' | 'xero-identity.yaml',
  path: string,
  method: string,
  status: number,
  body: unknown,
): string[] {
  const key = `${file} ${method} ${path}`;
  let v = validators.get(key);
  if (!v) {
    const spec = loadSpec(file);
    const op = spec.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`no operation ${method} ${path} in ${file}`);
    v = new OpenAPIResponseValidator({
      responses: op.responses as never,
      components: spec.components as never,
    });
    validators.set(key, v);
  }
  const copy = JSON.parse(JSON.stringify(body ?? null));
  const result = v.validateResponse(status, copy);
  return result ? result.errors.map((e) => `${e.path}: ${e.message}`) : [];
}
