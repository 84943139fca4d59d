// What real providers and proxies send by mistake, for the local servers of the adapter tests.
import type { ServerResponse } from 'node:http'
import { wavFor } from './audio-bytes.js'

/** A WAV whose header declares 12,000 data bytes, of which the body holds only 2,001 bytes in all. */
export function truncatedWav(): Uint8Array {
  const whole = wavFor('a prompt long enough for twelve thousand bytes of samples at 24 kHz')
  const view = new DataView(whole.buffer, whole.byteOffset, whole.byteLength)
  view.setUint32(4, 36 + 12_000, true)
  view.setUint32(40, 12_000, true)
  return whole.slice(0, 2001)
}

/** nginx's page for a dead upstream, as proxies put in front of TTS endpoints send it. */
export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n'

/** An HTML error page of even length, sent with a success status. */
export function sendHtml200(response: ServerResponse): void {
  const page = `${NGINX_502.replace(/502 Bad Gateway/g, 'Service Temporarily Unavailable')}`
  const body = page.length % 2 === 0 ? page : `${page} `
  response.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) }).end(body)
}

/** Headers and half the body, then the connection is reset. */
export function resetMidBody(response: ServerResponse, bytes: Uint8Array, contentType: string): void {
  response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.byteLength })
  response.write(bytes.subarray(0, bytes.byteLength >> 1), () => response.socket?.destroy())
}

/** Accepts the request and never answers (the connection closes when the client gives up). */
export function hang(): Promise<void> {
  return new Promise(() => {})
}
