#!/usr/bin/env bash
# Lays out the two recorded human voices Debian ships as FSDD-style folders (<digit>_<speaker>_0.wav),
# so `speech train --validation-data` and `speech evaluate --data` read them like FSDD:
#   allison: Asterisk's prompts (asterisk-core-sounds-en-wav; Allison Smith, CC BY-SA 3.0), 8 kHz WAV
#   dawson:  saytime's talking clock (saytime; David C Dawson, 1990), headerless 8 kHz mu-law
# Neither is in FSDD, so both are voices the bundled model never trains on.
set -euo pipefail
out=${1:?usage: tools/speech-voices.sh OUT_DIR}
asterisk=/usr/share/asterisk/sounds/en/digits
saytime=/usr/share/saytime
[ -f "$asterisk/0.wav" ] || { echo "missing $asterisk: apt-get install asterisk-core-sounds-en-wav" >&2; exit 1; }
[ -f "$saytime/0.au" ] || { echo "missing $saytime: apt-get install saytime" >&2; exit 1; }
command -v sox >/dev/null || { echo "missing sox: apt-get install sox" >&2; exit 1; }

mkdir -p "$out/allison" "$out/dawson"
for digit in 0 1 2 3 4 5 6 7 8 9; do
  cp "$asterisk/$digit.wav" "$out/allison/${digit}_allison_0.wav"
  sox -t raw -r 8000 -e mu-law -b 8 -c 1 "$saytime/$digit.au" "$out/dawson/${digit}_dawson_0.wav"
done
echo "$out/allison and $out/dawson: 10 digits each"
