import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PLAYGROUND_DTS_FILES } from "../../src/playground/playground-dts-files";
import { missingHooks } from "../../src/ui/editor/hook-snippets";

/**
 * Users' strategies are type-checked against the .d.ts files of src/playground/ (the list in
 * playground-dts-files.ts), in the editor and by the CLI. These tests check a few strategies against it in memory, with the options the
 * CLI uses, and look at what the editor would show on hover.
 */
const DTS_DIR = new URL("../../src/playground/", import.meta.url);
/** Each declaration file's text, by the path the programs here give it. */
const DTS = new Map<string, string>(
  PLAYGROUND_DTS_FILES.map((name) => [`/playground/${name}`, readFileSync(new URL(name, DTS_DIR), "utf8")]),
);
const DTS_NAMES = [...DTS.keys()];
const USER_NAME = "/strategy/strategy.ts";

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  // zipline users write `initialize(context)` without a type (docs/strategy-api.md).
  noImplicitAny: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noEmit: true,
};

// The lib files and the declarations are the same for every check: parse them once.
const libCache = new Map<string, ts.SourceFile>(
  [...DTS].map(([name, text]) => [name, ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true)]),
);

/** A host that serves the strategy and the declarations from memory and lib files from disk. */
function hostFor(files: Map<string, string>): ts.CompilerHost {
  return {
    getSourceFile(name, languageVersion) {
      const text = files.get(name);
      if (text !== undefined && !DTS.has(name)) return ts.createSourceFile(name, text, languageVersion, true);
      let lib = libCache.get(name);
      if (!lib) {
        const disk = ts.sys.readFile(name);
        if (disk === undefined) return undefined;
        lib = ts.createSourceFile(name, disk, languageVersion, true);
        libCache.set(name, lib);
      }
      return lib;
    },
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getDirectories: () => [],
    fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
    readFile: (name) => files.get(name) ?? ts.sys.readFile(name),
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
}

interface Problem {
  file: string;
  /** 1-based. */
  line: number;
  code: number;
  message: string;
}

function typeCheck(source: string): Problem[] {
  const files = new Map([[USER_NAME, source], ...DTS]);
  const program = ts.createProgram([USER_NAME, ...DTS_NAMES], OPTIONS, hostFor(files));
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? "(global)",
    line: d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}

/** 1-based line of the first line containing `text`. */
function lineOf(source: string, text: string): number {
  const i = source.split("\n").findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line contains ${text}`);
  return i + 1;
}

/** What the editor shows when hovering the first occurrence of each text in the source. */
function hovers(source: string, texts: readonly string[]): string[] {
  const files = new Map([[USER_NAME, source], ...DTS]);
  const host = hostFor(files);
  const service = ts.createLanguageService({
    getScriptFileNames: () => [USER_NAME, ...DTS_NAMES],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = host.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => "/",
    getCompilationSettings: () => OPTIONS,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: host.fileExists,
    readFile: host.readFile,
  });
  return texts.map((text) => {
    const info = service.getQuickInfoAtPosition(USER_NAME, source.indexOf(text));
    if (!info) return "";
    const tags = (info.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`);
    return [ts.displayPartsToString(info.displayParts), ts.displayPartsToString(info.documentation), ...tags].join(
      "\n",
    );
  });
}

const MEAN_REVERSION = `import { TradingAlgorithm, order, getOpenOrders, cancelOrder,
         MarketOrder, LimitOrder, StopOrder, BracketOrder, ORDER_STATUS } from "playground";

export default class MeanReversion extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("AAPL"); context.lookback = 20; }
  handleData(context, data) {
    const prices = data.history(context.asset, "close", context.lookback, "1d");
    const price = data.current(context.asset, "close");
    if (price < prices.mean() - 2 * prices.std()) order(context.asset, 100, { style: new LimitOrder(price) });
  }
}
`;

const BUY_AND_HOLD = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";

export default class BuyAndHold extends TradingAlgorithm {
  initialize(context: Context): void {
    context.asset = this.symbol("SPY");
    context.ordered = false;
  }

