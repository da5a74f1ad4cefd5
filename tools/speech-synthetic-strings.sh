#!/usr/bin/env bash
# Writes whole digit strings ("four two seven") spoken by synthesisers the bundled speech model never
# trains on, as <digits>_<voice>_<n>.wav files that `speech evaluate --data DIR` scores:
#   OUT/pico      SVOX Pico en-US, en-GB (libttspico-utils), 3 tempo/pitch settings
#   OUT/mbrola    MBROLA us1, us2, us3, en1 through espeak-ng (mbrola-us1 ... mbrola-en1), 3 settings
#   OUT/festival  festival's British diphone voices rab and don (festvox-rablpc16k, festvox-don)
# All are in Debian's non-free section. Strings are 3-7 digits, seeded: reruns write the same files.
set -euo pipefail
out=${1:?usage: tools/speech-synthetic-strings.sh OUT_DIR [STRINGS_PER_SETTING]}
per=${2:-17}
for tool in pico2wave espeak-ng text2wave; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0 for the Debian packages)" >&2; exit 1; }
done
words=(zero one two three four five six seven eight nine)
RANDOM=42
mkdir -p "$out/pico" "$out/mbrola" "$out/festival"

n=0
# Sets $digits and $text to a fresh random string; bumps the file counter $n.
next_string() {
  local length=$((3 + RANDOM % 5)) d
  digits="" text=""
  for ((k = 0; k < length; k++)); do d=$((RANDOM % 10)); digits+=$d; text+="${words[$d]} "; done
  n=$((n + 1))
}

# pico2wave takes tempo and pitch as percentages in SSML-like tags.
for voice in en-US en-GB; do
  for setting in "80 90" "100 100" "125 115"; do
    read -r speed pitch <<<"$setting"
    for ((i = 0; i < per * 2; i++)); do
      next_string
      pico2wave -l "$voice" -w "$out/pico/${digits}_pico-$voice-$speed-${pitch}_$n.wav" "<speed level=\"$speed\"><pitch level=\"$pitch\">$text</pitch></speed>"
    done
  done
done
# espeak-ng: words per minute and its 0-99 pitch scale (default 175 and 50).
for voice in mb-us1 mb-us2 mb-us3 mb-en1; do
  for setting in "140 40" "175 50" "220 60"; do
    read -r wpm pitch <<<"$setting"
    for ((i = 0; i < per; i++)); do
      next_string
      espeak-ng -v "$voice" -s "$wpm" -p "$pitch" -w "$out/mbrola/${digits}_$voice-$wpm-${pitch}_$n.wav" "$text"
    done
  done
done
for voice in rab don; do
  for ((i = 0; i < per * 3; i++)); do
    next_string
    echo "$text" | text2wave -eval "(voice_${voice}_diphone)" -o "$out/festival/${digits}_${voice}_$n.wav"
  done
done
echo "$out/pico, $out/mbrola: $((per * 12)) strings each; $out/festival: $((per * 6))"
