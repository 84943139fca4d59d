/**
 * A borderless, left-aligned table (cli-table3 measures wide and combining characters correctly).
 * Loaded on use: `--json` runs never pay for it.
 */
export async function renderTable(head: string[], rows: string[][], bold: (s: string) => string): Promise<string> {
  const { default: Table } = await import('cli-table3')
  const table = new Table({
    head: head.map(bold),
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  })
  table.push(...rows)
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
}
