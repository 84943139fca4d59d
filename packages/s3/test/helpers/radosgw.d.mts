/** Credentials of a radosgw user (test-only values, made up per run). */
export interface TestUser {
  accessKeyId: string
  secretAccessKey: string
}
/** A running single-node Ceph cluster with radosgw on 127.0.0.1. */
export interface Radosgw {
  endpoint: string
  bucket: string
  writer: TestUser
  reader: TestUser
  dir: string
}
export declare const INSTALL_HINT = 'apt-get install -y radosgw ceph-mon ceph-osd ceph-common'
/** The Ceph binaries this suite needs that are not on PATH. */
export declare function missingBinaries(): string[]
/**
 * Starts a monitor, one memstore OSD (after `ceph -s` answers: a fixed sleep lost that race once) and
 * radosgw's beast frontend on a free port, with `auth none` and `rgw_dns_name = 127.0.0.1` (path-style).
 * Daemons write pid files, so `stopRadosgw` ends exactly them.
 */
export declare function startRadosgw(): Promise<Radosgw>
/** Ends the daemons by the PIDs in their pid files, then removes the directory. */
export declare function stopRadosgw(dir: string): Promise<void>
