/**
 * A TypeScript type, as the checker resolved it, written as an OpenAPI 3.0 schema: what a
 * handler's value becomes once serialised to JSON. The server's view types are the source of
 * the contract (as in tsoa or nestia): nothing is written twice, so nothing can drift.
 *
 * JSON rules applied: a Date becomes an ISO string; functions and symbols are dropped;
 * `undefined` in a union makes a property optional; `null` makes it nullable. Named interfaces,
 * classes and aliases become components (referenced by `$ref`), so recursion terminates.
 */
import ts from 'typescript';

export type Schema = Record<string, unknown>;

const BINARY_TYPES = new Set(['Buffer', 'StreamableFile', 'Readable', 'Uint8Array', 'ReadStream']);
const ANONYMOUS = new Set(['__type', '__object', 'Object']);

export class TypeSchemas {
  /** Components by name, and the type each name was given to (one name, one type). */
  readonly components = new Map<string, Schema>();
  private readonly named = new Map<ts.Type, string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The schema of a handler's awaited return type. */
  of(type: ts.Type): Schema {
    return this.schema(type, 0);
  }

  isBinary(type: ts.Type): boolean {
    return BINARY_TYPES.has(type.getSymbol()?.getName() ?? '');
  }

  private schema(type: ts.Type, depth: number): Schema {
    if (depth > 40) throw new Error(`type too deep: ${this.checker.typeToString(type)}`);
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [this.checker.typeToString(type) === 'true'] };
    if (f & ts.TypeFlags.String || f & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.BigInt) return { type: 'string' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { nullable: true };
    if (f & ts.TypeFlags.NonPrimitive) return { type: 'object' };
    if (f & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return {};
    if (type.isUnion()) return this.union(type.types, depth);
    if (type.isIntersection()) return this.object(type, depth);
    const symbolName = type.getSymbol()?.getName() ?? '';
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (this.isBinary(type)) return { type: 'string', format: 'binary' };
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: items.length === 1 ? this.schema(items[0], depth + 1) : this.union(items, depth) };
    }
    if (f & ts.TypeFlags.Object) return this.namedOrObject(type, depth);
    return {};
  }

  private union(types: readonly ts.Type[], depth: number): Schema {
    const present = types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = present.filter((t) => !(t.flags & ts.TypeFlags.Null));
    let schema: Schema;
    if (rest.length === 0) schema = {};
    else if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) schema = { type: 'boolean' };
    else if (rest.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      schema = { type: 'string', enum: rest.map((t) => (t as ts.StringLiteralType).value).sort() };
    } else if (rest.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) {
      schema = { type: 'number', enum: rest.map((t) => (t as ts.NumberLiteralType).value).sort((a, b) => a - b) };
    } else {
      // `true | false | X` arrives as three members: keep boolean once. A TypeScript union admits a value
      // that fits several members (the import preview is also a `{imported, closed}`): anyOf, not oneOf.
      const members = dedupe(rest.map((t) => this.schema(t, depth + 1)));
      schema = members.length === 1 ? members[0] : { anyOf: members };
    }
    if (!nullable || Object.keys(schema).length === 0) return schema;
    // OpenAPI 3.0.3: an enum that admits null lists it.
    if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null], nullable: true };
    return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }

  private namedOrObject(type: ts.Type, depth: number): Schema {
    const name = this.componentName(type);
    if (!name) return this.object(type, depth);
    const known = this.named.get(type);
    if (known) return { $ref: `#/components/schemas/${known}` };
    const unique = this.uniqueName(name);
    this.named.set(type, unique);
    this.components.set(unique, {}); // placeholder: a recursive reference finds the name
    this.components.set(unique, this.object(type, depth));
    return { $ref: `#/components/schemas/${unique}` };
  }

  private object(type: ts.Type, depth: number): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const prop of this.checker.getPropertiesOfType(type)) {
      const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = this.checker.getTypeOfSymbol(prop);
      if (isFunction(propType) || prop.getName().startsWith('__@')) continue;
      if (declaration && hasPrivateModifier(declaration)) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || includesUndefined(propType);
      properties[prop.getName()] = this.schema(propType, depth + 1);
      if (!optional) required.push(prop.getName());
    }
    const schema: Schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = type.getStringIndexType();
    if (index) schema.additionalProperties = this.schema(index, depth + 1);
    return schema;
  }

  /** Interfaces, classes and aliases keep their names; `Page<DossierView>` becomes `Page_DossierView`. */
  private componentName(type: ts.Type): string | undefined {
    const alias = type.aliasSymbol;
    if (alias && !isLibrarySymbol(alias)) {
      const args = (type.aliasTypeArguments ?? []).map((a) => this.checker.typeToString(a));
      return sanitize([alias.getName(), ...args].join('_'));
    }
    const symbol = type.getSymbol();
    if (!symbol || ANONYMOUS.has(symbol.getName()) || isLibrarySymbol(symbol)) return undefined;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return undefined;
    const args = (type as ts.TypeReference).target ? this.checker.getTypeArguments(type as ts.TypeReference) : [];
    return sanitize([symbol.getName(), ...args.map((a) => this.checker.typeToString(a))].join('_'));
  }

  private uniqueName(name: string): string {
    if (!this.components.has(name)) return name;
    for (let i = 2; ; i++) if (!this.components.has(`${name}${i}`)) return `${name}${i}`;
  }
}

function isFunction(type: ts.Type): boolean {
  return type.getCallSignatures().length > 0 && type.getProperties().length === 0;
}

function includesUndefined(type: ts.Type): boolean {
  return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined);
}

function hasPrivateModifier(node: ts.Declaration): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
}

/** Types from TypeScript's own lib files (Record, Partial, Pick…) are structural, not names. */
function isLibrarySymbol(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).every((d) => /[\\/]typescript[\\/]lib[\\/]/.test(d.getSourceFile().fileName));
}

function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
}

function dedupe(schemas: Schema[]): Schema[] {
  const seen = new Set<string>();
  return schemas.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