  handleData(context: Context, data: BarData): void {
    if (!context.ordered) {
      const id: string | null = order(context.asset, 100);
      context.ordered = id !== null;
    }
    const position = context.portfolio.positions.get(context.asset);
    this.record({ price: data.current(context.asset, "price"), shares: position?.amount ?? 0 });
  }
}
`;

// Each check builds a TypeScript program: seconds, not milliseconds, on a busy machine.
describe("the playground declarations", { timeout: 60_000 }, () => {
  it("has no type errors of its own", () => {
    expect(typeCheck("export {};\n")).toEqual([]);
  });

  it("accepts a zipline-style MeanReversion written without type annotations", () => {
    expect(typeCheck(MEAN_REVERSION)).toEqual([]);
  });

  it("accepts a buy-and-hold with typed context and data", () => {
    expect(typeCheck(BUY_AND_HOLD)).toEqual([]);
  });

  it("rejects a share amount given as a string, on that line", () => {
    const source = BUY_AND_HOLD.replace("order(context.asset, 100)", 'order(context.asset, "100")');
    const problems = typeCheck(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: USER_NAME, line: lineOf(source, '"100"'), code: 2345 });
    expect(problems[0]!.message).toContain("not assignable to parameter of type 'number'");
  });

  it("rejects a LimitOrder without its limit price", () => {
    const source = MEAN_REVERSION.replace("new LimitOrder(price)", "new LimitOrder()");
    const problems = typeCheck(source);
    expect(problems).toMatchObject([{ file: USER_NAME, line: lineOf(source, "new LimitOrder()"), code: 2554 }]);
  });

  it("types the results analyze gets, so a misspelt metric is a type error on its line", () => {
    const source = `import { TradingAlgorithm, type Context, type Results } from "playground";

export default class Report extends TradingAlgorithm {
  override analyze(context: Context, results: Results): void {
    const s = results.summary;
    this.log.info(\`\${s.sharpe?.toFixed(2)} \${s.maxDrawdown} \${results.trades[0]?.returnPct} \${results.run.fillsHash}\`);
    this.log.info(\`\${s.sharp}\`);
  }
}
`;
    const problems = typeCheck(source);
    expect(problems).toMatchObject([{ file: USER_NAME, line: lineOf(source, "s.sharp}"), code: 2551 }]);
    expect(problems[0]!.message).toContain("Did you mean 'sharpe'?");
  });

