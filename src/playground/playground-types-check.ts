/**
 * Compile-time proof that the engine's "playground" module and the declarations users are
 * checked against (the .d.ts files of this folder) agree. Nothing here runs: if they drift apart, the
 * type check fails on the assertion that names what drifted.
 *
 * The first assertion is the one that matters most: every value the declarations promise
 * exists in the engine with a compatible type. Its parameter check is bivariant (the
 * declarations type the functions as TradingAlgorithm methods) because the engine's
 * parameters carry engine-only members users never see (Asset.sid, Order's engine state,
 * the commission/slippage models' charge/slip). The assertions after it make up for that:
 * they compare key sets both ways, naming every engine-only member, and compare every
 * parameter, result and field both ways once engine types are mapped to what users see
 * (PublicView). Exceptions are named where they are made.
 */
import type * as Declared from "playground";
import { playground as Impl } from "../engine/api/playground";
import type { Asset as EAsset } from "../engine/data/asset";
import type { BarData as EBarData, CurrentField as ECurrentField } from "../engine/data/bar-data";
import type { OrderOptions as EOrderOptions } from "../engine/broker";
import type { CommissionModel as ECommissionModel } from "../engine/matching/commission";
import type { Context as EContext } from "../engine/api/context";
import type { SizeLimit as ESizeLimit } from "../engine/account/controls";
import type {
  BracketParams as EBracketParams,
  ExecutionStyle as EExecutionStyle,
  LegStyle as ELegStyle,
  TrailingStopParams as ETrailingStopParams,
} from "../engine/orders/execution-styles";
// Users see views of orders and positions, not the engine's objects.
import type { PositionView as EPosition } from "../engine/account/position-view";
import type { Logger as ELogger } from "../engine/api/logger";
import type { OrderType as EOrderType } from "../engine/orders/order";
import type { OrderView as EOrder } from "../engine/orders/order-view";
import type { OrderStatus as EOrderStatus } from "../engine/orders/order-status";
import type {
  AccountView as EAccount,
  BlotterView as EBlotter,
  PortfolioView as EPortfolio,
} from "../engine/account/portfolio-view";
import type { DateRule as EDateRule, TimeRule as ETimeRule } from "../engine/api/schedule";
import type { Rolling as ERolling, Series as ESeries } from "../engine/data/series";
import type { SlippageModel as ESlippageModel } from "../engine/matching/slippage";
import type { TimeInForce as ETimeInForce } from "../engine/orders/time-in-force";
import type { ResultsJson } from "../engine/results/results-schema";

// The engine's module must satisfy the declarations users are checked against.
export const engineSatisfiesDeclarations: typeof Declared = Impl;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The same type for our purposes: mutually assignable and with the same keys. */
type Same<A, B> = Mutual<A, B> extends true ? (Equal<keyof A, keyof B> extends true ? true : false) : false;
/** Fails to compile unless T is exactly `never`; the error shows what T is instead. */
type None<T extends never> = T;
type Assert<T extends true> = T;
/** Keys without index signatures (Context has `[key: string]: any`). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 };
type Fn = (...args: never[]) => unknown;
type Ctor = abstract new (...args: never[]) => unknown;
/** An instance of a class the engine's module exports. */
type Inst<K extends keyof typeof Impl> = (typeof Impl)[K] extends Ctor ? InstanceType<(typeof Impl)[K]> : never;

/**
 * Engine types that carry engine-only members (or contain such types), each with what users
 * see instead. Parameters and results are compared after this mapping, so what is left to
 * compare is the public shape.
 */
type PublicView = [
  [EAsset, Declared.Asset],
  [readonly EAsset[], readonly Declared.Asset[]],
  [EOrder, Declared.Order],
  [EOrder[], Declared.Order[]],
  [Map<EAsset, EOrder[]>, Map<Declared.Asset, Declared.Order[]>],
  [ReadonlyMap<string, EOrder>, ReadonlyMap<string, Declared.Order>],
  [ReadonlyMap<EAsset, EPosition>, ReadonlyMap<Declared.Asset, Declared.Position>],
  [ESeries, Declared.Series],
  [Map<EAsset, ESeries>, Map<Declared.Asset, Declared.Series>],
  [ERolling, Declared.Rolling],
  [EContext, Declared.Context],
  [EBarData, Declared.BarData],
  [(context: EContext, data: EBarData) => void, (context: Declared.Context, data: Declared.BarData) => void],
  [EPortfolio, Declared.Portfolio],
  [EAccount, Declared.Account],
  [EBlotter, Declared.Blotter],
  [ELogger, Declared.Logger],
  [ESizeLimit, Declared.SizeLimit],
  [ECommissionModel, Declared.CommissionModel],
  [ESlippageModel, Declared.SlippageModel],
  [EDateRule, Declared.DateRule],
];
type Lookup<T, Table> = Table extends [[infer E, infer D], ...infer Rest]
  ? Same<T, E> extends true
    ? D
    : Lookup<T, Rest>
  : T;
