import { csvLine, parseCsv } from '@docspace-people/cli';
import { describe, expect, it } from 'vitest';

describe('parseCsv', () => {
  it.each([
    [
      'plain rows',
      'a,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CR line ends',
      'a,b\r1,2\r',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a byte-order mark',
      '\ufeffa,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    ['a quoted comma', '"Hopper, Grace",x\n', [[1, ['Hopper, Grace', 'x']]]],
    ['a doubled quote', '"O""Brien",x\n', [[1, ['O"Brien', 'x']]]],
    [
      'a line break inside quotes',
      '"two\nlines",x\nnext,y\n',
      [
        [1, ['two\nlines', 'x']],
        [3, ['next', 'y']],
      ],
    ],
    [
      'blank lines, which are skipped',
      'a\n\n\nb\n',
      [
        [1, ['a']],
        [4, ['b']],
      ],
    ],
    [
      'a BOM, CRLF and a quoted CRLF together (as Excel saves a cell with a line break)',
      '\ufeffname,notes\r\n"Grace","first\r\nsecond"\r\nAda,x\r\n',
      [
        [1, ['name', 'notes']],
        [2, ['Grace', 'first\r\nsecond']],
        [4, ['Ada', 'x']],
      ],
    ],
    ['empty fields', ',,\n', [[1, ['', '', '']]]],
    ['a trailing comma', 'a,\n', [[1, ['a', '']]]],
  ])('reads %s', (_, text, expected) => {
    expect(parseCsv(text).map((record) => [record.line, record.fields])).toEqual(expected);
  });

  it.each([
    ['a quote never closed', 'a,"open\nb,c\n', 'a quoted field opened on line 1 is never closed'],
    ['text after a closing quote', '"a"b,c\n', 'unexpected text after a closing quote on line 1'],
    ['a bare quote in an unquoted field', 'a"b,c\n', 'a quote inside an unquoted field on line 1'],
  ])('marks a record with %s', (_, text, error) => {
    expect(parseCsv(text)[0]?.error).toBe(error);
  });

  it('csvLine quotes what needs quoting and parseCsv reads it back', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', ' padded '];
    expect(csvLine(values)).toBe('plain,"a,b","say ""hi""","two\r\nlines"," padded "\n');
    expect(parseCsv(csvLine(values))[0]?.fields).toEqual(values);
  });
});
