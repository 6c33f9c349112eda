/**
 * Every route handler of the API's controllers, read from the source with the type checker:
 * its method, its OpenAPI path (`/api/dossiers/{id}`) and the type its value resolves to.
 */
import ts from 'typescript';

export interface RouteHandler {
  method: string;
  path: string;
  /** `file:Class.method`, for messages. */
  where: string;
  returns: ts.Type;
  /** `@HttpCode(n)`, else Nest's default: 201 for POST, 200 otherwise. */
  status: number;
  /** The media types `@ApiProduces(...)` names: the handler sends a file, not JSON. */
  produces: string[];
}

const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const GLOBAL_PREFIX = 'api';

export function routeHandlers(program: ts.Program, isControllerFile: (fileName: string) => boolean): RouteHandler[] {
  const checker = program.getTypeChecker();
  const handlers: RouteHandler[] = [];
  for (const file of program.getSourceFiles()) {
    if (!isControllerFile(file.fileName)) continue;
    for (const node of file.statements) {
      if (!ts.isClassDeclaration(node) || !node.name) continue;
      const controller = decoratorArgs(node, 'Controller');
      if (!controller) continue;
      const prefix = pathArgument(controller[0]);
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member)) continue;
        const http = (ts.getDecorators(member) ?? []).map(decoratorCall).find((d) => d && HTTP_DECORATORS.has(d.name));
        if (!http) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getReturnTypeOfSignature(signature);
        const httpCode = decoratorArgs(member, 'HttpCode')?.[0];
        const status = httpCode && ts.isNumericLiteral(httpCode) ? Number(httpCode.text) : http.name === 'Post' ? 201 : 200;
        const produces = (decoratorArgs(member, 'ApiProduces') ?? []).filter(ts.isStringLiteralLike).map((a) => a.text);
        handlers.push({
          method: http.name.toLowerCase(),
          path: openApiPath([GLOBAL_PREFIX, prefix, pathArgument(http.args[0])]),
          where: `${file.fileName}:${node.name.text}.${member.name.getText(file)}`,
          returns: checker.getAwaitedType(returned) ?? returned,
          status,
          produces,
        });
      }
    }
  }
  return handlers;
}

function decoratorCall(decorator: ts.Decorator): { name: string; args: readonly ts.Expression[] } | undefined {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  return { name: call.expression.text, args: call.arguments };
}

function decoratorArgs(node: ts.HasDecorators, name: string): readonly ts.Expression[] | undefined {
  return (ts.getDecorators(node) ?? []).map(decoratorCall).find((d) => d?.name === name)?.args;
}

/** `'dossiers'`, `{ path: 'dossiers' }` or nothing. */
function pathArgument(arg: ts.Expression | undefined): string {
  if (!arg) return '';
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    const path = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'path');
    if (path && ts.isStringLiteralLike(path.initializer)) return path.initializer.text;
  }
  throw new Error(`route path is not a string literal: ${arg.getText()}`);
}

function openApiPath(parts: string[]): string {
  const joined = parts.flatMap((p) => p.split('/')).filter(Boolean).map((segment) => segment.replace(/^:(\w+)$/, '{$1}'));
  return `/${joined.join('/')}`;
}