/** An engine type as users see it (each member of a union on its own). */
type Pub<T> = T extends unknown ? Lookup<T, PublicView> : never;

type PubTuple<P extends readonly unknown[]> = { [I in keyof P]: Pub<P[I]> };
type PubCtorParams<C> = C extends abstract new (...args: infer P) => unknown ? PubTuple<P> : never;
type Arity<P extends readonly unknown[]> = P["length"];
/** The parameters and return type of the first and of the last signature (the same for one signature). */
type FirstSig<F> = F extends { (...a: infer A1): infer R1; (...a: infer A2): unknown } ? [A1, R1] : never;
type LastSig<F> = F extends { (...a: infer A1): unknown; (...a: infer A2): infer R2 } ? [A2, R2] : never;
/**
 * The same parameters (the engine accepts every declared parameter list, and users may pass
 * whatever the engine takes) and the same return type, once engine types are made public.
 */
type SigAgrees<D extends [readonly unknown[], unknown], E extends [readonly unknown[], unknown]> =
  Mutual<D[0], PubTuple<E[0]>> extends true
    ? Equal<Arity<D[0]>, Arity<E[0]>> extends true
      ? Mutual<D[1], Pub<E[1]>>
      : false
    : false;

/**
 * Members that are functions in both and whose signatures disagree. Both signatures of the
 * two-overload functions (getOpenOrders, record, data.current, data.history) are compared.
 */
type SignatureProblems<E, D> = {
  [K in KnownKeys<D> & KnownKeys<E>]: D[K] extends Fn
    ? E[K] extends Fn
      ? SigAgrees<FirstSig<D[K]>, FirstSig<E[K]>> extends true
        ? SigAgrees<LastSig<D[K]>, LastSig<E[K]>> extends true
          ? never
          : K
        : K
      : K
    : never;
}[KnownKeys<D> & KnownKeys<E>];

/** Constructors whose parameters differ (in either direction) or whose arity does. */
type CtorProblems<E, D> = {
  [K in KnownKeys<D> & KnownKeys<E>]: D[K] extends Ctor
    ? E[K] extends Ctor
      ? Mutual<ConstructorParameters<D[K]>, PubCtorParams<E[K]>> extends true
        ? Equal<Arity<ConstructorParameters<D[K]>>, Arity<ConstructorParameters<E[K]>>> extends true
          ? never
          : K
        : K
      : K
    : never;
}[KnownKeys<D> & KnownKeys<E>];

/** Non-function members whose types differ in either direction once engine types are made public. */
type FieldProblems<E, D> = {
  [K in KnownKeys<D> & KnownKeys<E>]: D[K] extends Fn ? never : Mutual<Pub<E[K]>, D[K]> extends true ? never : K;
}[KnownKeys<D> & KnownKeys<E>];

/**
 * Both ways for one type: the declared keys are exactly the engine's public keys minus the
 * engine-only ones listed (which must really exist), and every shared member agrees.
 */
type Mismatch<E, D, EngineOnly extends PropertyKey = never, ReadOnlyOnPurpose extends PropertyKey = never> =
  | { missingFromDeclarations: Exclude<KnownKeys<E>, KnownKeys<D> | EngineOnly> }
  | { notInEngine: Exclude<KnownKeys<D>, KnownKeys<E>> }
  | { engineOnlyButDeclared: Extract<KnownKeys<D>, EngineOnly> }
  | { staleEngineOnlyName: Exclude<EngineOnly, KnownKeys<E>> }
  | { fieldTypes: Exclude<FieldProblems<E, D>, ReadOnlyOnPurpose> }
  | { signatures: SignatureProblems<E, D> };
