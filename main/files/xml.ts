// Safe, namespace-aware XML reading for GPX and TCX. fast-xml-parser knows prefixes, not
// namespaces, so we resolve each prefix to its URI ourselves: files from different apps bind
// the same extension to different prefixes (gpxtpx:, ns3:, or a default namespace).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText, refuse } from './common';

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** Attributes without a prefix, by name (namespace declarations excluded). */
  attrs: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own text, trimmed, with the predefined entities decoded. */
  text: string;
}

/** fast-xml-parser's preserveOrder output: one key per node, plus ':@' for attributes. */
type OrderedNode = Record<string, unknown>;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes only the five predefined entities and character references; nothing can expand. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/**
 * Decodes and parses XML, refusing binary data, DOCTYPE/ENTITY declarations (billion laughs and
 * external entities) and malformed XML, each with plain words. `what` is e.g. "a GPX file".
 */
export function parseXmlBytes(bytes: Uint8Array, what: string): XmlElement {
  const decoded = decodeText(bytes);
  if (decoded === undefined) refuse(`it is not ${what}: it contains binary data, not XML text.`);
  return parseXmlText(decoded.text, what);
}

export function parseXmlText(raw: string, what: string): XmlElement {
  const text = raw.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) refuse(`it is not ${what}: it does not contain XML.`);
  // Checked on the raw text before any parser sees it; watch and app exports never have these.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    refuse(
      `it contains a DOCTYPE or ENTITY declaration, which Backstride refuses for safety (such files can be made to exhaust memory or read other files). Files exported by watches and training apps never contain one.`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    refuse(`it is not ${what}: the XML is broken at line ${valid.err.line} (${valid.err.msg}).`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: false,
    cdataPropName: '#cdata',
  });
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = toElements(nodes, new Map());
  if (roots.length === 0) refuse(`it is not ${what}: it has no XML elements.`);
  return roots[0]!;
}

function nodeName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function toElements(nodes: readonly OrderedNode[], scope: ReadonlyMap<string, string>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === undefined || name.startsWith('#') || name.startsWith('?')) continue;
    const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
    let inner: Map<string, string> | undefined;
    const attrs = new Map<string, string>();
    for (const [key, value] of Object.entries(rawAttrs)) {
      const attr = key.slice(2); // drop '@_'
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        inner ??= new Map(scope);
        inner.set(attr === 'xmlns' ? '' : attr.slice(6), decodeEntities(value));
      } else if (!attr.includes(':')) {
        attrs.set(attr, decodeEntities(value));
      }
    }
    const here = inner ?? scope;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const children = (node[name] ?? []) as OrderedNode[];
    out.push({
      // An undeclared prefix gets a URI no real namespace has, so it never matches by accident.
      ns: here.get(prefix) ?? (prefix === '' ? '' : `undeclared:${prefix}`),
      local: colon < 0 ? name : name.slice(colon + 1),
      attrs,
      children: toElements(children, here),
      text: textOf(children),
    });
  }
  return out;
}

function textOf(children: readonly OrderedNode[]): string {
  let text = '';
  for (const child of children) {
    if (typeof child['#text'] === 'string' || typeof child['#text'] === 'number')
      text += decodeEntities(String(child['#text']));
    const cdata = child['#cdata'];
    if (Array.isArray(cdata)) {
      for (const part of cdata as OrderedNode[]) if (part['#text'] !== undefined) text += String(part['#text']);
    }
  }
  return text.trim();
}

export function childrenOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  const uris = typeof ns === 'string' ? [ns] : ns;
  return el.children.filter((c) => c.local === local && uris.includes(c.ns));
}

export function childOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement | undefined {
  return childrenOf(el, ns, local)[0];
}

export function childText(el: XmlElement, ns: string | readonly string[], local: string): string | undefined {
  const text = childOf(el, ns, local)?.text;
  return text === undefined || text === '' ? undefined : text;
}

/** All elements below `el` (depth-first, document order) with this namespace and name. */
export function descendantsOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  const uris = typeof ns === 'string' ? [ns] : ns;
  const out: XmlElement[] = [];
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.local === local && uris.includes(next.ns)) out.push(next);
    for (let i = next.children.length - 1; i >= 0; i -= 1) stack.push(next.children[i]!);
  }
  return out;
}

/** A finite number from element text, or undefined. */
export function numberText(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** An instant from an ISO 8601 timestamp, or undefined. */
export function timeText(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
