import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseGpx } from '../../../main/files/gpx';
import { isPlainWellFormedXml, xmlSizeProblem } from '../../../main/files/xmlCheck';
import { fixture, utf8 } from './helpers';

const validatorAccepts = (text: string): boolean => XMLValidator.validate(text) === true;

/** Pieces of XML, right and wrong, that documents are built from. */
const PIECES = [
  '<a>',
  '</a>',
  '<b x="1">',
  '<b x=\'1\' y="2">',
  '</b>',
  '<a/>',
  '<b />',
  '<c:d xmlns:c="u">',
  '</c:d>',
  '<a x="1" x="2">',
  '<a x="1"y="2">',
  '<a x=1>',
  '<a x>',
  '<a\n  x = "a>b"\n>',
  '</a >',
  '</ a>',
  '</a x="1">',
  '<?xml version="1.0"?>',
  '<?xml?>',
  '<?pi data?>',
  '<?>',
  '<!-- note -->',
  '<!-->',
  '<!---->',
  '<![CDATA[ x < y ]]>',
  '<!DOCTYPE a>',
  '&amp;',
  '&#12;',
  '&#x1F;',
  '&#;',
  '&;',
  '&abcdefghijklmnopqrstu;',
  '&bad',
  'text',
  ' ',
  '\n',
  '\r\n',
  '"',
  "'",
  '<',
  '>',
  '=',
  '/',
  'é',
  '<é>',
  '</é>',
];

/** Pieces in a row, often inside a root element so that some of them are well-formed. */
const pieceDocument = fc
  .tuple(
    fc.constantFrom('', '<?xml version="1.0"?>\n', ' <!-- c -->'),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }),
    fc.boolean(),
  )
  .map(([prolog, parts, wrap]) => (wrap ? `${prolog}<r>${parts.join('')}</r>` : prolog + parts.join('')));

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:t="urn:t">
 <!-- exported -->
 <trk><name>Lunch &amp; hills</name><trkseg>
  <trkpt lat="51.5" lon='-0.1'><ele>12.5</ele><time>2024-01-01T10:00:00Z</time><extensions><t:hr>140</t:hr></extensions></trkpt>
  <trkpt lat="51.51" lon="-0.1"><ele/><time>2024-01-01T10:06:00Z</time></trkpt>
 </trkseg></trk>
 <desc><![CDATA[a < b]]></desc>
</gpx>
`;

const EDIT_CHARS = ['<', '>', '/', '"', "'", '=', '&', ';', '!', '?', '-', ' ', '\n', 'x', ':', '#', 'é'];

/** The sample with a few characters inserted, removed or replaced. */
const mutatedSample = fc
  .array(
    fc.tuple(
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.nat({ max: SAMPLE.length - 1 }),
      fc.constantFrom(...EDIT_CHARS),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = SAMPLE;
    for (const [kind, at, char] of edits) {
      const i = Math.min(at, text.length);
      if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
      else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
      else text = text.slice(0, i) + char + text.slice(i + 1);
    }
    return text;
  });

describe('the quick XML check', () => {
  it('never vouches for a document that the full validator refuses', () => {
    for (const documents of [pieceDocument, mutatedSample]) {
      fc.assert(
        fc.property(documents, (text) => {
          if (isPlainWellFormedXml(text)) expect(validatorAccepts(text)).toBe(true);
        }),
        { numRuns: 20_000 },
      );
    }
  });

  it('vouches for the plain XML that watch and app exports use', () => {
    expect(isPlainWellFormedXml(SAMPLE)).toBe(true);
    for (const name of ['garmin-tpx-v1.gpx', 'garmin-tpx-v2.gpx', 'strava.gpx', 'garmin.tcx']) {
      const text = new TextDecoder().decode(fixture(name)).replace(/^\uFEFF/, '');
      expect(isPlainWellFormedXml(text), name).toBe(true);
    }
  });

  it('leaves the rest to the validator: broken files are refused, unusual valid ones still import', () => {
    for (const broken of ['<a><b></a>', '<a>', '<a></a><b></b>', '<a x="1" x="2"/>', '<a>&nope</a>', 'x<a/>']) {
      expect(isPlainWellFormedXml(broken), broken).toBe(false);
      expect(validatorAccepts(broken), broken).toBe(false);
    }
    // Valid, but outside the plain form (a non-ASCII element name): the validator lets it through.
    const unusual = SAMPLE.replace('<desc>', '<dësc>').replace('</desc>', '</dësc>');
    expect(isPlainWellFormedXml(unusual)).toBe(false);
    const result = parseGpx(utf8(unusual), 'unusual.gpx');
    expect(result.errors).toEqual([]);
    expect(result.runs[0]!.notes).toBe('Lunch & hills');
  });

  it('finds a repeated attribute in linear time, however many attributes a tag has', () => {
    // The review's case: 80,000 attributes took 21 s when each was compared with all before it.
    const attributes = Array.from({ length: 80_000 }, (_, i) => ` a${i}="1"`).join('');
    const started = performance.now();
    expect(isPlainWellFormedXml(`<gpx><trk${attributes}/></gpx>`)).toBe(true);
    expect(isPlainWellFormedXml(`<gpx><trk${attributes} a79999="2"/></gpx>`)).toBe(false);
    expect(isPlainWellFormedXml(`<gpx><trk${attributes.slice(0, 200)} a3="2"/></gpx>`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts elements and attributes per element, stopping at the first limit passed', () => {
    expect(xmlSizeProblem('<a><b x="1" y=\'2\'/><c/></a>', 3, 2)).toBeUndefined();
    expect(xmlSizeProblem('<a><b/><c/><d/></a>', 3, 2)).toBe('elements');
    expect(xmlSizeProblem('<a x="1" y="2" z="3"/>', 3, 2)).toBe('attributes');
    // '=' inside a quoted value, closing tags, comments and processing instructions are not counted.
    expect(xmlSizeProblem('<?xml version="1.0"?><!-- note --><a x="1=2" y="=="></a>', 1, 2)).toBeUndefined();
  });
});
