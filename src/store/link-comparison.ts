import { APP_VERSION } from "../share/app-version";
import type { LibraryEntry } from "./library/library-entry";
import type { PlaygroundState } from "./store";

export type LinkComparison =
  | { kind: "not-run" }
  | { kind: "running" }
  /** The last run ended without a result: an error, Stop or the time limit. */
  | { kind: "unfinished"; status: "error" | "stopped" | "timeout" }
  | { kind: "same"; hash: string }
  | { kind: "differs"; hash: string; senderHash: string; reasons: string[] }
  | { kind: "no-sender-hash"; hash: string };

/**
 * After a run of a strategy opened from a link: is the result the sender's? When it differs,
 * the likely reasons, most likely first. Null when the open strategy did not come from a link.
 */
export function compareWithSender(
  s: Pick<PlaygroundState, "library" | "openId" | "results" | "lastRunInput" | "run" | "imported">,
): LinkComparison | null {
  const entry: LibraryEntry | undefined = s.library.find((e) => e.id === s.openId);
  const link = entry?.link;
  if (!entry || !link) return null;
  const final = s.results.final;
  const ran = s.lastRunInput;
  const status = s.run.status;
  if (status === "running") return { kind: "running" };
  if (status === "error" || status === "stopped" || status === "timeout") return { kind: "unfinished", status };
  if (status !== "done" || !final || !ran) return { kind: "not-run" };
  const hash = final.run.fillsHash;
  if (link.fillsHash === null) return { kind: "no-sender-hash", hash };
  if (hash === link.fillsHash) return { kind: "same", hash };
  const reasons: string[] = [];
  if (ran.code !== link.code) reasons.push("you changed the code since the link opened");
  if (link.app !== APP_VERSION)
    reasons.push(`a different app version: the sender ran ${link.app}, this is ${APP_VERSION}`);
  const own = s.imported.filter((f) => link.namedOnly.some((n) => n.symbols.some((sym) => f.symbols.includes(sym))));
  if (own.length > 0)
    reasons.push(
      `different data: the link only named ${link.namedOnly.map((n) => n.name).join(", ")}, and your import may not be the sender's file`,
    );
  // Held back until the receiver agreed, refused, or removed since.
  const absent = link.carried.filter((name) => !s.imported.some((f) => f.name === name));
  if (absent.length > 0) reasons.push(`different data: the link's ${absent.join(", ")} is not among your imports`);
  const replaced = s.imported.filter((f) => f.symbols.some((sym) => link.bundled.includes(sym)));
  if (replaced.length > 0)
    reasons.push(
      `different data: your import ${replaced.map((f) => f.name).join(", ")} replaces bundled data the sender used`,
    );
  if (reasons.length === 0) reasons.push("different settings or data than the sender's (the same app version)");
  return { kind: "differs", hash, senderHash: link.fillsHash, reasons };
}
