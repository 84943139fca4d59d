import { describe, expect, it } from 'vitest'
import {
  assertNoCredentialFields,
  assertSpeakableText,
  ConcurrencyLimit,
  codeForStatus,
  credentialsInHeaders,
  isCredentialName,
  isTtsProviderError,
  raceAbort,
  redactSecrets,
  TtsProviderError,
} from '../src/provider/index.js'

describe('ConcurrencyLimit', () => {
  it('runs at most max tasks at once, the rest in order as slots free up', async () => {
    const limit = new ConcurrencyLimit(2)
    const releases: Array<() => void> = []
    const started: number[] = []
    let peak = 0
    const runs = [0, 1, 2, 3, 4].map((i) =>
      limit.run(async () => {
        started.push(i)
        peak = Math.max(peak, limit.running)
        await new Promise<void>((resolve) => releases.push(resolve))
        return i
      }),
    )
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    while (releases.length > 0) {
      releases.shift()!()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4])
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(peak).toBe(2)
  })

  it("drops a queued task whose signal aborts, rejecting with the signal's reason", async () => {
    const limit = new ConcurrencyLimit(1)
    let release = () => {}
    const first = limit.run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve
        }),
    )
    const controller = new AbortController()
    let ran = false
    const queued = limit.run(async () => {
      ran = true
    }, controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(queued).rejects.toThrow('cancelled')
    release()
    await first
    await limit.run(async () => {})
    expect(ran).toBe(false)
    expect(limit.running).toBe(0)
  })

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(/positive integer or Infinity, got 0/)
    expect(new ConcurrencyLimit(Number.POSITIVE_INFINITY).max).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('credentials', () => {
  it.each([
    'apiKey',
    'api_key',
    'API-KEY',
    'xi-api-key',
    'token',
    'accessToken',
    'SECRET',
    'clientSecret',
    'password',
    'Authorization',
    'credentials',
  ])('takes %s for a credential', (name) => expect(isCredentialName(name)).toBe(true))

  it.each(['voice', 'model', 'maxTokens', 'maxOutputTokens', 'keyboard', 'speakers', 'tokenizer'])(
    'lets %s pass',
    (name) => {
      expect(isCredentialName(name)).toBe(false)
    },
  )

  it('refuses a credential field at any depth, naming its path', () => {
    expect(() => assertNoCredentialFields({ voice: 'Kore', apiKey: 'x' }, 'MySynth')).toThrow(
      /MySynth: cacheKeyExtra field "apiKey" looks like a credential/,
    )
    expect(() =>
      assertNoCredentialFields({ providerOptions: { openai: { headers: [{ Authorization: 'x' }] } } }, 'S'),
    ).toThrow(/field "providerOptions.openai.headers\[0\].Authorization"/)
    expect(() => assertNoCredentialFields({ model: 'm', speakers: [{ name: 'a' }] }, 'S')).not.toThrow()
  })

  it('redacts exactly the credentials it is given, and nothing else a provider echoes', () => {
    const key = 'my.proxy.secret.KEY42'
    expect(redactSecrets(`Incorrect API key provided: ${key}.`, [key])).toBe('Incorrect API key provided: [redacted].')
    // Request ids, long model names and other token-shaped words stay readable.
    const echoed = 'request req_0123456789abcdefghijklmnopqrstuv for gpt-4o-mini-tts-2025-12-15-preview-long-name'
    expect(redactSecrets(echoed, [key])).toBe(echoed)
    process.env.RUSSO_TEST_TTS_API_KEY = 'an-env-value'
    try {
      expect(redactSecrets('an-env-value refused', [key])).toBe('an-env-value refused')
    } finally {
      delete process.env.RUSSO_TEST_TTS_API_KEY
    }
    expect(redactSecrets('abc in a word', ['abc'])).toBe('abc in a word')
  })

  it('finds the credentials among request headers: the token of a Bearer value, a key header whole', () => {
    expect(
      credentialsInHeaders({
        Authorization: 'Bearer sk-abc123',
        'xi-api-key': 'el-key',
        'x-goog-api-key': 'AIza-key',
        'OpenAI-Project': 'proj_1',
        'x-request-source': 'tests',
      }),
    ).toEqual(['sk-abc123', 'el-key', 'AIza-key'])
  })
})

describe('TtsProviderError', () => {
  it('names provider, model, status, the provider message and the attempts, with a hint', () => {
    const error = new TtsProviderError('TTS_RATE_LIMITED', {
      provider: 'openai.speech',
      model: 'gpt-4o-mini-tts',
      status: 429,
      providerMessage: 'Rate limit reached',
      attempts: 3,
    })
    expect(error.message).toBe(
      'openai.speech (model gpt-4o-mini-tts) HTTP 429: Rate limit reached (after 3 attempts). Set the synthesizer ' +
        'options `concurrency` or `requestsPerMinute` to your provider limit (they hold for every worker on the ' +
        'machine), or raise `maxRateLimitWaitMs`.',
    )
    expect(isTtsProviderError(error)).toBe(true)
    expect(isTtsProviderError({ name: 'TtsProviderError', code: 'TTS_NO_AUDIO', message: '' })).toBe(true)
    expect(isTtsProviderError(new Error('x'))).toBe(false)
  })

  it.each([
    [400, 'TTS_BAD_REQUEST'],
    [401, 'TTS_UNAUTHORIZED'],
    [403, 'TTS_FORBIDDEN'],
    [404, 'TTS_NOT_FOUND'],
    [422, 'TTS_BAD_REQUEST'],
    [429, 'TTS_RATE_LIMITED'],
    [503, 'TTS_SERVER_ERROR'],
    [418, 'TTS_HTTP_ERROR'],
  ])('gives HTTP %i the code %s', (status, code) => expect(codeForStatus(status)).toBe(code))
})

describe('raceAbort', () => {
  it("rejects with the signal's reason at once, however long the work takes", async () => {
    const controller = new AbortController()
    const never = new Promise<never>(() => {})
    const raced = raceAbort(never, controller.signal)
    controller.abort(new Error('now'))
    await expect(raced).rejects.toThrow('now')
    await expect(raceAbort(Promise.resolve(1), controller.signal)).rejects.toThrow('now')
    await expect(raceAbort(Promise.resolve(2), new AbortController().signal)).resolves.toBe(2)
  })
})

describe('assertSpeakableText', () => {
  it('refuses what is not a string and what says nothing, naming the caller', () => {
    expect(() => assertSpeakableText(42, 'X.synthesize')).toThrow('X.synthesize: text must be a string, got number.')
    expect(() => assertSpeakableText(' \n', 'X.synthesize')).toThrow(/X.synthesize: there is nothing to synthesize/)
    expect(() => assertSpeakableText('Hi', 'X.synthesize')).not.toThrow()
  })
})
