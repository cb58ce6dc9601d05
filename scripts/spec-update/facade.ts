/**
 * What the facade (packages/sdk/src) uses of the generated contract, read from its code with the TypeScript
 * compiler API (see packages/sdk/CONTRACT.md), and whether it still compiles against a (re)generated client.
 *
 * - The operation declarations of src/operations.ts: `export const <operationId> = operation('<method>', '<path>', ...)`.
 * - The component schemas the code names as `components['schemas']['<Name>']`.
 * - The facade functions: the standalone functions the package exports and the methods of the classes it exports
 *   (`ds.people.get`, named by the property of the class that holds them). Each is linked, through every
 *   declaration it references transitively (internal helpers, mappers, type aliases), to the operations and
 *   schemas above.
 */
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';

/** Where the facade and the client it compiles against live. */
export interface FacadeSources {
  /** Repository root, to name files in reports (`packages/sdk/src/person.ts:12`). */
  readonly root: string;
  /** packages/sdk. */
  readonly sdkDir: string;
  /** packages/client: the sdk's `@docspace-people/client` is resolved to its src/index.ts. */
  readonly clientDir: string;
}

/** The facade and client of a repository: its packages/sdk and packages/client. */
export function facadeSources(root: string): FacadeSources {
  return { root, sdkDir: join(root, 'packages', 'sdk'), clientDir: join(root, 'packages', 'client') };
}

/** One operation the facade declares in src/operations.ts. */
export interface FacadeOperation {
  /** The declaration's name, the generated operationId. */
  readonly operationId: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path key of the generated `paths`. */
  readonly path: string;
}

/** One function a user calls. */
export interface FacadeFunction {
  /** As a user writes it: `getPerson`, `ds.people.get`. */
  readonly name: string;
  /** For a method that only forwards to one standalone function: that function's name. */
  readonly forwardsTo?: string;
  /** operationIds of the declarations it sends, directly or through helpers. */
  readonly operations: readonly string[];
  /** Component schemas its code (mappers included) names as `components['schemas'][...]`. */
  readonly schemas: readonly string[];
}

/** What the facade uses, per function. */
export interface FacadeUsage {
  readonly operations: readonly FacadeOperation[];
  readonly functions: readonly FacadeFunction[];
}

/** A compile error of the facade, with the facade functions to fix. */
export interface FacadeError {
  /** `packages/sdk/src/person.ts:130:5`. */
  readonly at: string;
  /** The compiler's message (first line). */
  readonly message: string;
  /** The declaration the error is in (`toPerson`, `People.get`, `getProfileByUserId`). */
  readonly in: string;
  /** The facade functions that use that declaration (or are it). */
  readonly functions: readonly string[];
}

/** Result of {@link checkFacade}. */
export interface FacadeCheck {
  readonly usage: FacadeUsage;
  readonly errors: readonly FacadeError[];
}

// ---- The compiler setup, shared by every check in a process (parsed files are reused) ----

interface Setup {
  readonly options: ts.CompilerOptions;
  readonly rootNames: readonly string[];
  readonly schemaFile: string;
  readonly srcDir: string;
  /** The reference graph: the sdk's files are parsed once, so their nodes are the same in every program. */
  graph?: { readonly graph: Graph; readonly analysis: Analysis };
  /** Checks already done, per generated schema text. */
  readonly checks: Map<string, FacadeCheck>;
}

const setups = new Map<string, Setup>();
const parsedFiles = new Map<string, ts.SourceFile>();

function setupFor(sources: FacadeSources): Setup {
  const key = `${sources.sdkDir}\0${sources.clientDir}`;
  const cached = setups.get(key);
  if (cached) return cached;
  const configFile = join(sources.sdkDir, 'tsconfig.build.json');
  if (!ts.sys.fileExists(configFile))
    throw new Error(`no facade to check: ${configFile} is missing (spec:update --facade <repository dir>)`);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const { rootDir: _rootDir, outDir: _outDir, ...options } = parsed.options;
  const setup: Setup = {
    options: {
      ...options,
      noEmit: true,
      // Against the client's sources (the freshly generated types), not its possibly stale dist.
      paths: { '@docspace-people/client': [join(sources.clientDir, 'src', 'index.ts')] },
    },
    rootNames: parsed.fileNames,
    schemaFile: join(sources.clientDir, 'src', 'generated', 'schema.gen.ts'),
    srcDir: join(sources.sdkDir, 'src'),
    checks: new Map(),
  };
  setups.set(key, setup);
  return setup;
}

