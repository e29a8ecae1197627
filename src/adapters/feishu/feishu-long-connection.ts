import * as lark from '@larksuiteoapi/node-sdk'
import { handleFeishuMessage, type FeishuBot } from './feishu-bot.js'
import type { FeishuMessageEvent } from './read-feishu-event.js'

/**
 * The event dispatcher the long connection hands decoded events to. The handler returns at once
 * (the answer runs in the background), so the SDK acks within Feishu's 3 seconds.
 */
export function feishuDispatcher(bot: FeishuBot): lark.EventDispatcher {
  return new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn }).register({
    'im.message.receive_v1': async (data) => {
      handleFeishuMessage(bot, data as FeishuMessageEvent)
      return {}
    },
  })
}

/** Opens the long connection (WebSocket from this server to Feishu: no public URL, no crypto to configure). */
export function startFeishuLongConnection(bot: FeishuBot): lark.WSClient {
  const domain = bot.config.apiUrl.includes('larksuite') ? lark.Domain.Lark : bot.config.apiUrl.includes('open.feishu.cn') ? lark.Domain.Feishu : bot.config.apiUrl
  const ws = new lark.WSClient({ appId: bot.config.appId!, appSecret: bot.config.appSecret!, domain, loggerLevel: lark.LoggerLevel.warn })
  void ws.start({ eventDispatcher: feishuDispatcher(bot) }).catch((e: unknown) => bot.logError('feishu: long connection failed', e))
  bot.log('feishu: long connection starting')
  return ws
}
