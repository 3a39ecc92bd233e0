import type { Ctx } from '../context.ts';
import type { AccountRow } from '../store.ts';
import { connect, disconnect, pickFolders } from './client.ts';

/**
 * Files a reply sent from the CRM in the mailbox's sent folder (IMAP APPEND, marked read), so
 * the people who use a mail client beside the CRM see it there too. Gmail files what its SMTP
 * server sends by itself (`X-GM-EXT-1`): there it is left out, or it would be there twice. The
 * next sync of the sent folder recognises the message by its Message-ID. A failure is logged
 * and answered `false`: the reply was sent and stored, which is what counts.
 *
 * @example
 * await fileInSent(ctx, account, raw); // true
 */
export async function fileInSent(ctx: Ctx, account: AccountRow, raw: Buffer): Promise<boolean> {
  let client: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    client = await connect(ctx, account);
    if (client.capabilities.has('X-GM-EXT-1')) return false;
    const { folders } = pickFolders(await client.list(), null);
    const sent = folders.find((f) => f.specialUse === '\\Sent');
    if (!sent) return false;
    await client.append(sent.path, raw, ['\\Seen'], new Date());
    return true;
  } catch (error) {
    ctx.logger.warn({ account: account.id, err: error }, 'the sent reply could not be filed in the sent folder');
    return false;
  } finally {
    if (client) await disconnect(client);
  }
}
