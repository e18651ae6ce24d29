#!/bin/bash
# stateful.sh - random sequences of edits through the CLI against a model
# of the roadmap (stateful.py): after every step the exit status is the
# expected one, no sanitizer speaks, the file loads, is canonical and holds
# what the model holds. STATEFUL_STEPS (set by meson: fewer under the
# sanitizers) and STATEFUL_SEED choose the run; `make test-long`
# (ROADMAP_TEST_LONG=1) runs ten times the steps for seeds 1, 2 and 3. A
# failure prints its seed and step, and keeps its work directory with
# replay.sh (outside lib.sh's, which goes). The reader prints its own TAP,
# plan and diagnostics included.
. "$(dirname "$0")/lib.sh"
if [ -n "${ROADMAP_TEST_LONG:-}" ]; then
  export STATEFUL_STEPS=$((${STATEFUL_STEPS:-160} * 10))
  export STATEFUL_SEED=${STATEFUL_SEED:-1,2,3}
fi
/usr/bin/python3 "$here/stateful.py"