  it("rejects pandas' prices[-1] on a Series on its line, naming at(-1): at run time it is undefined and the entry never fires", () => {
    const source = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";

export default class StopLoss extends TradingAlgorithm {
  override handleData(context: Context, data: BarData): void {
    const prices = data.history(context.asset, "close", 20, "1d");
    if (prices[-1] > prices.mean()) order(context.asset, 100);
    if (prices.at(-1) > prices.mean()) order(context.asset, 100);
  }
}
`;
    const problems = typeCheck(source);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatchObject({ file: USER_NAME, line: lineOf(source, "prices[-1]") });
    expect(problems.map((p) => p.message).join("\n")).toContain("BracketsDoNotIndexASeries_WriteAt");
  });

  it("accepts every hook the editor writes from its completion, each an override of TradingAlgorithm's", () => {
    const hooks = missingHooks("");
    const types = [...new Set(hooks.flatMap((h) => h.types))].map((t) => `type ${t}`).join(", ");
    const bodies = hooks.map((h) => h.snippet.replace("${1:SPY}", "SPY").replace("$0", "").replaceAll("\t", "    "));
    const source = `import { TradingAlgorithm, ${types} } from "playground";

export default class AllHooks extends TradingAlgorithm {
${bodies.join("\n")}
}
`;
    expect(hooks.map((h) => h.name)).toEqual(["initialize", "handleData", "beforeTradingStart", "analyze"]);
    expect(typeCheck(source)).toEqual([]);
  });

  it("lets the seed's retry pattern look up what order() returned, null included, without a non-null assertion", () => {
    const source = `import { TradingAlgorithm, order, getOrder, ORDER_STATUS, type Context, type BarData } from "playground";

export default class Retry extends TradingAlgorithm {
  override handleData(context: Context, data: BarData): void {
    const orderId = order(context.asset, 100);
    const orderObj = context.blotter.orders.get(orderId);
    if (orderObj && orderObj.status === ORDER_STATUS.REJECTED) this.log.warn(orderObj.reason ?? "");
    if (context.blotter.orders.has(orderId) && getOrder(orderId)?.status === ORDER_STATUS.FILLED) return;
  }
}
`;
    expect(typeCheck(source)).toEqual([]);
  });

  it("accepts the seed's style=None ported as a null style, also through a helper's default", () => {
    const source = `import { TradingAlgorithm, order, type Asset, type ExecutionStyle } from "playground";

export default class Retry extends TradingAlgorithm {
  placeOrderWithRetry(asset: Asset, amount: number, style: ExecutionStyle | null = null) {
    return order(asset, amount, { style: style });
  }
  handleData(context, data) {
    this.placeOrderWithRetry(context.asset, 100);
    order(context.asset, 100, { style: null });
  }
}
`;
    expect(typeCheck(source)).toEqual([]);
  });

  it("hides the engine's bookkeeping on an order, such as commissionExact", () => {
    const source = `import { TradingAlgorithm, getOrder, type Context } from "playground";

export default class Peek extends TradingAlgorithm {
  handleData(context: Context): void {
    const order = getOrder(context.orderId);
    if (order) this.log.info(order.commissionExact);
  }
}
`;
    const problems = typeCheck(source);
    expect(problems).toMatchObject([{ file: USER_NAME, line: lineOf(source, "commissionExact") }]);
    expect(problems[0]!.message).toContain("Property 'commissionExact' does not exist on type 'Order'");
  });

  it("shows the documentation and an example when hovering a free function or a method", () => {
    const [asFunction, asImport, asMethod] = hovers(BUY_AND_HOLD, [
      "order(context.asset, 100)",
      "order, type Context",
      "record(",
    ]);
    expect(asFunction).toContain("order(asset: Asset, amount: number, opts?: OrderOptions): string | null");
    expect(asFunction).toContain("also when the order is rejected");
    expect(asFunction).toContain("@example");

    expect(asImport).toContain("const order: (asset: Asset, amount: number, opts?: OrderOptions) => string | null");
    expect(asImport).toContain("@example");

    expect(asMethod).toContain("TradingAlgorithm.record");
    expect(asMethod).toContain("@example");
  });

  it("documents every declaration a strategy can reach, each with an example", () => {
    const undocumented: string[] = [];
    const requireExample = (node: ts.Node, name: string) => {
      if (!ts.getJSDocTags(node).some((t) => t.tagName.text === "example")) undocumented.push(name);
    };
    const members = (owner: string, list: ts.NodeArray<ts.TypeElement | ts.ClassElement>) => {
      list.forEach((m, i) => requireExample(m, `${owner}.${m.name?.getText() ?? `[${i}]`}`));
    };
    const visitBody = (prefix: string, statements: ts.NodeArray<ts.Statement>) => {
      for (const s of statements) {
        if (ts.isInterfaceDeclaration(s) || ts.isClassDeclaration(s)) {
          const name = `${prefix}${s.name!.text}`;
          requireExample(s, name);
          members(name, s.members);
        } else if (ts.isTypeAliasDeclaration(s) || ts.isFunctionDeclaration(s)) {
          requireExample(s, `${prefix}${s.name!.text}`);
        } else if (ts.isVariableStatement(s)) {
          const decl = s.declarationList.declarations[0]!;
          const name = `${prefix}${decl.name.getText()}`;
          requireExample(s, name);
          if (decl.type && ts.isTypeLiteralNode(decl.type)) members(name, decl.type.members);
        } else if (ts.isModuleDeclaration(s) && s.body && ts.isModuleBlock(s.body)) {
          requireExample(s, `${prefix}${s.name.text}`);
          visitBody(`${prefix}${s.name.text}.`, s.body.statements);
        }
      }
    };
    for (const file of libCache.values()) {
      if (!DTS.has(file.fileName)) continue;
      const playground = file.statements.find(ts.isModuleDeclaration)!;
      expect(playground.name.text).toBe("playground");
      visitBody("", (playground.body as ts.ModuleBlock).statements);
    }
    expect(undocumented).toEqual([]);
  });

  it('is a set of global scripts, each one `declare module "playground"` naming nothing outside it', () => {
    for (const [name, text] of DTS) {
      const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
      expect(
        file.statements.map((s) => ts.SyntaxKind[s.kind]),
        name,
      ).toEqual(["ModuleDeclaration"]);
      expect((file.statements[0] as ts.ModuleDeclaration).name.text, name).toBe("playground");
      expect(text, name).not.toMatch(/\bimport\s*\(|\/\/\/\s*<reference/);
    }
  });

  it("lists every declaration file of src/playground/ once, each under 400 lines", () => {
    const onDisk = readdirSync(DTS_DIR).filter((f) => f.endsWith(".d.ts"));
    expect([...PLAYGROUND_DTS_FILES].sort()).toEqual(onDisk.sort());
    const long = [...DTS].filter(([, text]) => text.split("\n").length > 400).map(([name]) => name);
    expect(long).toEqual([]);
  });
});
