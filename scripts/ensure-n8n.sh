#!/usr/bin/env bash
# Installs the n8n server (2.41.1, the newest installable from our registry) once into
# .n8n-server/ and reuses it afterwards. A plain `npm i n8n` fails here because one optional
# Kafka client downloads native libraries at install time, so install scripts are skipped and the
# only native module n8n needs with SQLite (sqlite3) is rebuilt against the Node 24 headers.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR="$ROOT/.n8n-server"
VERSION=2.41.1
export PATH="$ROOT/node_modules/.bin:$PATH"
# The headers come with the platform package the `node` devDependency installs (npm leaves it out
# of the lock, so a later `npm install` may remove it; it is fetched again below when missing).
PLATFORM_PKG="node-$(node -p 'process.platform + "-" + process.arch')"
NODE_PKG="$ROOT/node_modules/node/node_modules/$PLATFORM_PKG"

if [ -f "$DIR/.installed-$VERSION" ]; then
  echo "n8n $VERSION already installed in $DIR"
  exit 0
fi
mkdir -p "$DIR"
[ -f "$DIR/package.json" ] || echo '{"name":"n8n-server-local","private":true}' > "$DIR/package.json"
echo "Installing n8n $VERSION into $DIR (once; about 4 minutes)..."
( cd "$DIR" && npm install "n8n@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error )
if [ ! -d "$NODE_PKG/include/node" ]; then
  echo "Fetching the Node $(node -v) headers ($PLATFORM_PKG)..."
  ( cd "$ROOT/node_modules/node" && npm install --no-save "$PLATFORM_PKG@$(node -p 'process.versions.node')" --ignore-scripts --no-audit --no-fund --loglevel=error )
fi
echo "Building sqlite3 for Node $(node -v) (about a minute)..."
# node-gyp is called directly: npm 11 no longer passes a nodedir setting through to it.
( cd "$DIR/node_modules/sqlite3" && "$DIR/node_modules/.bin/node-gyp" rebuild --nodedir="$NODE_PKG" -j 2 --loglevel=error > "$DIR/sqlite3-build.log" 2>&1 ) \
  || { echo "sqlite3 build failed; see $DIR/sqlite3-build.log"; exit 1; }
touch "$DIR/.installed-$VERSION"
echo "n8n $VERSION ready"
