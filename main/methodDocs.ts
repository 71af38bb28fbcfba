// `cli methods`: each operation with the shape of its input, read from the contract's zod
// schemas through zod's own JSON Schema output, so the list cannot drift from what `call` checks.
import { z } from 'zod';
import { contract, METHODS, offeredOn, type Method } from '../shared/api';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

/** A one-line TypeScript-like rendering of a JSON Schema. */
export function describeSchema(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const parts = union.filter((s) => s.type !== 'null' || union.length === 1).map(describeSchema);
    return [...new Set(parts)].join(' | ') || 'nothing';
  }
  if (schema.type === 'object' || schema.properties) {
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties ?? {}).map(
      ([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${describeSchema(value)}`,
    );
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  if (schema.type === 'array') return `${schema.items ? describeSchema(schema.items) : 'unknown'}[]`;
  if (schema.type === 'integer' || schema.type === 'number') {
    const range =
      schema.minimum !== undefined || schema.maximum !== undefined
        ? ` ${schema.minimum ?? ''}..${schema.maximum ?? ''}`
        : '';
    return `${schema.type === 'integer' ? 'integer' : 'number'}${range}`;
  }
  if (schema.type === 'string') return schema.format ? `string (${schema.format})` : 'string';
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return schema.type ?? 'unknown';
}

export function inputShape(method: Method): string {
  const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return describeSchema(schema);
}

export function methodLines(): string[] {
  // Only what `call` can reach: the command line's door.
  return METHODS.filter((method) => offeredOn(method, 'cli')).map((method) => `${method}  ${inputShape(method)}`);
}
