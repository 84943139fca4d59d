import { textWidth } from './text-width.js'

/**
 * A borderless, left-aligned table, two spaces between columns: one pass to measure, one to pad, so
 * 10,000 rows take as long as 10 times 1,000 (cli-table3 took 18.8 s for 10,000: its span layout is
 * quadratic). Cells must be one line and terminal-safe already.
 */
export function renderTable(head: string[], rows: string[][], bold: (s: string) => string): string {
  const widths = head.map((h) => textWidth(h))
  const measured = rows.map((row) =>
    row.map((cell, column) => {
      const width = textWidth(cell)
      if (width > (widths[column] ?? 0)) widths[column] = width
      return width
    }),
  )
  const line = (cells: string[], cellWidths: number[], style: (s: string) => string = (s) => s) =>
    cells
      .map((cell, column) => {
        const last = column === cells.length - 1
        return style(last ? cell : cell + ' '.repeat((widths[column] ?? 0) - (cellWidths[column] ?? 0)))
      })
      .join('  ')
      .trimEnd()
  const out = [line(head, head.map(textWidth), bold)]
  for (const [i, row] of rows.entries()) out.push(line(row, measured[i] as number[]))
  return out.join('\n')
}
