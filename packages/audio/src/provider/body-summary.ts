const MAX_CHARS = 200

/**
 * A provider's error body in one line: an HTML page by its `<title>` (or its first line of text),
 * anything else by its first non-empty line, at most 200 characters. A 502 from a proxy is then
 * "502 Bad Gateway", not a page of markup in the error message.
 */
export function summarizeBody(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]
  const text = title ?? (/<[a-z!]/i.test(body) ? body.replace(/<[^>]*>/g, '\n') : body)
  const line = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l !== '')
  if (line === undefined) return 'an empty body'
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line
}
