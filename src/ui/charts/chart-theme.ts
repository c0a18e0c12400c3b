import { ColorType, CrosshairMode, type DeepPartial, type ChartOptions } from "lightweight-charts";
import type { Theme } from "../../store/store";

export const CHART_COLORS = {
  dark: { bg: "#131722", text: "#b2b5be", grid: "#1f2430", border: "#2a2e39" },
  light: { bg: "#ffffff", text: "#333333", grid: "#f0f3fa", border: "#d6dcde" },
} as const;

export function chartOptions(theme: Theme): DeepPartial<ChartOptions> {
  const c = CHART_COLORS[theme];
  return {
    layout: {
      background: { type: ColorType.Solid, color: c.bg },
      textColor: c.text,
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      fontSize: 11,
      panes: { separatorColor: c.border, separatorHoverColor: c.border, enableResize: true },
    },
    // The crosshair follows the pointer (not the close), so a level's price can be read off the axis.
    crosshair: { mode: CrosshairMode.Normal },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
    rightPriceScale: { borderColor: c.border, minimumWidth: 72 },
    // Low enough that ten years of daily bars fit in the pane.
    timeScale: { borderColor: c.border, minBarSpacing: 0.05 },
  };
}