/** `never` when Mismatch found nothing; otherwise the non-empty findings. */
type Findings<M> = M extends Record<string, infer V> ? ([V] extends [never] ? never : M) : never;
type Agrees<E, D, EngineOnly extends PropertyKey = never, ReadOnlyOnPurpose extends PropertyKey = never> = Findings<
  Mismatch<E, D, EngineOnly, ReadOnlyOnPurpose>
>;

// ---------------------------------------------------------------------------------------
// The module's values
// ---------------------------------------------------------------------------------------

/** Nothing the engine exports is missing from the declarations (nor the other way). */
export type ExportNames = Assert<Equal<keyof typeof Impl, keyof typeof Declared>>;
/** The free functions take what the declarations say, with the same number of parameters. */
export type FreeFunctions = None<SignatureProblems<typeof Impl, typeof Declared>>;
/**
 * The classes' constructors take what the declarations say. TrailingStopOrder is declared
 * stricter on purpose (see TrailingStopParamsAccepted below).
 */
export type Constructors = None<Exclude<CtorProblems<typeof Impl, typeof Declared>, "TrailingStopOrder">>;
export type CommissionConstructors = None<CtorProblems<typeof Impl.commission, typeof Declared.commission>>;
export type SlippageConstructors = None<CtorProblems<typeof Impl.slippage, typeof Declared.slippage>>;
export type CommissionNames = Assert<Equal<keyof typeof Impl.commission, keyof typeof Declared.commission>>;
export type SlippageNames = Assert<Equal<keyof typeof Impl.slippage, keyof typeof Declared.slippage>>;
export type DateRules = None<Agrees<typeof Impl.dateRules, typeof Declared.dateRules>>;
export type TimeRules = None<Agrees<typeof Impl.timeRules, typeof Declared.timeRules>>;
export type OrderStatusValues = Assert<Equal<typeof Impl.ORDER_STATUS, typeof Declared.ORDER_STATUS>>;

// ---------------------------------------------------------------------------------------
// Classes, both ways (instance members)
// ---------------------------------------------------------------------------------------

/**
 * `analyze` is compared apart: the engine hands it `unknown` (it calls whatever the strategy
 * declares) while users are promised `Results`, which the engine's results satisfy (below).
 */
export type TradingAlgorithmMembers = None<
  Agrees<Omit<Inst<"TradingAlgorithm">, "analyze">, Omit<Declared.TradingAlgorithm, "analyze">>
>;
export type AnalyzeTakesResults = Assert<
  [Declared.Results] extends [Parameters<NonNullable<Inst<"TradingAlgorithm">["analyze"]>>[1]] ? true : false
>;
export type SeriesMembers = None<Agrees<Inst<"Series">, Declared.Series>>;
export type RollingMembers = None<Agrees<ERolling, Declared.Rolling>>;
export type StrategyErrorMembers = None<Agrees<Inst<"StrategyError">, Declared.StrategyError>>;
export type MarketOrderMembers = None<Agrees<Inst<"MarketOrder">, Declared.MarketOrder>>;
export type LimitOrderMembers = None<Agrees<Inst<"LimitOrder">, Declared.LimitOrder>>;
export type StopOrderMembers = None<Agrees<Inst<"StopOrder">, Declared.StopOrder>>;
export type StopLimitOrderMembers = None<Agrees<Inst<"StopLimitOrder">, Declared.StopLimitOrder>>;
export type TrailingStopOrderMembers = None<Agrees<Inst<"TrailingStopOrder">, Declared.TrailingStopOrder>>;
export type OCOOrderMembers = None<Agrees<Inst<"OCOOrder">, Declared.OCOOrder>>;
export type BracketOrderMembers = None<Agrees<Inst<"BracketOrder">, Declared.BracketOrder>>;

type C = typeof Impl.commission;
type S = typeof Impl.slippage;
export type PerShareMembers = None<Agrees<InstanceType<C["PerShare"]>, Declared.commission.PerShare, ChargeOnly>>;
export type PerTradeMembers = None<Agrees<InstanceType<C["PerTrade"]>, Declared.commission.PerTrade, ChargeOnly>>;
export type PerDollarMembers = None<Agrees<InstanceType<C["PerDollar"]>, Declared.commission.PerDollar, ChargeOnly>>;
export type NoCommissionMembers = None<
  Agrees<InstanceType<C["NoCommission"]>, Declared.commission.NoCommission, ChargeOnly>
