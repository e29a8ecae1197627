import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted model turn: call a tool with these arguments, or answer with this text. */
export type FakeTurn = { tool: string; input: unknown } | { text: string }

/** A misbehaving turn: never answer (until the client hangs up), or answer with an HTTP error and this message. */
export type FakeFault = { hang: true } | { status: number; message: string }

/** A request the fake server received, with its parsed JSON body and `performance.now()` when it arrived. */
export type FakeRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: any; receivedAt: number }

/** A running fake OpenAI-compatible server on 127.0.0.1. */
export type FakeOpenAI = {
  /** Origin, e.g. `http://127.0.0.1:41234` (append `/v1` for a provider baseURL). */
  url: string
  /** Every request received, in order. */
  requests: FakeRequest[]
  /** Appends turns to the queue; each request to a model endpoint consumes one. */
  script(...turns: Array<FakeTurn | FakeFault>): void
  /** How many hanging requests the client has hung up on so far. */
  hungUp(): number
  /** Turns not consumed yet. */
  pending(): number
  /** Forgets recorded requests and unconsumed turns (between tests). */
  reset(): void
  close(): Promise<void>
}

const usage = { prompt: 11, completion: 7 }

/**
 * Starts a fake OpenAI server speaking `POST /v1/responses` and `POST /v1/chat/completions`,
 * as JSON or, with `stream: true`, as server-sent events. Answers come from a queue of scripted
 * turns; an empty queue or an unknown path gets a 400 OpenAI error (400 so the SDK does not retry).
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Array<FakeTurn | FakeFault> = []
  const requests: FakeRequest[] = []
  let n = 0
  let hungUp = 0
  const server = createServer((req, res) => {
    const receivedAt = performance.now()
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]
      let body: any = null
      try {
        body = raw ? JSON.parse(raw) : null
      } catch {
        return fail(res, 'request body is not JSON')
      }
      requests.push({ method: req.method ?? '', path, headers: req.headers, body, receivedAt })
      if (req.method !== 'POST' || (path !== '/v1/responses' && path !== '/v1/chat/completions')) return fail(res, `no route for ${req.method} ${path}`, 404)
      const turn = queue.shift()
      if (!turn) return fail(res, `no scripted turn left for request ${requests.length} (${path})`)
      if ('hang' in turn) {
        res.on('close', () => hungUp++)
        return
      }
      if ('status' in turn) return json(res, { error: { message: turn.message, type: 'server_error', param: null, code: null } }, turn.status)
      const id = ++n
      const model = String(body?.model ?? 'fake')
      if (path === '/v1/responses') return body?.stream ? sse(res, responsesEvents(turn, id, model)) : json(res, responsesBody(turn, id, model))
      return body?.stream ? sse(res, chatChunks(turn, id, model, !!body?.stream_options?.include_usage), true) : json(res, chatBody(turn, id, model))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...turns) => void queue.push(...turns),
    hungUp: () => hungUp,
    pending: () => queue.length,
    reset: () => {
      queue.length = 0
      requests.length = 0
      hungUp = 0
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections()
      server.close((e) => (e ? reject(e) : resolve()))
    }),
  }
}

function json(res: ServerResponse, value: unknown, status = 200) {
  const text = JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function fail(res: ServerResponse, message: string, status = 400) {
  json(res, { error: { message: `fake-openai: ${message}`, type: 'invalid_request_error', param: null, code: 'fake_openai' } }, status)
}

// Writes each event as an SSE frame (`event:` line only for the Responses API); chat ends with [DONE].
function sse(res: ServerResponse, events: Array<Record<string, unknown>>, done = false) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  for (const e of events) res.write(`${typeof e.type === 'string' ? `event: ${e.type}\n` : ''}data: ${JSON.stringify(e)}\n\n`)
  if (done) res.write('data: [DONE]\n\n')
  res.end()
}

// Splits text into three deltas (by code point) so streaming is really incremental.
function pieces(text: string): string[] {
  const chars = Array.from(text)
  const size = Math.max(1, Math.ceil(chars.length / 3))
  const out: string[] = []
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''))
  return out.length ? out : ['']
}

const now = () => Math.floor(Date.now() / 1000)

// ---- Responses API --------------------------------------------------------------------------

function responsesItem(turn: FakeTurn, id: number) {
  return 'text' in turn
    ? { type: 'message', id: `msg_${id}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: turn.text, annotations: [], logprobs: [] }] }
    : { type: 'function_call', id: `fc_${id}`, call_id: `call_${id}`, name: turn.tool, arguments: JSON.stringify(turn.input), status: 'completed' }
}

const responsesUsage = { input_tokens: usage.prompt, input_tokens_details: { cached_tokens: 0 }, output_tokens: usage.completion, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: usage.prompt + usage.completion }

function responsesBody(turn: FakeTurn, id: number, model: string) {
  return { id: `resp_${id}`, object: 'response', created_at: now(), model, status: 'completed', error: null, incomplete_details: null, output: [responsesItem(turn, id)], usage: responsesUsage }
}

function responsesEvents(turn: FakeTurn, id: number, model: string): Array<Record<string, unknown>> {
  const head = { id: `resp_${id}`, object: 'response', created_at: now(), model, status: 'in_progress', output: [] }
  const item = responsesItem(turn, id)
  const events: Array<Record<string, unknown>> = [
    { type: 'response.created', response: head },
    { type: 'response.in_progress', response: head },
  ]
  if ('text' in turn) {
    events.push(
      { type: 'response.output_item.added', output_index: 0, item: { type: 'message', id: item.id, status: 'in_progress', role: 'assistant', content: [] } },
      { type: 'response.content_part.added', item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } },
      ...pieces(turn.text).map((delta) => ({ type: 'response.output_text.delta', item_id: item.id, output_index: 0, content_index: 0, delta, logprobs: [] })),
      { type: 'response.output_text.done', item_id: item.id, output_index: 0, content_index: 0, text: turn.text },
      { type: 'response.output_item.done', output_index: 0, item },
    )
  } else {
    const args = JSON.stringify(turn.input)
    events.push(
      { type: 'response.output_item.added', output_index: 0, item: { ...item, arguments: '', status: 'in_progress' } },
      ...pieces(args).map((delta) => ({ type: 'response.function_call_arguments.delta', item_id: item.id, output_index: 0, delta })),
      { type: 'response.function_call_arguments.done', item_id: item.id, output_index: 0, arguments: args },
      { type: 'response.output_item.done', output_index: 0, item },
    )
  }
  events.push({ type: 'response.completed', response: { ...head, status: 'completed', output: [item], usage: responsesUsage, incomplete_details: null } })
  return events.map((e, i) => ({ ...e, sequence_number: i }))
}

// ---- Chat completions -----------------------------------------------------------------------

const chatUsage = { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion }

function chatBody(turn: FakeTurn, id: number, model: string) {
  const message = 'text' in turn
    ? { role: 'assistant', content: turn.text }
    : { role: 'assistant', content: null, tool_calls: [{ id: `call_${id}`, type: 'function', function: { name: turn.tool, arguments: JSON.stringify(turn.input) } }] }
  return { id: `chatcmpl-${id}`, object: 'chat.completion', created: now(), model, choices: [{ index: 0, message, finish_reason: 'text' in turn ? 'stop' : 'tool_calls' }], usage: chatUsage }
}

function chatChunks(turn: FakeTurn, id: number, model: string, includeUsage: boolean): Array<Record<string, unknown>> {
  const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({ id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created: now(), model, choices: [{ index: 0, delta, finish_reason }] })
  const out: Array<Record<string, unknown>> = []
  if ('text' in turn) {
    // like OpenAI: an empty first delta with the role, then the content
    out.push(chunk({ role: 'assistant', content: '' }), ...pieces(turn.text).map((content) => chunk({ content })), chunk({}, 'stop'))
  } else {
    // like OpenAI: the first delta names the call (content null), later ones carry argument text
    const [first, ...rest] = pieces(JSON.stringify(turn.input))
    out.push(
      chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${id}`, type: 'function', function: { name: turn.tool, arguments: first } }] }),
      ...rest.map((args) => chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] })),
      chunk({}, 'tool_calls'),
    )
  }
  // chat chunks carry no `type`, so sse() writes them without an `event:` line
  return includeUsage ? [...out, { id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created: now(), model, choices: [], usage: chatUsage }] : out
}
