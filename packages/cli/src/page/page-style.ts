/** The page's CSS: system fonts, light and dark, no external resource. */
export const PAGE_STYLE = `
:root { --bg: #fafaf9; --fg: #1c1917; --muted: #78716c; --line: #e7e5e4; --card: #fff; --wave: #0d9488; --played: #115e59; --hit: #15803d; --miss: #b45309; }
@media (prefers-color-scheme: dark) { :root { --bg: #1c1917; --fg: #f5f5f4; --muted: #a8a29e; --line: #44403c; --card: #292524; --wave: #2dd4bf; --played: #99f6e4; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
header { position: sticky; top: 0; z-index: 1; background: var(--bg); border-bottom: 1px solid var(--line); padding: 12px 20px; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; }
header h1 { font-size: 18px; margin: 0; }
header .summary { color: var(--muted); }
header input { flex: 1 1 280px; max-width: 480px; padding: 7px 10px; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); }
main { padding: 8px 20px 40px; }
section h2 { font-size: 15px; margin: 20px 0 6px; display: flex; gap: 12px; align-items: baseline; }
section h2 .counts { font-weight: normal; color: var(--muted); font-size: 13px; }
.hit { color: var(--hit); } .miss { color: var(--miss); }
.row { display: grid; grid-template-columns: 240px minmax(200px, 1fr) 300px; gap: 6px 16px; align-items: center; padding: 8px 10px; margin: 6px 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; content-visibility: auto; contain-intrinsic-size: auto 64px; }
.row[hidden] { display: none; }
.wave { width: 240px; height: 44px; display: block; }
.nowave { width: 240px; height: 44px; display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: 12px; border: 1px dashed var(--line); border-radius: 4px; }
.prompt { font-weight: 500; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: 12px; margin-top: 2px; }
.meta code { font-size: 11px; }
.player { width: 300px; height: 36px; }
audio { width: 300px; height: 36px; }
.files ul { margin: 0; padding-left: 20px; color: var(--fg); }
.files li { margin: 2px 0; }
.empty { color: var(--muted); padding: 20px 0; }
`