>;
type ChargeOnly = "charge" | "estimate";
type SlipOnly = "slip" | "estimateFactor";
export type FixedBpMembers = None<
  Agrees<InstanceType<S["FixedBasisPointsSlippage"]>, Declared.slippage.FixedBasisPointsSlippage, SlipOnly>
>;
export type VolumeShareMembers = None<
  Agrees<InstanceType<S["VolumeShareSlippage"]>, Declared.slippage.VolumeShareSlippage, SlipOnly>
>;
export type FixedSlippageMembers = None<
  Agrees<InstanceType<S["FixedSlippage"]>, Declared.slippage.FixedSlippage, SlipOnly>
>;
export type NoSlippageMembers = None<Agrees<InstanceType<S["NoSlippage"]>, Declared.slippage.NoSlippage, SlipOnly>>;

// ---------------------------------------------------------------------------------------
// Types a strategy touches, both ways
// ---------------------------------------------------------------------------------------

/**
 * Users get views (orders/order-view.ts, account/position-view.ts): getters over the engine's
 * objects, whose bookkeeping sits out of reach in private fields. Their `toJSON` (what
 * `JSON.stringify` shows) is left out of the declarations. `children` is readonly for users.
 */
export type OrderMembers = None<Agrees<EOrder, Declared.Order, "toJSON">>;
export type AssetMembers = None<Agrees<EAsset, Declared.Asset, "sid">>;
export type PositionMembers = None<Agrees<EPosition, Declared.Position, "toJSON">>;
export type PortfolioMembers = None<Agrees<EPortfolio, Declared.Portfolio>>;
export type AccountMembers = None<Agrees<EAccount, Declared.Account>>;
export type BlotterMembers = None<Agrees<EBlotter, Declared.Blotter>>;
export type ContextMembers = None<Agrees<EContext, Declared.Context>>;
export type ContextTakesUserFields = Assert<Mutual<EContext[string], Declared.Context[string]>>;
export type BarDataMembers = None<Agrees<EBarData, Declared.BarData>>;
export type LoggerMembers = None<Agrees<ELogger, Declared.Logger>>;
export type SizeLimitMembers = None<Agrees<ESizeLimit, Declared.SizeLimit>>;
export type OrderOptionsMembers = None<Agrees<EOrderOptions, Declared.OrderOptions>>;
export type BracketParamsMembers = None<Agrees<EBracketParams, Declared.BracketParams>>;
export type CommissionModelMembers = None<Agrees<ECommissionModel, Declared.CommissionModel, ChargeOnly>>;
export type SlippageModelMembers = None<Agrees<ESlippageModel, Declared.SlippageModel, SlipOnly>>;
export type DateRuleMembers = None<Agrees<EDateRule, Declared.DateRule, "matches">>;
export type TimeRuleMembers = None<Agrees<ETimeRule, Declared.TimeRule>>;

export type OrderStatusType = Assert<Equal<EOrderStatus, Declared.OrderStatus>>;
export type OrderTypeType = Assert<Equal<EOrderType, Declared.OrderType>>;
export type BarFieldType = Assert<Equal<ECurrentField, Declared.BarField>>;
export type TimeInForceType = Assert<Mutual<ETimeInForce, Declared.TimeInForce>>;
export type ExecutionStyleType = Assert<Mutual<EExecutionStyle, Declared.ExecutionStyle>>;
export type LegStyleType = Assert<Mutual<ELegStyle, Declared.LegStyle>>;
/**
 * The declared params are stricter on purpose (exactly one of the two, so a mistake is a
 * red squiggle rather than a run-time error); the engine accepts everything they allow.
 */
export type TrailingStopParamsAccepted = Assert<
  [Declared.TrailingStopParams] extends [ETrailingStopParams] ? true : false
>;

/**
 * What `analyze` gets is the engine's results JSON: every field the declared `Results` names is
 * there with a type it allows (the engine's has more, such as each order's role and each trade's
 * MAE/MFE, left out of the declarations until they are promised).
 */
export type ResultsDeclared = Assert<[ResultsJson] extends [Declared.Results] ? true : false>;
