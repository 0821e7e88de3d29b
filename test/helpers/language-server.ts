import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './cli.js';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: Diagnostic[]; items?: unknown[] };
  result?: unknown;
}

export interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
}

/**
 * yaml-language-server (the one editors' YAML plugins run), driven over stdio as an editor does:
 * Content-Length framed JSON-RPC, with the client answering the server's configuration requests.
 */
export class YamlLanguageServer {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly replies = new Map<number, (message: Message) => void>();
  private readonly diagnosticWaiters: { uri: string; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  private readonly settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };

  constructor() {
    this.server = spawn(process.execPath, [join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio']);
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  async start(folder: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: this.settings } });
  }

  /** Opens a document and resolves with the diagnostics the server publishes for it. */
  open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.diagnosticWaiters.push({ uri, resolve }));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** The hover text at a line and column (0-based), or undefined when there is none. */
  async hover(file: string, line: number, character: number): Promise<string | undefined> {
    const reply = (await this.request('textDocument/hover', { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as { contents?: { value?: string } } | null;
    return reply?.contents?.value;
  }

  stop(): void {
    this.server.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    const reply = new Promise<Message>((resolve) => this.replies.set(id, resolve));
    this.send({ jsonrpc: '2.0', id, method, params });
    return reply.then((message) => message.result);
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = JSON.stringify(message);
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request from the server: its configuration is the settings above; anything else gets null.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => this.settings) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.id !== undefined) {
      this.replies.get(message.id)?.(message);
      this.replies.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const index = this.diagnosticWaiters.findIndex((waiter) => waiter.uri === message.params?.uri);
      if (index >= 0) this.diagnosticWaiters.splice(index, 1)[0]?.resolve(message.params?.diagnostics ?? []);
    }
  }
}
