// A quick well-formedness check for the plain XML that watches and training apps write, so a
// 10 MB track is not read twice (fast-xml-parser's own validator is a separate, slower pass).
//
// The contract: isPlainWellFormedXml(text) is true only for text that fast-xml-parser's
// XMLValidator.validate also accepts (test/main/files/xmlCheck.test.ts checks this against the
// validator on generated and mutated documents). It is false for anything outside the plain
// form below, even when that is well-formed; the caller then runs the full validator, which
// decides and words the error. So the check never changes what is accepted, only how fast.
//
// The plain form: optional XML declaration at the very start, comments and processing
// instructions around the root, one root element; ASCII names; attributes as name="value" or
// name='value', each preceded by white space, no name repeated; in text only the references
// &name; (up to 20 word characters), &#digits; and &#xhex;; comments and CDATA sections inside
// elements. Anything else (DOCTYPE, non-ASCII names, text outside the root, ...) is left to
// the validator.

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const HASH = 0x23;
const SEMICOLON = 0x3b;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

// Character classes of ASCII by code (anything from 128 up is in none of them).
const SPACE = 1; // the white space the validator knows: space, tab, LF, CR
const NAME_START = 2; // A-Z a-z _ :
const NAME = 4; // NAME_START and 0-9 - .
const CLASSES = new Uint8Array(128);
for (const code of [0x20, 0x09, 0x0a, 0x0d]) CLASSES[code] = SPACE;
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_:]/.test(char)) CLASSES[code] = NAME_START | NAME;
  else if (/[0-9.-]/.test(char)) CLASSES[code] = NAME;
}

function isSpace(code: number): boolean {
  return code < 128 && (CLASSES[code]! & SPACE) !== 0;
}

function isNameStart(code: number): boolean {
  return code < 128 && (CLASSES[code]! & NAME_START) !== 0;
}

function isNameChar(code: number): boolean {
  return code < 128 && (CLASSES[code]! & NAME) !== 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

function isWordChar(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

/** Index after the name starting at `from`, or -1 when no name starts there. */
function nameEnd(text: string, from: number): number {
  if (!isNameStart(text.charCodeAt(from))) return -1;
  let i = from + 1;
  while (isNameChar(text.charCodeAt(i))) i += 1;
  return i;
}

/** Index after a character or entity reference starting with '&' at `at`, or -1. */
function referenceEnd(text: string, at: number): number {
  let i = at + 1;
  let digits = 0;
  if (text.charCodeAt(i) === HASH) {
    i += 1;
    const hex = text.charCodeAt(i) === 0x78; // x
    if (hex) i += 1;
    while (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i))) {
      i += 1;
      digits += 1;
    }
  } else {
    while (isWordChar(text.charCodeAt(i)) && digits < 20) {
      i += 1;
      digits += 1;
    }
  }
  return digits > 0 && text.charCodeAt(i) === SEMICOLON ? i + 1 : -1;
}

/** Up to this many attributes per tag, repeats are found by comparing in place (no strings made). */
const FEW_ATTRIBUTES = 16;

