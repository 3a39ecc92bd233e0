/**
 * Reading the CRM's own /openapi.json in tests: its operations, a minimal valid request body
 * for a schema (with chosen ids in every UUID field), and the date-time fields of an answer.
 * The tests that walk the whole API (isolation, times) are generated from the document with
 * these, so a route added anywhere, core or plugin, is covered without a hand-kept list.
 */

export type Schema = Record<string, any>;
export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, with its method and path. */
export function operations(doc: Document): { method: (typeof METHODS)[number]; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })),
  );
}

/** A `$ref` followed to its schema. */
export function resolve(schema: Schema | undefined, doc: Document): Schema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 20; hops++) current = doc.components?.schemas?.[String(current.$ref).split('/').pop()!] ?? {};
  return current;
}

/**
 * A small value valid for the schema: required object fields only, the first enum value or
 * example, an array of one, `uuid()` for every UUID field (so a test can put chosen ids there).
 */
export function sample(schemaIn: Schema | undefined, doc: Document, uuid: () => string, depth = 0): unknown {
  const schema = resolve(schemaIn, doc);
  if (depth > 8) return null;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return sample(variants.find((v: Schema) => resolve(v, doc).type !== 'null') ?? variants[0], doc, uuid, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => sample(s, doc, uuid, depth + 1)));
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name], doc, uuid, depth + 1);
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, doc, uuid, depth + 1));
    case 'integer':
    case 'number': return schema.example ?? schema.default ?? Math.max(schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean': return false;
    case 'string': {
      if (schema.format === 'uuid') return uuid();
      if (schema.format === 'email') return 'probe@probe-isolation.dk';
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'uri' || schema.format === 'url') return 'https://probe-isolation.dk/';
      if (typeof schema.example === 'string') return schema.example;
      if (typeof schema.pattern === 'string' && /\^\[/.test(schema.pattern)) return 'https://probe-isolation.dk';
      return 'probe'.padEnd(Math.max(5, schema.minLength ?? 0), 'x');
    }
    default: return {};
  }
}

/** True when the schema (or a variant of it) is a UUID string: a slot for another company's id. */
export function isUuidSchema(schemaIn: Schema | undefined, doc: Document): boolean {
  const schema = resolve(schemaIn, doc);
  if (schema.format === 'uuid') return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((v: Schema) => isUuidSchema(v, doc));
}

/**
 * Calls `visit` with every value of `value` that its schema says is a `date-time` string, with
 * the JSON path; and returns the date-time paths the schema declares (for coverage).
 */
export function dateTimes(value: unknown, schemaIn: Schema | undefined, doc: Document, visit: (path: string, value: unknown) => void, path = '$'): void {
  const schema = resolve(schemaIn, doc);
  if (value === null || value === undefined) return;
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) dateTimes(value, variant, doc, visit, path);
  if (schema.format === 'date-time') visit(path, value);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => dateTimes(item, schema.items, doc, visit, `${path}[${i}]`));
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const [name, child] of Object.entries(schema.properties as Record<string, Schema>)) dateTimes((value as Record<string, unknown>)[name], child, doc, visit, `${path}.${name}`);
  }
}
