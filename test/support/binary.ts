import type { Test } from 'supertest';

/** Makes supertest collect a binary body (a PDF, a spreadsheet) into `res.body` as a Buffer. */
export function binary(req: Test): Test {
  return req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}
