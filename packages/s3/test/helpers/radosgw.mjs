// Plain JavaScript (types in radosgw.d.mts): the tests' globalSetup and bench/run.mjs both start it.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

const BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph']
export const INSTALL_HINT = 'apt-get install -y radosgw ceph-mon ceph-osd ceph-common'
/** The Ceph binaries this suite needs that are not on PATH. */
export function missingBinaries() {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/sbin'])
  return BINARIES.filter((name) => !dirs.some((dir) => existsSync(join(dir, name))))
}
/**
 * Starts a monitor, one memstore OSD (after `ceph -s` answers: a fixed sleep lost that race once) and
 * radosgw's beast frontend on a free port, with `auth none` and `rgw_dns_name = 127.0.0.1` (path-style).
 * Daemons write pid files, so `stopRadosgw` ends exactly them.
 */
export async function startRadosgw() {
  const missing = missingBinaries()
  if (missing.length > 0) {
    throw new Error(
      `The @russo/s3 tests run a real Ceph radosgw; ${missing.join(', ')} not found. Install: ${INSTALL_HINT}`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'russo-radosgw-'))
  const [monPort, rgwPort] = [await freePort(), await freePort()]
  for (const sub of ['run', 'log', 'mon', 'osd']) mkdirSync(join(dir, sub))
  const conf = join(dir, 'ceph.conf')
  writeFileSync(conf, cephConf(dir, monPort, rgwPort))
  const ceph = (args, options = {}) => run(args[0], ['-c', conf, ...args.slice(1)], options)
  try {
    await ceph(['ceph-mon', '--mkfs', '-i', 'a', '--mon-data', join(dir, 'mon')])
    await ceph(['ceph-mon', '-i', 'a'])
    await until('the monitor to answer', () => ceph(['ceph', '-s', '--connect-timeout', '5']).then(() => true))
    await ceph(['ceph', 'osd', 'create'])
    await ceph(['ceph-osd', '-i', '0', '--mkfs'])
    await ceph(['ceph-osd', '-i', '0'])
    await until('the OSD to be up', async () => (await ceph(['ceph', 'osd', 'stat'])).includes('1 up'))
    await ceph(['ceph', 'osd', 'crush', 'add', 'osd.0', '1.0', 'host=localhost', 'root=default'])
    await ceph(['radosgw', '-n', 'client.rgw'])
    const endpoint = `http://127.0.0.1:${rgwPort}`
    await until('radosgw to answer', async () => (await fetch(endpoint)).status < 500)
    const writer = await user(ceph, 'writer')
    const reader = await user(ceph, 'reader')
    return { endpoint, bucket: 'russo-fleet', writer, reader, dir }
  } catch (error) {
    stopRadosgw(dir)
    throw new Error(`radosgw did not start (logs in ${dir}/log): ${error.message}`)
  }
}
/** Ends the daemons by the PIDs in their pid files, then removes the directory. */
export async function stopRadosgw(dir) {
  const pids = []
  for (const name of ['client.rgw', 'osd.0', 'mon.a']) {
    const file = join(dir, 'run', `${name}.pid`)
    if (!existsSync(file)) continue
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(pid) && pid > 0) pids.push(pid)
  }
  for (const pid of pids) signal(pid, 'SIGTERM')
  for (let i = 0; i < 50 && pids.some(alive); i++) await delay(100)
  for (const pid of pids.filter(alive)) signal(pid, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}
function cephConf(dir, monPort, rgwPort) {
  return `[global]
fsid = ${crypto.randomUUID()}
mon_host = 127.0.0.1:${monPort}
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
# radosgw asks for "secure" monitor connections by default, which auth none cannot give.
ms_mon_client_mode = crc
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_objectstore = memstore
memstore_device_bytes = 536870912
run_dir = ${dir}/run
log_file = ${dir}/log/$name.log
admin_socket = ${dir}/run/$name.asok
pid_file = ${dir}/run/$name.pid
[mon.a]
mon_data = ${dir}/mon
[osd.0]
osd_data = ${dir}/osd
[client.rgw]
rgw_frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw_dns_name = 127.0.0.1
`
}
async function user(ceph, uid) {
  const id = `${uid.toUpperCase()}${crypto.randomUUID().replaceAll('-', '').slice(0, 14).toUpperCase()}`
  const secret = crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', '').slice(0, 8)
  await ceph([
    'radosgw-admin',
    'user',
    'create',
    `--uid=${uid}`,
    `--display-name=${uid}`,
    `--access-key=${id}`,
    `--secret-key=${secret}`,
  ])
  return { accessKeyId: id, secretAccessKey: secret }
}
function run(file, args, options) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000, ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.slice(2).join(' ')}: ${String(stderr).trim() || error.message}`))
      else resolve(String(stdout))
    })
  })
}
/** Polls `check` (a command that may fail while the daemon starts) for up to 60 s. */
async function until(what, check) {
  const started = Date.now()
  let last
  while (Date.now() - started < 60_000) {
    try {
      if (await check()) return
    } catch (error) {
      last = error
    }
    await delay(200)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`)
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
function signal(pid, name) {
  try {
    process.kill(pid, name)
  } catch {
    // Already gone.
  }
}
