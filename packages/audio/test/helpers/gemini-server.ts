// Gemini's `POST /v1beta/models/{model}:generateContent` for audio: base64 L16 in `inlineData`, split
// over several parts like long answers are, and errors in Google's shape.
import { pcmFor } from './audio-bytes.js'
import { sendJson, startTtsServer, type TtsServer } from './tts-server.js'

export const GEMINI_TEST_KEY = 'AIzaSyRussoTestKey0123456789abcdefghi'

export interface GeminiRequestBody {
  contents: Array<{ role?: string; parts: Array<{ text: string }> }>
  generationConfig: Record<string, unknown>
}

/**
 * Prompts starting `fail:NNN` get HTTP NNN; `rate=NNNNN` in a prompt sets the mime type's rate.
 * The audio of a prompt is `audioFor(text, rate)`, sent in parts of at most 4000 bytes.
 */
export async function startGeminiServer(apiKey = GEMINI_TEST_KEY, audioFor = pcmFor): Promise<TtsServer> {
  return startTtsServer((request, response) => {
    if (request.headers['x-goog-api-key'] !== apiKey) {
      return sendJson(response, 400, {
        error: {
          code: 400,
          message: `API key not valid (${request.headers['x-goog-api-key']}). Please pass a valid API key.`,
          status: 'INVALID_ARGUMENT',
        },
      })
    }
    const body = JSON.parse(request.body) as GeminiRequestBody
    const text = body.contents[0]!.parts[0]!.text
    const failure = /^fail:(\d{3})/.exec(text)?.[1]
    if (failure !== undefined) {
      const status = Number(failure)
      return sendJson(response, status, {
        error: { code: status, message: `The model says ${status}`, status: 'SOME_STATUS' },
      })
    }
    const rate = Number(/rate=(\d+)/.exec(text)?.[1] ?? 24000)
    const audio = Buffer.from(audioFor(text, rate))
    const parts = []
    for (let at = 0; at < audio.byteLength; at += 4000) {
      const data = audio.subarray(at, at + 4000).toString('base64')
      parts.push({ inlineData: { mimeType: `audio/L16;codec=pcm;rate=${rate}`, data } })
    }
    sendJson(response, 200, {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 50, totalTokenCount: 55 },
      modelVersion: 'gemini-2.5-flash-preview-tts',
    })
  })
}
