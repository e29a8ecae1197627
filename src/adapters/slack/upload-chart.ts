import type { WebClient } from '@slack/web-api'

/** One chart image to share into a thread. */
export type ChartUpload = { png: Buffer; filename: string; title: string; altText: string; channel: string; threadTs: string }

/**
 * Shares a PNG into a thread the way Slack requires since files.upload was sunset:
 * files.getUploadURLExternal → POST the bytes to upload_url → files.completeUploadExternal.
 */
export async function uploadChart(client: WebClient, token: string, u: ChartUpload): Promise<string> {
  // Slack's reference names the field alt_txt while @slack/web-api sends alt_text; send both so either reading works.
  const args = { filename: u.filename, length: u.png.length, alt_text: u.altText, alt_txt: u.altText }
  const got = await client.files.getUploadURLExternal(args)
  if (!got.upload_url || !got.file_id) throw new Error('files.getUploadURLExternal returned no upload_url')
  const res = await fetch(got.upload_url, {
    method: 'POST',
    // Raw bytes are accepted as well as multipart; the token is sent as the official SDK does.
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(u.png),
    redirect: 'error',
    signal: AbortSignal.timeout(30_000),
  })
  if (res.status !== 200) throw new Error(`chart upload failed with HTTP ${res.status}`)
  await res.arrayBuffer()
  await client.files.completeUploadExternal({ files: [{ id: got.file_id, title: u.title }], channel_id: u.channel, thread_ts: u.threadTs })
  return got.file_id
}