function schemaKeyOf(setup: Setup, schemaText: string | undefined): string {
  return schemaText === undefined
    ? setup.schemaFile
    : `${setup.schemaFile}\0${createHash('sha256').update(schemaText).digest('hex')}`;
}

function createProgram(setup: Setup, schemaText: string | undefined): ts.Program {
  const host = ts.createCompilerHost(setup.options, true);
  const read = host.readFile.bind(host);
  const schemaKey = schemaKeyOf(setup, schemaText);
  host.readFile = (file) => (file === setup.schemaFile && schemaText !== undefined ? schemaText : read(file));
  host.getSourceFile = (file, language) => {
    const key = file === setup.schemaFile ? schemaKey : file;
    let sourceFile = parsedFiles.get(key);
    if (!sourceFile) {
      const text = host.readFile(file);
      if (text === undefined) return undefined;
      sourceFile = ts.createSourceFile(file, text, language, true);
      parsedFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  return ts.createProgram({ rootNames: setup.rootNames, options: setup.options, host });
}

// ---- The reference graph ----

/** A top-level declaration of an sdk file, or a member of a class. */
type Unit = ts.Node;

function isUnitContainer(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isClassDeclaration(node);
}

/** The unit a node belongs to: its top-level statement, or its class member. */
function unitOf(node: ts.Node): Unit | undefined {
  let current: ts.Node | undefined = node;
  while (current?.parent && !isUnitContainer(current.parent)) current = current.parent;
  return current?.parent ? current : undefined;
}

/** The unit containing a position of a file. */
function unitAt(file: ts.SourceFile, position: number): Unit | undefined {
  const inside = (n: ts.Node) => n.getStart(file) <= position && position < n.getEnd();
  const statement = file.statements.find(inside);
  if (statement && ts.isClassDeclaration(statement)) return statement.members.find(inside) ?? statement;
  return statement;
}

function unitName(unit: Unit): string {
  const named = (n: ts.Node): string | undefined => {
    const name = (n as { name?: ts.Node }).name;
    return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
  };
  if (ts.isVariableStatement(unit))
    return unit.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  if (ts.isClassDeclaration(unit.parent))
    return `${unit.parent.name?.text ?? 'class'}.${ts.isConstructorDeclaration(unit) ? 'constructor' : (named(unit) ?? '?')}`;
  return named(unit) ?? ts.SyntaxKind[unit.kind];
}

/** `components['schemas']['Name']` -> `Name`. */
function schemaName(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const inner = node.objectType;
  const literal = (n: ts.TypeNode) =>
    ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) ? n.literal.text : undefined;
  if (!ts.isIndexedAccessTypeNode(inner) || literal(inner.indexType) !== 'schemas') return undefined;
  if (!ts.isTypeReferenceNode(inner.objectType) || inner.objectType.typeName.getText() !== 'components')
    return undefined;
  return literal(node.indexType);
}

/** `export const x = operation('get', '/path', 'object')` -> the declaration. */
function operationDeclaration(statement: ts.Statement): FacadeOperation | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const [declaration] = statement.declarationList.declarations;
  const call = declaration?.initializer;
  if (!declaration || !ts.isIdentifier(declaration.name) || !call || !ts.isCallExpression(call))
    return undefined;
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'operation') return undefined;
  const [method, path] = call.arguments;
  if (!method || !path || !ts.isStringLiteral(method) || !ts.isStringLiteral(path)) return undefined;
  return { operationId: declaration.name.text, method: method.text.toUpperCase(), path: path.text };
}

interface Graph {
  readonly edges: Map<Unit, Set<Unit>>;
  readonly schemas: Map<Unit, Set<string>>;
  readonly operations: Map<Unit, FacadeOperation>;
  readonly entries: readonly Entry[];
}

