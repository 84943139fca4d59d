import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The built entry of @russo/cache, for child processes (they run plain Node, not Vite). Fails when a
 * src file is newer than its build output, so a child never tests stale code.
 */
export function builtEntry(): string {
  const stale: string[] = []
  for (const file of walk(join(root, 'src'))) {
    const built = join(root, 'dist', relative(join(root, 'src'), file).replace(/\.ts$/, '.js'))
    if (mtime(built) < mtime(file)) stale.push(relative(root, file))
  }
  if (stale.length > 0) {
    throw new Error(
      `dist/ of @russo/cache is missing or older than ${stale.join(', ')}: run \`npx -y pnpm@10 --filter @russo/cache build\` (root \`pnpm test\` builds first).`,
    )
  }
  return pathToFileURL(join(root, 'dist', 'index.js')).href
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -1
  }
}
