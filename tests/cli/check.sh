# Shared by the CLI test scripts (sourced): `check NAME COMMAND...` runs the
# command and counts it as passed or failed; `report NAME` prints the
# closing line "NAME: N passed, N failed" and fails when any check did.
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name" >&2
  fi
}
report() {
  echo "$1: $passed passed, $failed failed"
  test "$failed" -eq 0
}
