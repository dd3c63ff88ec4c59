// Starts `isms lsp` for the YAML files of a folder holding isms.yaml. The server finds each
// file's repository itself (walking up to isms.yaml) and answers nothing for other files,
// so it runs beside Red Hat's YAML extension, which keeps the schema's completion and hover.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("isms");
  const command = config.get<string>("path") || "isms";
  const args = ["lsp"];
  const lang = config.get<string>("lang");
  if (lang) {
    args.push("--lang", lang);
  }
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "file", pattern: "**/*.{yaml,yml}" },
    ],
  };
  client = new LanguageClient("isms", "isms", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("isms.restart", async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