function buildGraph(program: ts.Program, setup: Setup): Graph {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(`${setup.srcDir}/`));
  const own = new Set(files);
  const edges = new Map<Unit, Set<Unit>>();
  const schemas = new Map<Unit, Set<string>>();
  const operations = new Map<Unit, FacadeOperation>();
  const add = <T>(map: Map<Unit, Set<T>>, unit: Unit, value: T) => {
    const set = map.get(unit) ?? new Set<T>();
    set.add(value);
    map.set(unit, set);
  };
  /** Records what the code under `node` references and the schemas it names, as edges of `unit`. */
  const scan = (unit: Unit, node: ts.Node = unit) => {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          if (!own.has(declaration.getSourceFile())) continue;
          const target = unitOf(declaration);
          if (target && target !== unit) add(edges, unit, target);
        }
      }
      const schema = schemaName(node);
      if (schema) add(schemas, unit, schema);
      ts.forEachChild(node, visit);
    };
    visit(node);
  };
  for (const file of files) {
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      if (basename(file.fileName) === 'operations.ts') {
        const declared = operationDeclaration(statement);
        if (declared) operations.set(statement, declared);
      }
      if (ts.isClassDeclaration(statement)) {
        for (const member of statement.members) {
          add(edges, statement, member);
          scan(member);
        }
        for (const clause of statement.heritageClauses ?? []) scan(statement, clause);
      } else {
        scan(statement);
      }
    }
  }

  // The functions users call: the package's exported functions (and their aliases), and the methods of ds.*.
  const entries: Entry[] = [];
  const index = files.find((f) => basename(f.fileName) === 'index.ts');
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const resolve = (symbol: ts.Symbol | undefined) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const functionName = new Map<Unit, string>();
  const aliases: Array<{ name: string; target: ts.Node }> = [];
  for (const symbol of exported) {
    for (const declaration of resolve(symbol)?.declarations ?? []) {
      if (!own.has(declaration.getSourceFile())) continue;
      const init = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
      if (ts.isFunctionDeclaration(declaration)) {
        functionName.set(declaration, symbol.name);
        entries.push({ name: symbol.name, unit: declaration });
      } else if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
        const unit = unitOf(declaration);
        if (unit) functionName.set(unit, symbol.name);
        if (unit) entries.push({ name: symbol.name, unit });
      } else if (init && ts.isIdentifier(init)) {
        // A renamed function kept under its old name: `export const getPerson = peopleGet`.
        aliases.push({ name: symbol.name, target: init });
      }
    }
  }
  const targetOf = (node: ts.Node): Unit | undefined => {
    const declaration = resolve(checker.getSymbolAtLocation(node))?.declarations?.[0];
    return declaration && own.has(declaration.getSourceFile()) ? unitOf(declaration) : undefined;
  };
  const forwarding = (name: string, node: ts.Node) => {
    const unit = targetOf(node);
    const target = unit && functionName.get(unit);
    if (unit && target) entries.push({ name, unit, forwardsTo: target });
  };
  for (const { name, target } of aliases) forwarding(name, target);
  for (const [prefix, members] of namespaces(files, checker, resolve)) {
    for (const [method, node] of members) {
      if (ts.isMethodDeclaration(node)) entries.push({ name: `${prefix}.${method}`, unit: node });
      else forwarding(`${prefix}.${method}`, node);
    }
  }
  return { edges, schemas, operations, entries };
}

/** A function users call, and the unit its code starts at. */
interface Entry {
  /** `peopleGet`, `getPerson`, `ds.people.get`. */
  readonly name: string;
  readonly unit: Unit;
  /** For an alias or a bound method: the exported function it is. */
  readonly forwardsTo?: string;
}

type Resolve = (symbol: ts.Symbol | undefined) => ts.Symbol | undefined;

/**
 * The `ds.*` namespaces: a property or getter of a class (`DocSpace.people`) whose type is either a class (its
 * methods) or `Bound<typeof TABLE>` for a table of standalone functions (`{ get: peopleGet, ... }`), yielding
 * `ds.people` with its method names and the nodes that implement them (a method, or the function in the table).
 */
function namespaces(
  files: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
  resolve: Resolve,
): Map<string, Array<[string, ts.Node]>> {
  const found = new Map<string, Array<[string, ts.Node]>>();
  const declarationOf = (node: ts.Node) => resolve(checker.getSymbolAtLocation(node))?.declarations?.[0];
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      for (const member of statement.members) {
        const type =
          ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) ? member.type : undefined;
        if (!type || !ts.isTypeReferenceNode(type) || !member.name || !ts.isIdentifier(member.name)) continue;
        const prefix = `ds.${member.name.text}`;
        const declaration = declarationOf(type.typeName);
        const methods: Array<[string, ts.Node]> = [];
        if (declaration && ts.isClassDeclaration(declaration)) {
          for (const m of declaration.members)
            if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) methods.push([m.name.text, m]);
        } else if (declaration && ts.isTypeAliasDeclaration(declaration)) {
          const visit = (node: ts.Node): void => {
            if (ts.isTypeQueryNode(node)) {
              const table = declarationOf(node.exprName);
              const init = table && ts.isVariableDeclaration(table) ? table.initializer : undefined;
              const literal = init && ts.isAsExpression(init) ? init.expression : init;
              for (const p of literal && ts.isObjectLiteralExpression(literal) ? literal.properties : []) {
                if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name))
                  methods.push([p.name.text, p.initializer]);
                if (ts.isShorthandPropertyAssignment(p)) methods.push([p.name.text, p.name]);
              }
            }
            ts.forEachChild(node, visit);
          };
          visit(declaration);
        }
        if (methods.length > 0) found.set(prefix, methods);
      }
    }
  }
  return found;
}

