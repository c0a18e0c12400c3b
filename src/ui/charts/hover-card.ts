import type { HoverCard } from "./hover-text";

/** Fills the chart's hover card next to the pointer (kept inside the chart), or hides it. */
export function showHoverCard(
  el: HTMLDivElement | null,
  card: HoverCard | null,
  at: { x: number; y: number } | null,
): void {
  if (!el) return;
  if (!card || !at) {
    el.hidden = true;
    return;
  }
  const title = document.createElement("div");
  title.className = "hover-title";
  title.textContent = card.title;
  const dl = document.createElement("dl");
  for (const [k, v] of card.rows) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dl.append(dt, dd);
  }
  el.replaceChildren(title, dl);
  el.hidden = false;
  const box = el.parentElement!.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const x = at.x + 16 + w > box.width ? Math.max(0, at.x - 16 - w) : at.x + 16;
  const y = at.y + 16 + h > box.height ? Math.max(0, at.y - 16 - h) : at.y + 16;
  el.style.transform = `translate(${x}px, ${y}px)`;
}
