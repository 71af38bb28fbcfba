// Safe, namespace-aware XML reading for GPX and TCX. fast-xml-parser knows prefixes, not
// namespaces, so we resolve each prefix to its URI ourselves: files from different apps bind
// the same extension to different prefixes (gpxtpx:, ns3:, or a default namespace).
//
// Elements are read in place from the parser's output: a 50,000-point track is parsed once and
// nothing is copied, because copying it into a tree of our own cost more than the parse.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countLabel, decodeText, IMPORT_LIMITS, refuse } from './common';
import { isPlainWellFormedXml, xmlSizeProblem } from './xmlCheck';

/** fast-xml-parser's preserveOrder output: one key per node (its name), plus ':@' for attributes. */
type OrderedNode = Record<string, unknown>;

/** Namespace URI by prefix ('' for the default namespace). */
type Scope = ReadonlyMap<string, string>;

const NO_SCOPE: Scope = new Map();
const ATTRIBUTES = ':@';
const ATTRIBUTE_PREFIX = '@_';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes only the five predefined entities and character references; nothing can expand. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** The node's name, or undefined for text, comments, CDATA and processing instructions. */
function elementName(node: OrderedNode): string | undefined {
  for (const key in node) {
    if (key === ATTRIBUTES) continue;
    const first = key.charCodeAt(0);
    return first === 0x23 || first === 0x3f ? undefined : key; // '#text', '#cdata', '?xml', ...
  }
  return undefined;
}

function rawAttributes(node: OrderedNode): Record<string, unknown> | undefined {
  return node[ATTRIBUTES] as Record<string, unknown> | undefined;
}

/** The scope inside an element: the parent's, plus the element's own xmlns declarations. */
function scopeOf(node: OrderedNode, parent: Scope): Scope {
  const attributes = rawAttributes(node);
  if (attributes === undefined) return parent;
  let inner: Map<string, string> | undefined;
  for (const key in attributes) {
    if (!key.startsWith('@_xmlns')) continue;
    const attr = key.slice(ATTRIBUTE_PREFIX.length);
    if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) continue;
    inner ??= new Map(parent);
    inner.set(attr === 'xmlns' ? '' : attr.slice(6), decodeEntities(String(attributes[key])));
  }
  return inner ?? parent;
}

/** Whether a qualified name, read in `scope`, is `local` in one of the namespaces `uris`. */
function nameMatches(name: string, scope: Scope, uris: readonly string[], local: string): boolean {
  if (!name.endsWith(local)) return false;
  const prefixLength = name.length - local.length;
  if (prefixLength === 0) return uris.includes(scope.get('') ?? '');
  if (name.charCodeAt(prefixLength - 1) !== 0x3a) return false; // ':'
  const uri = scope.get(name.slice(0, prefixLength - 1));
  return uri !== undefined && uris.includes(uri);
}

const ATTRIBUTE_KEYS = new Map<string, string>();

/** '@_' + name, made once per name (attributes are looked up for every track point). */
function attributeKey(name: string): string {
  let key = ATTRIBUTE_KEYS.get(name);
  if (key === undefined) {
    key = ATTRIBUTE_PREFIX + name;
    ATTRIBUTE_KEYS.set(name, key);
  }
  return key;
}

/** One element of a parsed document, read from the parser's output when asked. */
export class XmlElement {
  private resolved: { ns: string; local: string } | undefined;

  /** `scope` is the one inside the element (with its own declarations: see scopeOf). */
  constructor(
    private readonly node: OrderedNode,
    private readonly name: string,
    private readonly scope: Scope,
  ) {}

  /** Namespace URI ('' when none). */
  get ns(): string {
    return this.qualified().ns;
  }

  get local(): string {
    return this.qualified().local;
  }

  private qualified(): { ns: string; local: string } {
    if (this.resolved === undefined) {
      const colon = this.name.indexOf(':');
      const prefix = colon < 0 ? '' : this.name.slice(0, colon);
      this.resolved = {
        // An undeclared prefix gets a URI no real namespace has, so it never matches by accident.
        ns: this.scope.get(prefix) ?? (prefix === '' ? '' : `undeclared:${prefix}`),
        local: colon < 0 ? this.name : this.name.slice(colon + 1),
      };
    }
    return this.resolved;
  }

  private get children(): readonly OrderedNode[] {
    return (this.node[this.name] ?? []) as OrderedNode[];
  }

  /** An attribute without a prefix (not a namespace declaration), entities decoded. */
  attr(name: string): string | undefined {
    if (name === 'xmlns') return undefined;
    const value = rawAttributes(this.node)?.[attributeKey(name)];
    return value === undefined ? undefined : decodeEntities(String(value));
  }

  /** The element's own text, trimmed, with the predefined entities decoded. */
  get text(): string {
    let text = '';
    for (const child of this.children) {
      const value = child['#text'];
      if (typeof value === 'string' || typeof value === 'number') text += decodeEntities(String(value));
      const cdata = child['#cdata'];
      if (Array.isArray(cdata)) {
        for (const part of cdata as OrderedNode[]) if (part['#text'] !== undefined) text += String(part['#text']);
      }
    }
    return text.trim();
  }

