#!/usr/bin/env bash
# Adds Debian's contrib and non-free sections to apt's sources (SVOX Pico and the MBROLA voices live
# there), unless a source already has them. Run `apt-get update` afterwards.
set -euo pipefail
# "non-free" as a whole word: bookworm's default sources name only "non-free-firmware".
if grep -Eqs '(^|[[:space:]])non-free([[:space:]]|$)' /etc/apt/sources.list /etc/apt/sources.list.d/*; then exit 0; fi
. /etc/os-release
cat >/etc/apt/sources.list.d/debian-non-free.sources <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${VERSION_CODENAME}
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
echo "added contrib and non-free for ${VERSION_CODENAME} to /etc/apt/sources.list.d/debian-non-free.sources"
