import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, defuseFormula } from './spreadsheet-cell';

describe('defuseFormula', () => {
  it.each(['=HYPERLINK("http://evil.example/steal","点我领券")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'puts an apostrophe before %j',
    (s) => {
      expect(defuseFormula(s)).toBe(`'${s}`);
    },
  );
  it.each(['张三', 'a=b', ' =1', "'already", ''])('leaves %j as it is', (s) => {
    expect(defuseFormula(s)).toBe(s);
  });
});

describe('csvCell', () => {
  it('defuses text, then quotes what RFC 4180 needs quoted', () => {
    expect(csvCell('=HYPERLINK("http://evil.example/steal","点我领券")')).toBe(
      `"'=HYPERLINK(""http://evil.example/steal"",""点我领券"")"`,
    );
    expect(csvCell('林小姐, 上海')).toBe('"林小姐, 上海"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('\t=1')).toBe("'\t=1");
  });
  it('writes numbers and booleans as they are, negative ones included, and nothing for null', () => {
    expect([csvCell(-5), csvCell(3.5), csvCell(false), csvCell(null), csvCell(undefined)]).toEqual([
      '-5',
      '3.5',
      'false',
      '',
      '',
    ]);
  });
  it('ends a record with CRLF', () => {
    expect(csvLine(['@x', 1, null])).toBe("'@x,1,\r\n");
  });
});
