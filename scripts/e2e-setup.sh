#!/usr/bin/env bash
# `npm run e2e:setup`: what the tests in a real VS Code need, installed once per machine.
# - Debian's chromium (driven by playwright-core; Playwright's own browser download is unreachable
#   here), a monospace font with Vietnamese letters, and ripgrep plus the libraries code-server's native modules build against (apt-get, as root);
# - code-server (VS Code 1.103 for the browser, from the npm registry) into .e2e/ (git-ignored).
#   Its postinstall downloads ripgrep from GitHub and cannot run here, so it is installed without
#   scripts and its native modules are rebuilt by hand (see ../shared/notes/vscode-e2e.md).
# Idempotent: a finished install is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
E2E="$ROOT/.e2e"
CODE_SERVER_VERSION=4.103.2
# Node 22 from node_modules/.bin (npm ci installs it), as for every other script.
export PATH="$ROOT/node_modules/.bin:$PATH"

# fonts-noto-mono: the only monospace font in Debian's set with every Vietnamese letter.
packages=(chromium fonts-noto-mono ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -f "$E2E/.installed-$CODE_SERVER_VERSION" ]; then
    echo "code-server $CODE_SERVER_VERSION already installed in .e2e/"
    exit 0
fi
rm -rf "$E2E/code-server"
mkdir -p "$E2E/code-server"
cd "$E2E/code-server"
echo '{ "name": "planspec-e2e", "private": true }' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION" >/dev/null
npm_config_unsafe_perm=true npm rebuild argon2 >/dev/null
VSCODE="$E2E/code-server/node_modules/code-server/lib/vscode"
cd "$VSCODE"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm_config_unsafe_perm=true npm rebuild node-pty @parcel/watcher native-watchdog @vscode/spdlog @vscode/deviceid >/dev/null
ln -sfn node_modules node_modules.asar
cd "$VSCODE/extensions"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
touch "$E2E/.installed-$CODE_SERVER_VERSION"
echo "code-server $CODE_SERVER_VERSION installed in .e2e/"
