/** The war room's colours, shared by the scenes. */
export const PALETTE = {
  background: 0x0f1420,
  panel: 0x182033,
  panelEdge: 0x26324d,
  text: '#e8ecf4',
  muted: '#a6b0c3',
  accent: 0xf97316,
  accentText: '#f97316',
  ok: 0x34d399,
  okText: '#34d399',
  warn: 0xfbbf24,
  warnText: '#fbbf24',
  bad: 0xf87171,
  badText: '#f87171',
  line: 0x60a5fa,
  threshold: 0xf87171,
} as const;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const WIDTH = 960;
export const HEIGHT = 600;
