import type { GenerateContentParams, ResolvedGemini } from './options.js'

const prebuilt = (voiceName: string) => ({ prebuiltVoiceConfig: { voiceName } })

/** The `generateContent` parameters of one synthesis, as Gemini's speech generation guide lays them out. */
export function generateContentParams(
  text: string,
  settings: ResolvedGemini,
  config: Record<string, unknown>,
): GenerateContentParams {
  const { model, voice, languageCode, speakers, instructions } = settings
  const speechConfig: Record<string, unknown> = speakers
    ? {
        multiSpeakerVoiceConfig: {
          speakerVoiceConfigs: speakers.map((s) => ({ speaker: s.speaker, voiceConfig: prebuilt(s.voice) })),
        },
      }
    : { voiceConfig: prebuilt(voice) }
  if (languageCode !== undefined) speechConfig.languageCode = languageCode
  return {
    model,
    contents: [{ role: 'user', parts: [{ text: instructions === undefined ? text : `${instructions}: ${text}` }] }],
    config: { ...config, responseModalities: ['AUDIO'], speechConfig },
  }
}
