// JSON written ahead of time (a check's diagnostics, written by the checking thread), and a message encoder for the
// --stdio connection that writes it into the outgoing message as it is, rather than parsing it to write it again.
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node.js';

export class EncodedJson {
  constructor(readonly json: string) {}

  /** Written by any other encoder (a message trace, say): the value itself. */
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';

/** JSON, as vscode-jsonrpc's own encoder writes it, but for a publishDiagnostics notification whose diagnostics are EncodedJson. */
export const encodedJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options): Promise<Uint8Array> {
    return Promise.resolve(Buffer.from(encode(message), options.charset));
  },
};

function encode(message: Message): string {
  const notification = message as { method?: string; params?: { uri?: unknown; version?: unknown; diagnostics?: unknown } };
  const params = notification.params;
  if (notification.method !== PUBLISH_DIAGNOSTICS || !params || !(params.diagnostics instanceof EncodedJson)) return JSON.stringify(message);
  // The notification's fields written out one by one (there are only these), the diagnostics as they came.
  const version = params.version === undefined ? '' : `"version":${JSON.stringify(params.version)},`;
  return `{"jsonrpc":"2.0","method":"${PUBLISH_DIAGNOSTICS}","params":{"uri":${JSON.stringify(params.uri)},${version}"diagnostics":${params.diagnostics.json}}}`;
}
