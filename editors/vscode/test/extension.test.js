"use strict";
// Unit tests of extension.js with stand-ins for the `vscode` module and the language client:
// the command it starts, the documents it attaches to, the restart command and the settings.
// Run with `node --test test/` (no npm packages needed). tests/test_vscode_extension.py runs them.

const assert = require("node:assert/strict");
const Module = require("node:module");
const path = require("node:path");
const { test, beforeEach } = require("node:test");

let settings;
let clients;
let commands;
let configListeners;
let errors;

const vscode = {
  workspace: {
    workspaceFolders: [{ uri: { fsPath: path.resolve("/work/postings") } }],
    getConfiguration(section) {
      assert.equal(section, "adlint");
      return { get: (key) => settings[key] };
    },
    onDidChangeConfiguration(listener) {
      configListeners.push(listener);
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel: (name) => ({ name, lines: [], appendLine(line) { this.lines.push(line); }, dispose() {} }),
    showErrorMessage: (message) => errors.push(message),
  },
  commands: {
    registerCommand(id, handler) {
      commands[id] = handler;
      return { dispose() {} };
    },
  },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
    clients.push(this);
  }
  async start() {
    if (this.serverOptions.command.includes("missing")) throw new Error("spawn ENOENT");
    this.started = true;
  }
  async stop() {
    this.stopped = true;
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, ...rest);
};

function fresh() {
  delete require.cache[require.resolve("../extension.js")];
  return require("../extension.js");
}

function context() {
  return { subscriptions: [] };
}

beforeEach(() => {
  settings = { path: "adlint", args: [] };
  clients = [];
  commands = {};
  configListeners = [];
  errors = [];
});

test("starts `adlint server` for Markdown, plain text and HTML files", async () => {
  const ext = fresh();
  const ctx = context();
  await ext.activate(ctx);
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.equal(client.id, "adlint");
  assert.equal(client.serverOptions.command, "adlint");
  assert.deepEqual(client.serverOptions.args, ["server"]);
  assert.equal(client.serverOptions.transport, undefined); // a transport would add --stdio, which adlint refuses
  assert.deepEqual(
    client.clientOptions.documentSelector,
    ["markdown", "plaintext", "html"].map((language) => ({ scheme: "file", language })),
  );
  assert.equal(client.clientOptions.outputChannel.name, "adlint");
  assert.ok(client.started);
  assert.ok(ctx.subscriptions.length >= 3);
  await ext.deactivate();
  assert.ok(client.stopped);
});

test("adlint.path and adlint.args: a launcher, a path relative to the workspace folder", async () => {
  settings = { path: ".venv/bin/python", args: ["-m", "adlint"] };
  const ext = fresh();
  await ext.activate(context());
  const [client] = clients;
  assert.equal(client.serverOptions.command, path.join(path.resolve("/work/postings"), ".venv/bin/python"));
  assert.deepEqual(client.serverOptions.args, ["-m", "adlint", "server"]);
  assert.equal(client.serverOptions.options.cwd, path.resolve("/work/postings"));
  await ext.deactivate();
});

test("the restart command stops the server and starts one with the current settings", async () => {
  const ext = fresh();
  await ext.activate(context());
  assert.equal(typeof commands["adlint.restartServer"], "function");
  settings = { path: "/opt/adlint/bin/adlint", args: [] };
  await commands["adlint.restartServer"]();
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped);
  assert.ok(clients[1].started && !clients[1].stopped);
  assert.equal(clients[1].serverOptions.command, "/opt/adlint/bin/adlint");
  await ext.deactivate();
  assert.ok(clients[1].stopped);
});

test("changing adlint.path restarts the server; other settings do not", async () => {
  const ext = fresh();
  await ext.activate(context());
  const [listener] = configListeners;
  await listener({ affectsConfiguration: (key) => key === "editor.fontSize" });
  await ext.deactivate(); // waits for any queued restart
  assert.equal(clients.length, 1);

  const ext2 = fresh();
  clients = [];
  configListeners = [];
  await ext2.activate(context());
  await configListeners[0]({ affectsConfiguration: (key) => key === "adlint.path" });
  await ext2.deactivate();
  assert.equal(clients.length, 2);
});

test("a server that cannot start is reported, and restart can try again", async () => {
  settings = { path: "/nowhere/missing-adlint", args: [] };
  const ext = fresh();
  await ext.activate(context());
  assert.equal(errors.length, 1);
  assert.match(errors[0], /missing-adlint/);
  settings = { path: "adlint", args: [] };
  await commands["adlint.restartServer"]();
  assert.ok(clients[1].started);
  await ext.deactivate();
});