function sameName(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * True when `text` (without a byte-order mark) is well-formed XML of the plain form described
 * above; false when it is not, or when only the full validator can tell.
 */
export function isPlainWellFormedXml(text: string): boolean {
  const length = text.length;
  /** Start and length of the name of each open element, innermost last; `depth` of them. */
  const openStarts: number[] = [];
  const openLengths: number[] = [];
  let depth = 0;
  /** Start and length of the attribute names of the tag being read (`attrCount`), for repeats. */
  const attrStarts: number[] = [];
  const attrLengths: number[] = [];
  let attrCount: number;
  /** The tag's attribute names once it has FEW_ATTRIBUTES or more. */
  const manyAttributes = new Set<string>();
  let rootSeen = false;
  let rootClosed = false;
  let nextAmp = -2; // position of the next '&' at or after i; -2: not looked for yet
  let i = 0;

  while (i < length) {
    if (depth > 0) {
      // Text inside an element: anything but '<', with '&' only as a reference.
      let lt = text.indexOf('<', i);
      if (lt < 0) lt = length;
      if (nextAmp !== -1 && nextAmp < i) nextAmp = text.indexOf('&', i);
      if (nextAmp !== -1 && nextAmp < lt) {
        i = referenceEnd(text, nextAmp);
        if (i < 0) return false;
        continue;
      }
      i = lt;
      if (i >= length) return false; // an element is never closed
    } else {
      // Outside the root: only white space between markup.
      const code = text.charCodeAt(i);
      if (code !== LT) {
        if (!isSpace(code)) return false;
        i += 1;
        continue;
      }
    }

    // text[i] is '<'.
    const next = text.charCodeAt(i + 1);
    if (next === QUESTION) {
      // A processing instruction. Before the root the validator refuses a second XML
      // declaration (anywhere but the very start); '<?>' is left to it as well.
      if (text.charCodeAt(i + 2) === GT) return false;
      if (!rootSeen && i > 0 && text.startsWith('xml', i + 2)) {
        const after = text.charCodeAt(i + 5);
        if (after === QUESTION || after === 0x20) return false;
      }
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (next === BANG) {
      if (text.startsWith('--', i + 2)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) return false;
        i = end + 3;
      } else if (depth > 0 && text.startsWith('[CDATA[', i + 2)) {
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) return false;
        i = end + 3;
      } else {
        return false; // DOCTYPE and the like: the caller refuses them or the validator decides
      }
    } else if (next === SLASH) {
      // A closing tag: the innermost open element's name, optional white space, '>'.
      const nameStart = i + 2;
      const end = nameEnd(text, nameStart);
      if (end < 0) return false;
      let k = end;
      while (isSpace(text.charCodeAt(k))) k += 1;
      if (text.charCodeAt(k) !== GT) return false;
      const open = depth - 1;
      if (open < 0 || openLengths[open] !== end - nameStart) return false;
      if (!sameName(text, openStarts[open]!, nameStart, end - nameStart)) return false;
      depth = open;
      if (depth === 0) rootClosed = true;
      i = k + 1;
    } else {
      // An opening or empty-element tag.
      if (rootClosed) return false; // a second root
      const nameStart = i + 1;
      const end = nameEnd(text, nameStart);
      if (end < 0) return false;
      attrCount = 0;
      let k = end;
      let selfClosing = false;
      for (;;) {
        const code = text.charCodeAt(k);
        if (code === GT) break;
        if (code === SLASH) {
          if (text.charCodeAt(k + 1) !== GT) return false;
          selfClosing = true;
          k += 1;
          break;
        }
        // An attribute must follow white space.
        if (!isSpace(code)) return false;
        while (isSpace(text.charCodeAt(k))) k += 1;
        const after = text.charCodeAt(k);
        if (after === GT || after === SLASH) continue;
        const attrStart = k;
        const attrEnd = nameEnd(text, attrStart);
        if (attrEnd < 0) return false;
        const attrLength = attrEnd - attrStart;
        if (attrCount < FEW_ATTRIBUTES) {
          for (let a = 0; a < attrCount; a += 1) {
            if (attrLengths[a] === attrLength && sameName(text, attrStarts[a]!, attrStart, attrLength)) return false;
          }
          attrStarts[attrCount] = attrStart;
          attrLengths[attrCount] = attrLength;
        } else {
          // Many attributes (only a crafted file has them): a set keeps the check linear.
          if (attrCount === FEW_ATTRIBUTES) {
            manyAttributes.clear();
            for (let a = 0; a < attrCount; a += 1) {
              manyAttributes.add(text.slice(attrStarts[a]!, attrStarts[a]! + attrLengths[a]!));
            }
          }
          const attrName = text.slice(attrStart, attrEnd);
          if (manyAttributes.has(attrName)) return false;
          manyAttributes.add(attrName);
        }
        attrCount += 1;
        k = attrEnd;
        while (isSpace(text.charCodeAt(k))) k += 1;
        if (text.charCodeAt(k) !== EQUALS) return false;
        k += 1;
        while (isSpace(text.charCodeAt(k))) k += 1;
        const quote = text.charCodeAt(k);
        if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return false;
        const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", k + 1);
        if (close < 0) return false;
        k = close + 1;
      }
      rootSeen = true;
      if (selfClosing) {
        if (depth === 0) rootClosed = true;
      } else {
        openStarts[depth] = nameStart;
        openLengths[depth] = end - nameStart;
        depth += 1;
      }
      i = k + 1;
    }
  }
  return rootClosed && depth === 0;
}

/**
 * Why the document is too big to parse (more elements, or more attributes on one element, than
 * the limits), or undefined. A quick pass before any parser builds a tree: 40 million empty
 * elements in a 156 KB .gpx.gz are refused here in a fraction of a second.
 */
export function xmlSizeProblem(
  text: string,
  maxElements: number,
  maxAttributes: number,
): 'elements' | 'attributes' | undefined {
  let elements = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (!isNameStart(text.charCodeAt(at + 1))) continue; // a closing tag, comment, PI or CDATA
    elements += 1;
    if (elements > maxElements) return 'elements';
    // Attributes: each has one '=' outside quotes before the tag's '>'.
    let attributes = 0;
    for (let k = at + 1; k < text.length; k += 1) {
      const code = text.charCodeAt(k);
      if (code === GT || code === LT) break;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        const close = text.indexOf(code === DOUBLE_QUOTE ? '"' : "'", k + 1);
        if (close < 0) break;
        k = close;
      } else if (code === EQUALS) {
        attributes += 1;
        if (attributes > maxAttributes) return 'attributes';
      }
    }
  }
  return undefined;
}
