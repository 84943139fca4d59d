/** C0 controls, DEL and C1 controls: a terminal acts on them (OSC 52, cursor moves, titles) instead of showing them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' }

function visible(char: string): string {
  return NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
}

/**
 * `text` safe to print on a terminal: every control character (C0, DEL, C1, a lone ESC) is shown as
 * an escape (`\e`, `\n`, `\x07`, `\x9b`), so a prompt, path or provider message can never move the
 * cursor, set the title or write the clipboard. For text output only: JSON keeps the exact text.
 * `keepNewlines` leaves line breaks of a multi-line message alone.
 */
export function terminalSafe(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, visible)
}
