import { describe, expect, it } from 'vitest'
import { questionFromFeishuEvent } from '../../../src/adapters/feishu/read-feishu-event.js'
import { messageEvent } from './fake-feishu.js'

const flat = (ev: ReturnType<typeof messageEvent>) => ({ ...ev.event, event_id: ev.header.event_id, tenant_key: ev.header.tenant_key })

describe('questionFromFeishuEvent', () => {
  it('takes the text without the bot mention, the tenant + open_id principal and the thread root', () => {
    const q = questionFromFeishuEvent(flat(messageEvent('  上季度流失率？ ', { messageId: 'om_1', rootId: 'om_root' })))
    expect(q).toEqual({ eventId: expect.any(String), tenant: '2ca1d211f64f6438', user: 'ou_84aad35d084aa403a838cf73ee18467', messageId: 'om_1', chatId: 'oc_5ce6d572455d361153b7cb51da133945', group: true, threadRoot: 'om_root', text: '上季度流失率？' })
  })

  it('stays silent for bots, non-text messages and group messages that mention no one', () => {
    const ev = flat(messageEvent('hi'))
    expect(questionFromFeishuEvent({ ...ev, sender: { ...ev.sender, sender_type: 'app' } })).toBeNull()
    expect(questionFromFeishuEvent({ ...ev, message: { ...ev.message, message_type: 'image', content: '{"image_key":"img_x"}' } })).toBeNull()
    expect(questionFromFeishuEvent({ ...ev, message: { ...ev.message, mentions: [] } })).toBeNull()
    // A direct chat needs no mention.
    expect(questionFromFeishuEvent(flat(messageEvent('hi', { chatType: 'p2p' })))?.text).toBe('hi')
  })
})