function reachable(graph: Graph, from: Unit): Set<Unit> {
  const seen = new Set<Unit>();
  const stack = [from];
  while (stack.length > 0) {
    const unit = stack.pop() as Unit;
    if (seen.has(unit)) continue;
    seen.add(unit);
    stack.push(...(graph.edges.get(unit) ?? []));
  }
  return seen;
}

interface Analysis {
  readonly usage: FacadeUsage;
  /** For each unit, the facade functions that reach it. */
  readonly users: Map<Unit, string[]>;
}

function analyze(graph: Graph): Analysis {
  const users = new Map<Unit, string[]>();
  const functions: FacadeFunction[] = [];
  const byUnit = new Map<Unit, string>();
  for (const entry of graph.entries) if (!entry.forwardsTo) byUnit.set(entry.unit, entry.name);
  for (const { name, unit, forwardsTo } of graph.entries) {
    const reached = reachable(graph, unit);
    for (const r of reached) users.set(r, [...(users.get(r) ?? []), name]);
    const operations = [...reached].flatMap((r) => {
      const declared = graph.operations.get(r);
      return declared ? [declared.operationId] : [];
    });
    const schemas = [...reached].flatMap((r) => [...(graph.schemas.get(r) ?? [])]);
    if (operations.length === 0 && schemas.length === 0) continue;
    // A class method that only forwards to one exported function (ds.people.get -> getPerson).
    const direct = [...(graph.edges.get(unit) ?? [])].flatMap((t) => {
      const n = byUnit.get(t);
      return n ? [n] : [];
    });
    const target = forwardsTo ?? (name.includes('.') && direct.length === 1 ? direct[0] : undefined);
    functions.push({
      name,
      ...(target ? { forwardsTo: target } : {}),
      operations: [...new Set(operations)].sort(),
      schemas: [...new Set(schemas)].sort(),
    });
  }
  functions.sort((a, b) => a.name.localeCompare(b.name));
  return { usage: { operations: [...graph.operations.values()], functions }, users };
}

/**
 * Compiles the facade against the client's sources, with `schemaText` in place of the generated
 * src/generated/schema.gen.ts when given (spec:update and its tests check a new document without writing it),
 * and says what the facade uses and which of its functions no longer compile.
 */
export function checkFacade(sources: FacadeSources, schemaText?: string): FacadeCheck {
  const setup = setupFor(sources);
  const key = schemaKeyOf(setup, schemaText);
  const done = schemaText === undefined ? undefined : setup.checks.get(key);
  if (done) return done;
  const program = createProgram(setup, schemaText);
  setup.graph ??= (() => {
    const graph = buildGraph(program, setup);
    return { graph, analysis: analyze(graph) };
  })();
  const { analysis } = setup.graph;
  const { usage, users } = analysis;
  const errors: FacadeError[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(`${setup.srcDir}/`)) continue;
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]) {
      const start = diagnostic.start ?? 0;
      const { line, character } = file.getLineAndCharacterOfPosition(start);
      const unit = unitAt(file, start);
      errors.push({
        at: `${relative(sources.root, file.fileName)}:${line + 1}:${character + 1}`,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0] ?? '',
        in: unit ? unitName(unit) : '(file)',
        // The function itself when the error is in one, and every function reaching it (ds.photos.crop too).
        functions: [...new Set(unit ? (users.get(unit) ?? []) : [])].sort(),
      });
    }
  }
  const check = { usage, errors };
  if (schemaText !== undefined) setup.checks.set(key, check);
  return check;
}

/** The facade functions of a check's errors, each once, in order. */
export function functionsToFix(errors: readonly FacadeError[]): string[] {
  return [...new Set(errors.flatMap((e) => e.functions))].sort();
}
