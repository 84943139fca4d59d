import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { remoteLs } from './remote-ls.js'
import { openRemote } from './remote-open.js'
import { remotePull } from './remote-pull.js'
import { remotePush } from './remote-push.js'

const ACTIONS = ['ls', 'push', 'pull']

/** `russo remote ls|push|pull`: the shared bucket of @russo/s3 beside the local cache. */
export const remote: CliCommand = {
  name: 'remote',
  define: (command) =>
    command
      .description('the shared remote cache (@russo/s3): ls its entries, push what it lacks, pull into the local cache')
      .argument('<action>', 'ls, push or pull')
      .option('--remote <url>', 'the bucket, s3://bucket/prefix (default: $RUSSO_REMOTE)')
      .option('--dry-run', 'push, pull: list what would be transferred, transfer nothing')
      .option('--report <path>', 'pull: only the keys this run report (JSON) used')
      .addHelpText(
        'after',
        '\nEndpoint, region and credentials come from the AWS SDK (AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID, …);\n' +
          'RUSSO_REMOTE_SIGNING_KEY signs what push uploads and makes pull refuse unsigned objects.',
      ),
  async run(ctx, args, options) {
    const action = args[0]
    if (action === undefined || !ACTIONS.includes(action)) {
      throw new CliError(
        'RUSSO_CLI_USAGE',
        `russo remote ${action ?? ''}: unknown action; use one of ${ACTIONS.join(', ')}.`,
      )
    }
    if (options.report !== undefined && action !== 'pull') {
      throw new CliError('RUSSO_CLI_USAGE', `--report is for russo remote pull, not ${action}.`)
    }
    const store = await openRemote(options.remote)
    const signingKey = process.env.RUSSO_REMOTE_SIGNING_KEY || undefined
    const dryRun = options.dryRun === true
    try {
      if (action === 'ls') await remoteLs(ctx, store)
      else if (action === 'push') await remotePush(ctx, store, dryRun, signingKey)
      else {
        const report = typeof options.report === 'string' ? options.report : undefined
        const out = await remotePull(ctx, store, {
          dryRun,
          ...(report ? { report } : {}),
          ...(signingKey ? { signingKey } : {}),
        })
        if (out.refused.length > 0) return EXIT.corrupt
      }
      return EXIT.ok
    } finally {
      await store.close()
    }
  },
}
