import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/report/csv.ts';
import { escapeXml } from '../../src/report/format.ts';

describe('csv encoding (RFC 4180)', () => {
  it('leaves plain fields alone and renders null, undefined and booleans', () => {
    expect(csvLine(['a', 1, 2.5, true, false, null, undefined, ''])).toBe('a,1,2.5,true,false,,,\n');
  });
  it('quotes fields holding a comma, a quote, CR or LF, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded ')).toBe(' padded ');
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 tab\t nl\n ok')).toBe('bell tab\t nl\n ok');
  });
});
