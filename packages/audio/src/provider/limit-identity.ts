import { scryptSync } from 'node:crypto'

const digests = new Map<string, string>()

/**
 * The directory name of an endpoint + credential: a scrypt digest (a slow, salted KDF), so the name
 * on disk says nothing usable about the credential, not even to a dictionary of short keys. Computed
 * once per process and identity (~50 ms).
 */
export function limitIdentity(endpoint: string, credential: string | undefined): string {
  const id = `${endpoint}\0${credential ?? ''}`
  let digest = digests.get(id)
  if (digest === undefined) {
    digest = scryptSync(credential ?? '', `russo-slots\0${endpoint}`, 16, { N: 2 ** 14, r: 8, p: 1 }).toString('hex')
    digests.set(id, digest)
  }
  return digest
}
