"use strict";
// adlint for VS Code: starts `adlint server`, adlint's own language server, for Markdown, plain-text
// and HTML postings. Everything the user sees (diagnostics, hover, quick fixes, which configuration
// applies) comes from adlint; this file only starts, stops and restarts the server.

const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** The VS Code language ids of the postings adlint is attached to. */
const LANGUAGES = ["markdown", "plaintext", "html"];

let client;
let outputChannel;
/** Starts and stops run one after another, so a quick double restart never leaves two servers. */
let queue = Promise.resolve();

/** The command that starts the server: `<adlint.path> <adlint.args...> server`. */
function serverCommand() {
  const config = vscode.workspace.getConfiguration("adlint");
  const folders = vscode.workspace.workspaceFolders || [];
  const cwd = folders.length ? folders[0].uri.fsPath : undefined;
  let command = String(config.get("path") || "adlint");
  // A relative path with a folder in it (.venv/bin/adlint) is taken from the first workspace folder;
  // a bare name (adlint) is looked up on PATH.
  if (cwd && !path.isAbsolute(command) && /[\\/]/.test(command)) {
    command = path.join(cwd, command);
  }
  const extra = config.get("args");
  const args = [...(Array.isArray(extra) ? extra.map(String) : []), "server"];
  return cwd ? { command, args, options: { cwd } } : { command, args };
}

async function start() {
  const server = serverCommand();
  outputChannel.appendLine(`Starting ${[server.command, ...server.args].join(" ")}`);
  const candidate = new LanguageClient("adlint", "adlint", server, {
    documentSelector: LANGUAGES.map((language) => ({ scheme: "file", language })),
    outputChannel,
  });
  client = candidate;
  try {
    await candidate.start();
  } catch (err) {
    outputChannel.appendLine(`adlint server did not start: ${err && err.message ? err.message : err}`);
    vscode.window.showErrorMessage(
      `adlint: could not start "${server.command}". Install 'adlint[lsp]' or set adlint.path, then run "adlint: Restart Language Server".`,
    );
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (err) {
      // A server that never started or already exited has nothing to stop.
    }
  }
}

function restart() {
  queue = queue.then(stop).then(start);
  return queue;
}

exports.activate = function activate(context) {
  outputChannel = vscode.window.createOutputChannel("adlint");
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand("adlint.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("adlint.path") || event.affectsConfiguration("adlint.args")) {
        restart();
      }
    }),
  );
  queue = queue.then(start);
  return queue;
};

exports.deactivate = function deactivate() {
  queue = queue.then(stop);
  return queue;
};
