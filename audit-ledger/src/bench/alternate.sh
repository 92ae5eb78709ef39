#!/bin/sh
# Runs the append benchmarks one JMH fork at a time, ledger and bare baseline back to back and
# in alternating order (ledger first in odd rounds, baseline first in even ones), so that each
# ledger figure and its baseline see the same moments of a shared machine. Prints every pair
# and, per configuration, the mean of each and the ratio of the means.
#
# From the repository root, after `mvn -N install`:
#   audit-ledger/src/bench/alternate.sh [ROUNDS] [more JMH options]
# ROUNDS defaults to 4 (about 2 minutes each). Results: audit-ledger/target/bench-alternate/.
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${1:-4}
[ $# -gt 0 ] && shift
mvn -B -q -Pbenchmarks test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath)"
OUT=target/bench-alternate
rm -rf "$OUT"
mkdir -p "$OUT"

run() { # benchmark preallocateBytes round [JMH options]
    bench=$1 pre=$2 round=$3
    shift 3
    java -cp "$CP" org.openjdk.jmh.Main "AppendBenchmark\\.$bench\$" -p preallocateBytes="$pre" -f 1 \
        -rf csv -rff "$OUT/$round-$bench-$pre.csv" "$@" > "$OUT/$round-$bench-$pre.log" 2>&1
    score=$(awk -F, 'NR == 2 { print $5 }' "$OUT/$round-$bench-$pre.csv")
    echo "$round $bench $pre $score" | tee -a "$OUT/scores.txt"
}

for round in $(seq 1 "$ROUNDS"); do
    for pair in 1Producer 8Producers; do
        for pre in 0 1048576; do
            if [ $((round % 2)) -eq 1 ]; then
                run "ledger$pair" "$pre" "$round" "$@"
                run "baseline$pair" "$pre" "$round" "$@"
            else
                run "baseline$pair" "$pre" "$round" "$@"
                run "ledger$pair" "$pre" "$round" "$@"
            fi
        done
    done
done

echo
echo "producers preallocateBytes | ledger mean | baseline mean | ratio of means | ratio per round"
awk '
    { key = $2; sub(/^(ledger|baseline)/, "", key); key = key " " $3
      if ($2 ~ /^ledger/) { l[key] += $4; lr[key, $1] = $4 } else { b[key] += $4; br[key, $1] = $4 }
      n[key]++; if ($1 > rounds) rounds = $1 }
    END { for (k in l) {
            line = ""
            for (r = 1; r <= rounds; r++) if (br[k, r] > 0) line = line sprintf(" %.2f", lr[k, r] / br[k, r])
            printf "%-22s | %11.0f | %13.0f | %14.3f |%s\n", k, l[k] / rounds, b[k] / rounds, l[k] / b[k], line } }
' "$OUT/scores.txt" | sort