  /** Child elements with this name in one of these namespaces, in document order. */
  childrenNamed(uris: readonly string[], local: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const child of this.children) {
      const name = elementName(child);
      if (name === undefined || !name.endsWith(local)) continue;
      const inner = scopeOf(child, this.scope);
      if (nameMatches(name, inner, uris, local)) out.push(new XmlElement(child, name, inner));
    }
    return out;
  }

  /** The first such child element. */
  childNamed(uris: readonly string[], local: string): XmlElement | undefined {
    for (const child of this.children) {
      const name = elementName(child);
      if (name === undefined || !name.endsWith(local)) continue;
      const inner = scopeOf(child, this.scope);
      if (nameMatches(name, inner, uris, local)) return new XmlElement(child, name, inner);
    }
    return undefined;
  }

  /** The first element below this one (depth-first, document order) with this name. */
  firstDescendant(uris: readonly string[], local: string): XmlElement | undefined {
    return findFirst(this.children, this.scope, uris, local);
  }

  /** All elements below this one (depth-first, document order) with this name. */
  descendantsNamed(uris: readonly string[], local: string): XmlElement[] {
    const out: XmlElement[] = [];
    collect(this.children, this.scope, uris, local, out);
    return out;
  }
}

function findFirst(
  nodes: readonly OrderedNode[],
  scope: Scope,
  uris: readonly string[],
  local: string,
): XmlElement | undefined {
  for (const node of nodes) {
    const name = elementName(node);
    if (name === undefined) continue;
    const inner = scopeOf(node, scope);
    if (nameMatches(name, inner, uris, local)) return new XmlElement(node, name, inner);
    const found = findFirst((node[name] ?? []) as OrderedNode[], inner, uris, local);
    if (found !== undefined) return found;
  }
  return undefined;
}

function collect(
  nodes: readonly OrderedNode[],
  scope: Scope,
  uris: readonly string[],
  local: string,
  out: XmlElement[],
): void {
  for (const node of nodes) {
    const name = elementName(node);
    if (name === undefined) continue;
    const inner = scopeOf(node, scope);
    if (nameMatches(name, inner, uris, local)) out.push(new XmlElement(node, name, inner));
    collect((node[name] ?? []) as OrderedNode[], inner, uris, local, out);
  }
}

/** fast-xml-parser's options for our files (entities off); the bench's baseline uses the same. */
export const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  cdataPropName: '#cdata',
} as const;

/**
 * Decodes and parses XML, refusing binary data, DOCTYPE/ENTITY declarations (billion laughs and
 * external entities) and malformed XML, each with plain words. `what` is e.g. "a GPX file".
 */
export function parseXmlBytes(bytes: Uint8Array, what: string): XmlElement {
  const decoded = decodeText(bytes);
  if (decoded === undefined) refuse(`it is not ${what}: it contains binary data, not XML text.`);
  return parseXmlText(decoded.text, what);
}

/** Parses XML text (already decoded) with the same refusals as parseXmlBytes; returns the root. */
export function parseXmlText(raw: string, what: string): XmlElement {
  const text = raw.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) refuse(`it is not ${what}: it does not contain XML.`);
  // Checked on the raw text before any parser sees it; watch and app exports never have these.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) {
    refuse(
      `it contains a DOCTYPE or ENTITY declaration, which Backstride refuses for safety (such files can be made to exhaust memory or read other files). Files exported by watches and training apps never contain one.`,
    );
  }
  const tooBig = xmlSizeProblem(text, IMPORT_LIMITS.xmlElements, IMPORT_LIMITS.xmlAttributes);
  if (tooBig === 'elements') {
    refuse(
      `it has more than ${countLabel(IMPORT_LIMITS.xmlElements)} XML elements, the most Backstride reads from one file (a day-long track has about 1,000,000).`,
    );
  }
  if (tooBig === 'attributes') {
    refuse(
      `an XML element in it has more than ${countLabel(IMPORT_LIMITS.xmlAttributes)} attributes, the most Backstride reads (watches write a handful).`,
    );
  }
  // The quick check vouches for plain, well-formed files; anything else gets the full validator,
  // which also words the error.
  if (!isPlainWellFormedXml(text)) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      refuse(`it is not ${what}: the XML is broken at line ${valid.err.line} (${valid.err.msg}).`);
    }
  }
  const nodes = new XMLParser(PARSER_OPTIONS).parse(text) as OrderedNode[];
  for (const node of nodes) {
    const name = elementName(node);
    if (name !== undefined) return new XmlElement(node, name, scopeOf(node, NO_SCOPE));
  }
  return refuse(`it is not ${what}: it has no XML elements.`);
}

export function childrenOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  return el.childrenNamed(typeof ns === 'string' ? [ns] : ns, local);
}

export function childOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement | undefined {
  return el.childNamed(typeof ns === 'string' ? [ns] : ns, local);
}

export function childText(el: XmlElement, ns: string | readonly string[], local: string): string | undefined {
  const text = childOf(el, ns, local)?.text;
  return text === undefined || text === '' ? undefined : text;
}

/** All elements below `el` (depth-first, document order) with this namespace and name. */
export function descendantsOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  return el.descendantsNamed(typeof ns === 'string' ? [ns] : ns, local);
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
