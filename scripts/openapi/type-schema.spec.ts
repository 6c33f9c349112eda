import ts from 'typescript';
import { TypeSchemas } from './type-schema';

const SOURCE = `
  type Primitives = { s: string; n: number; b: boolean; d: Date; tags: string[]; kind: 'a' | 'b'; one: 'x'; t: true };
  type Optionality = { a?: string; b: string | undefined; c: number | null; e: 'x' | 'y' | null; u: unknown; o: object | null };
  interface TreeNode { name: string; children: TreeNode[]; parent: TreeNode | null }
  interface Page<T> { items: T[]; total: number }
  type Named = Page<TreeNode>;
  type Pages = { first: Page<TreeNode>; names: Page<string> };
  type Shapes = { rates: Record<string, number | null>; run(): void; either: { kind: 'a'; a: number } | { kind: 'b'; b: string } };
`;

/** One in-memory program for all cases (a program with its lib files takes seconds). */
const program = (() => {
  const fileName = '/virtual/views.ts';
  const options = { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === fileName ? ts.createSourceFile(name, SOURCE, version) : read(name, version));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || exists(name);
  const created = ts.createProgram([fileName], options, host);
  return { checker: created.getTypeChecker(), file: created.getSourceFile(fileName)! };
})();

/** The schema of the type alias `name` (an alias is itself a component: its body), with the components made. */
function schemaOf(name: string) {
  const alias = program.file.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  if (!alias) throw new Error(`no type ${name}`);
  const schemas = new TypeSchemas(program.checker);
  const top = schemas.of(program.checker.getTypeAtLocation(alias.type));
  const components = Object.fromEntries(schemas.components);
  return { schema: top.$ref === `#/components/schemas/${name}` ? components[name] : top, components };
}

describe('TypeSchemas: a TypeScript type as the JSON it serialises to', () => {
  it('writes primitives, literals, Dates and arrays', () => {
    const { schema } = schemaOf('Primitives');
    expect(schema).toEqual({
      type: 'object',
      properties: {
        s: { type: 'string' },
        n: { type: 'number' },
        b: { type: 'boolean' },
        d: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string' } },
        kind: { type: 'string', enum: ['a', 'b'] },
        one: { type: 'string', enum: ['x'] },
        t: { type: 'boolean', enum: [true] },
      },
      required: ['s', 'n', 'b', 'd', 'tags', 'kind', 'one', 't'],
    });
  });

  it('makes undefined optional and null nullable (an enum that admits null lists it)', () => {
    const { schema } = schemaOf('Optionality');
    expect(schema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: 'string' },
        c: { type: 'number', nullable: true },
        e: { type: 'string', enum: ['x', 'y', null], nullable: true },
        u: {},
        o: { type: 'object', nullable: true },
      },
      required: ['c', 'e', 'u', 'o'],
    });
  });

  it('names aliases, interfaces and generic instances as components, and terminates on recursion', () => {
    const { schema, components } = schemaOf('Named');
    expect(components.Named).toBeDefined();
    expect(schema).toEqual({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } }, total: { type: 'number' } }, required: ['items', 'total'] });
    expect(components.TreeNode).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } }, parent: { allOf: [{ $ref: '#/components/schemas/TreeNode' }], nullable: true } },
      required: ['name', 'children', 'parent'],
    });
  });

  it('gives each generic instance its own component', () => {
    const { schema, components } = schemaOf('Pages');
    expect(schema).toEqual({ type: 'object', properties: { first: { $ref: '#/components/schemas/Page_TreeNode' }, names: { $ref: '#/components/schemas/Page_string' } }, required: ['first', 'names'] });
    expect(components.Page_string).toEqual({ type: 'object', properties: { items: { type: 'array', items: { type: 'string' } }, total: { type: 'number' } }, required: ['items', 'total'] });
  });

  it('drops methods, keeps index signatures and unions of shapes', () => {
    const { schema } = schemaOf('Shapes');
    expect(schema).toEqual({
      type: 'object',
      properties: {
        rates: { type: 'object', properties: {}, additionalProperties: { type: 'number', nullable: true } },
        either: {
          anyOf: [
            { type: 'object', properties: { kind: { type: 'string', enum: ['a'] }, a: { type: 'number' } }, required: ['kind', 'a'] },
            { type: 'object', properties: { kind: { type: 'string', enum: ['b'] }, b: { type: 'string' } }, required: ['kind', 'b'] },
          ],
        },
      },
      required: ['rates', 'either'],
    });
  });
});
