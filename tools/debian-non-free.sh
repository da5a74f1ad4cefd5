#!/usr/bin/env bash
# Adds Debian's contrib and non-free sections to apt's sources (SVOX Pico and the MBROLA voices live
# there), unless apt already knows a non-free package. Run `apt-get update` afterwards.
set -euo pipefail
if apt-cache show libttspico-utils >/dev/null 2>&1; then exit 0; fi
. /etc/os-release
cat >/etc/apt/sources.list.d/debian-non-free.sources <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${VERSION_CODENAME}
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
echo "added contrib and non-free for ${VERSION_CODENAME} to /etc/apt/sources.list.d/debian-non-free.sources"
