import { Readable } from 'node:stream';
import { ImportTooLargeError, ndjsonLines } from './ndjson-body';

const collect = async (chunks: string[], maxBytes = 1000, maxLine = 10) => {
  const lines = [];
  for await (const line of ndjsonLines(Readable.from(chunks.map((c) => Buffer.from(c))), maxBytes, maxLine)) lines.push(line);
  return lines;
};

describe('ndjsonLines', () => {
  it('splits on line feeds across chunk borders, drops a CR before them, keeps empty lines numbered', async () => {
    expect(await collect(['ab', 'c\r\nde\n', '\nf'])).toEqual([
      { number: 1, text: 'abc' },
      { number: 2, text: 'de' },
      { number: 3, text: '' },
      { number: 4, text: 'f' },
    ]);
  });

  it('reports a line over the limit without its bytes, and goes on with the next', async () => {
    expect(await collect(['12345', '67890', 'x', '\nok\n'])).toEqual([
      { number: 1, text: null },
      { number: 2, text: 'ok' },
    ]);
  });

  it('decodes UTF-8 split between chunks', async () => {
    const bytes = Buffer.from('Hồ\n');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2)];
    const lines = [];
    for await (const line of ndjsonLines(Readable.from(chunks), 100, 100)) lines.push(line);
    expect(lines).toEqual([{ number: 1, text: 'Hồ' }]);
  });

  it('stops with a 413 past the size limit', async () => {
    await expect(collect(['0123456789\n'.repeat(20)], 50, 20)).rejects.toBeInstanceOf(ImportTooLargeError);
  });
});
