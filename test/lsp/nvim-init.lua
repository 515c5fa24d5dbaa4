-- A real editor client for caselint's language server: headless Neovim (0.7+, built-in LSP client)
-- opens a report, waits for caselint's diagnostics, edits the buffer, asks for hover and code actions,
-- and writes what it received as JSON for test/lsp/neovim.test.ts to check.
-- Environment: CASELINT_LS_BIN (server entry), CASELINT_REPORT (file to open), CASELINT_OUT (JSON output).
local server = os.getenv('CASELINT_LS_BIN')
local report = os.getenv('CASELINT_REPORT')
local out = os.getenv('CASELINT_OUT')
local node = os.getenv('CASELINT_NODE') or 'node'

vim.cmd('filetype on') -- startup enables it only after the init file
local result = { published = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local function main()
  local client_id = vim.lsp.start_client({
    name = 'caselint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(report, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(result.published, params)
        vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  result.client_started = client_id ~= nil

  vim.cmd('edit ' .. vim.fn.fnameescape(report))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  vim.lsp.buf_attach_client(bufnr, client_id)

  result.first_ok = vim.wait(30000, function() return #result.published > 0 end, 20)
  -- What Neovim itself shows (vim.diagnostic), not only the raw notification.
  result.shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.shown, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source,
      related = lsp.relatedInformation and #lsp.relatedInformation or 0 })
  end

  -- Hover and code actions at the first error.
  local first_error
  for _, d in ipairs(result.published[1] and result.published[1].diagnostics or {}) do
    if d.severity == 1 and not first_error then first_error = d end
  end
  if first_error then
    local position = { line = first_error.range.start.line, character = first_error.range.start.character + 1 }
    local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position,
    }, 10000)
    for _, response in pairs(hover or {}) do
      if response.result then result.hover = response.result.contents.value end
    end
    local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = first_error.range,
      context = { diagnostics = { first_error } },
    }, 10000)
    result.actions = {}
    for _, response in pairs(actions or {}) do
      for _, action in ipairs(response.result or {}) do table.insert(result.actions, action.title) end
    end
  end

  -- An edit in the buffer travels as an incremental didChange; the diagnostics follow it.
  local before = #result.published
  vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, { 'A line added by the editor.', '' })
  result.after_edit_ok = vim.wait(30000, function() return #result.published > before end, 20)
  result.changedtick = vim.api.nvim_buf_get_changedtick(bufnr)

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = pcall(main)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
