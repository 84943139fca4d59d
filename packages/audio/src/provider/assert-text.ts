/** The text checks every synthesizer makes first: a string with something to say. */
export function assertSpeakableText(text: unknown, where: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`${where}: text must be a string, got ${typeof text}.`)
  }
  if (text.trim() === '') {
    throw new TypeError(`${where}: there is nothing to synthesize: the text is empty or only whitespace.`)
  }
}
