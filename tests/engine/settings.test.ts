import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NoCommission, PerDollar, PerShare, PerTrade } from "../../src/engine/matching/commission";
import {
  FixedBasisPointsSlippage,
  FixedSlippage,
  NoSlippage,
  VolumeShareSlippage,
} from "../../src/engine/matching/slippage";
import {
  commissionFromSpec,
  DEFAULT_SETTINGS,
  parseSettings,
  type RunSettings,
  SETTINGS,
  settingsDiff,
  slippageFromSpec,
} from "../../src/engine/settings";
import { COMMISSION } from "../../src/engine/settings/commission-setting";
import { SLIPPAGE } from "../../src/engine/settings/slippage-setting";

describe("the default run settings", () => {
  it("are $100,000, the ohlc fill model, the path same-bar policy, $0.001 a share and 5 bp capped at 10% of volume", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      cash: 100_000,
      fillModel: "ohlc",
      sameBarPolicy: "path",
      commission: { model: "PerShare", cost: 0.001, minTradeCost: 0 },
      slippage: { model: "FixedBasisPointsSlippage", basisPoints: 5, volumeLimit: 0.1 },
    });
  });

  it("are what a run with no commission or slippage given uses", () => {
    expect(commissionFromSpec(undefined).describe()).toEqual(DEFAULT_SETTINGS.commission);
    expect(slippageFromSpec(undefined).describe()).toEqual(DEFAULT_SETTINGS.slippage);
  });

  it("cannot be changed by a consumer", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.commission)).toBe(true);
  });
});

describe("a model built without parameters", () => {
  // The strategy's `new PerTrade()` and the panel's "per trade" must charge the same.
  it.each([
    ["PerShare", new PerShare()],
    ["PerTrade", new PerTrade()],
    ["PerDollar", new PerDollar()],
    ["NoCommission", new NoCommission()],
  ] as const)("%s has the table's defaults", (name, model) => {
    expect(model.describe()).toEqual(COMMISSION.defaults(name));
  });
  it.each([
    ["FixedBasisPointsSlippage", new FixedBasisPointsSlippage()],
    ["VolumeShareSlippage", new VolumeShareSlippage()],
    ["FixedSlippage", new FixedSlippage()],
    ["NoSlippage", new NoSlippage()],
  ] as const)("%s has the table's defaults", (name, model) => {
    expect(model.describe()).toEqual(SLIPPAGE.defaults(name));
  });
  it("a flat fee per trade is $0 and a fixed spread is $0 unless given (zipline's defaults)", () => {
    expect(COMMISSION.defaults("PerTrade")).toEqual({ model: "PerTrade", cost: 0 });
    expect(SLIPPAGE.defaults("FixedSlippage")).toEqual({ model: "FixedSlippage", spread: 0 });
  });
});

describe("a model built with parameters", () => {
  it("takes exactly the ranges the panel and the CLI take", () => {
    expect(() => new PerShare({ cost: -1 })).toThrow("cost must be a number 0 or more, got -1");
    expect(() => new VolumeShareSlippage({ volumeLimit: 1.5 })).toThrow(
      "volumeLimit must be a number above 0 and at most 1, got 1.5",
    );
    expect(() => new FixedBasisPointsSlippage({ volumeLimit: 0 })).toThrow("above 0 and at most 1, got 0");
    expect(new VolumeShareSlippage({ volumeLimit: 1 }).volumeLimit).toBe(1);
  });
});

