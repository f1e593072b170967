#!/usr/bin/env bash
# The marker contract: boots the default image, writes uart.log, and checks that every expected
# marker appeared (in any order) and that no line says FAIL. On failure it prints what is
# missing and the tail of the log.
#
#   RUN_UNTIL_MARKER=1   stop the boot as soon as the last marker ("SELFTEST: end") appears
#   RUN_TIMEOUT=90s      give up after this long (default 90s)
#   BOOT_IMAGE=<path>    boot another image (default images/default.json)
#   BOOT_SEED=<n>        scheduler seed (default 1)
#   UART_LOG=<path>      where the transcript goes (default uart.log)
set -uo pipefail
cd "$(dirname "$0")/.."

timeout_text="${RUN_TIMEOUT:-90s}"
uart="${UART_LOG:-uart.log}"
args=(--image "${BOOT_IMAGE:-images/default.json}" --seed "${BOOT_SEED:-1}"
  --timeout "$timeout_text" --uart "$uart")
[ "${RUN_UNTIL_MARKER:-0}" = "1" ] && args+=(--until-marker "SELFTEST: end")

# The expected markers, one per line: the same list `npm run sim` checks after every boot.
mapfile -t expected < tests/contract/markers.txt

boot_said=$(node scripts/boot.ts "${args[@]}" 2>&1 > /dev/null)
boot_status=$?

missing=()
for marker in "${expected[@]}"; do
  # <n> stands for a number; everything else must match the whole line exactly.
  pattern="^$(printf '%s' "$marker" | sed -e 's/[][\.*^$/]/\\&/g' -e 's/<n>/[0-9]+/g')\$"
  grep -Eq "$pattern" "$uart" 2>/dev/null || missing+=("$marker")
done
failures=$(grep -n "FAIL" "$uart" 2>/dev/null)

if [ "$boot_status" -ne 0 ] || [ ${#missing[@]} -gt 0 ] || [ -n "$failures" ]; then
  echo "boot-test: FAILED (boot exit status $boot_status: $boot_said)"
  for marker in "${missing[@]}"; do echo "boot-test: missing marker: $marker"; done
  [ -n "$failures" ] && printf 'boot-test: FAIL line: %s\n' "$failures"
  echo "boot-test: last lines of $uart:"
  tail -n 25 "$uart" 2>/dev/null | sed 's/^/  | /'
  exit 1
fi
echo "boot-test: ok: ${#expected[@]} markers present, no FAIL line ($uart)"
