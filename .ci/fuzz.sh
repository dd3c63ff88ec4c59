#!/usr/bin/env bash
# A bounded fuzz run (about a minute): examples/fuzz.rs mutates company-example and drives
# the load pipeline, every renderer of `isms check` and the report builders. The seed is the
# date, printed, so a failure is reproduced with the same command; a crash or a hang leaves
# its input in fuzz-crashes/ and fails the step. A longer run:
#   cargo run --release --example fuzz -- --seconds 3600 --seed N
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${ISMS_FUZZ_SECONDS:-60}"
seed="${ISMS_FUZZ_SEED:-$(date -u +%Y%m%d)}"
cargo build --release --locked --example fuzz --bin isms
echo "fuzz: seed $seed for ${seconds}s (ISMS_FUZZ_SEED=$seed .ci/fuzz.sh to repeat)"
timeout $((seconds + 120)) target/release/examples/fuzz --seconds "$seconds" --seed "$seed" --isms target/release/isms
