/** Whether `bytes` holds the ASCII `text` at `offset`. */
export function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > bytes.byteLength) return false
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false
  }
  return true
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** The first bytes as hex, for error messages that must show what was found. */
export function hexPreview(bytes: Uint8Array, offset = 0, count = 8): string {
  const shown = Array.from(bytes.subarray(offset, offset + count), (b) => b.toString(16).padStart(2, '0'))
  return shown.length === 0 ? '(no bytes)' : shown.join(' ')
}
