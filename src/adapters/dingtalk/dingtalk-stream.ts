import { DWClient, EventAck, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream'
import { handleDingTalkMessage, type DingTalkBot } from './dingtalk-bot.js'
import type { DingTalkMessage } from './read-dingtalk-message.js'

/**
 * The robot-topic listener Stream mode calls for each message: hand it to the bot (which answers in
 * the background) and ack at once, so DingTalk does not redeliver it.
 */
export function dingtalkRobotListener(bot: DingTalkBot, ack: (messageId: string, result: unknown) => void): (down: DWClientDownStream) => void {
  return (down) => {
    try {
      handleDingTalkMessage(bot, JSON.parse(down.data) as DingTalkMessage)
    } catch (e) {
      bot.logError('dingtalk: could not read a Stream message', e)
    }
    ack(down.headers.messageId, { status: EventAck.SUCCESS })
  }
}

/** Opens the Stream connection (a WebSocket from this server to DingTalk: no public URL needed). */
export function startDingTalkStream(bot: DingTalkBot): DWClient {
  const client = new DWClient({ clientId: bot.config.clientId!, clientSecret: bot.config.clientSecret! })
  client.registerCallbackListener(TOPIC_ROBOT, dingtalkRobotListener(bot, (id, result) => client.socketCallBackResponse(id, result)))
  void client.connect().catch((e: unknown) => bot.logError('dingtalk: Stream connection failed', e))
  bot.log('dingtalk: Stream connection starting')
  return client
}