describe("settingsDiff", () => {
  it("of the defaults is empty", () => {
    expect(settingsDiff(DEFAULT_SETTINGS)).toEqual({});
    expect(settingsDiff({ cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" })).toEqual({});
  });

  it("keeps only the fields and the model parameters that differ", () => {
    expect(
      settingsDiff({
        ...DEFAULT_SETTINGS,
        sameBarPolicy: "stopFirst",
        commission: { model: "PerShare", cost: 0.005, minTradeCost: 0 },
        slippage: { model: "VolumeShareSlippage", volumeLimit: 0.025, priceImpact: 0.2 },
        start: "2019-01-01",
      }),
    ).toEqual({
      sameBarPolicy: "stopFirst",
      commission: { model: "PerShare", cost: 0.005 },
      slippage: { model: "VolumeShareSlippage", priceImpact: 0.2 },
      start: "2019-01-01",
    });
  });

  it("keeps a model other than the default even at that model's defaults", () => {
    expect(settingsDiff({ ...DEFAULT_SETTINGS, commission: { model: "NoCommission" } })).toEqual({
      commission: { model: "NoCommission" },
    });
  });
});

describe("parseSettings", () => {
  it("fills in every default from nothing", () => {
    expect(parseSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it("reports every bad field, each by its name", () => {
    const r = parseSettings({
      cash: -1,
      fillModel: "vwap",
      sameBarPolicy: 3,
      commission: { model: "PerTrade", cost: 1, fee: 2 },
      slippage: { model: "FixedBasisPointsSlippage", volumeLimit: 0 },
      start: "2019-13-01",
      colour: "red",
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        "cash must be a number above 0 and at most 1,000,000,000,000, got -1",
        'fillModel is ohlc or close, got "vwap"',
        "sameBarPolicy is path, stopFirst or targetFirst, got 3",
        'commission: PerTrade has only cost, got "fee"',
        "slippage.volumeLimit must be a number above 0 and at most 1, got 0",
        'start takes a date like 2019-01-31, got "2019-13-01"',
        'unknown setting "colour" (the settings are start, end, cash, fillModel, sameBarPolicy, commission or slippage)',
      ],
    });
  });

  it("refuses what is not an object, a start after the end, and a model that is not an object", () => {
    expect(parseSettings(null)).toEqual({ ok: false, errors: ["settings must be an object, got null"] });
    expect(parseSettings({ start: "2020-02-01", end: "2020-01-01" })).toEqual({
      ok: false,
      errors: ["start 2020-02-01 is after end 2020-01-01"],
    });
    expect(parseSettings({ slippage: "NoSlippage" })).toEqual({
      ok: false,
      errors: ['slippage must be an object like { model: "FixedBasisPointsSlippage" }, got "NoSlippage"'],
    });
  });

  it("does not take a parameter named like an Object property", () => {
    const r = parseSettings(JSON.parse('{"commission": {"model": "PerTrade", "__proto__": 5, "toString": 1}}'));
    expect(r.ok).toBe(false);
  });
});

type Param = { min: number; max?: number; minExclusive?: boolean };
const modelSpecArb = (setting: {
  values: readonly string[];
  models: Record<string, { params: Record<string, Param> }>;
}) =>
  fc.constantFrom(...setting.values).chain((model) => {
    const params = Object.entries(setting.models[model]!.params);
    return fc
      .record(
        Object.fromEntries(
          params.map(([k, p]) => [
            k,
            fc.double({
              min: p.min,
              max: p.max ?? 1e6,
              minExcluded: p.minExclusive ?? false,
              noNaN: true,
              noDefaultInfinity: true,
            }),
          ]),
        ),
        { requiredKeys: [] },
      )
      .map((ps) => ({ model, ...ps }));
  });

const settingsArb: fc.Arbitrary<RunSettings> = fc.record(
  {
    cash: fc.double({ min: 0.01, max: 1e9, noNaN: true }),
    fillModel: fc.constantFrom(...SETTINGS.fillModel.choice.values),
    sameBarPolicy: fc.constantFrom(...SETTINGS.sameBarPolicy.choice.values),
    commission: modelSpecArb(COMMISSION) as fc.Arbitrary<RunSettings["commission"]>,
    slippage: modelSpecArb(SLIPPAGE) as fc.Arbitrary<RunSettings["slippage"]>,
    start: fc.constantFrom("2019-01-01", "2020-02-29"),
  },
  { requiredKeys: ["cash", "fillModel", "sameBarPolicy"] },
);

describe("the settings table's round trip", () => {
  it("the non-default settings, parsed back, give settings that build the same models", () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const back = parseSettings(settingsDiff(s));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const v = back.value;
        expect([v.cash, v.fillModel, v.sameBarPolicy, v.start]).toEqual([
          s.cash,
          s.fillModel,
          s.sameBarPolicy,
          s.start,
        ]);
        expect(commissionFromSpec(v.commission).describe()).toEqual(commissionFromSpec(s.commission).describe());
        expect(slippageFromSpec(v.slippage).describe()).toEqual(slippageFromSpec(s.slippage).describe());
        expect(settingsDiff(v)).toEqual(settingsDiff(s));
      }),
    );
  });
});
