#!/usr/bin/env bash
# Crash drill at benchmark scale: run --once killed with SIGKILL 20 times at random moments, then run to completion;
# prints one line per run and PASS/FAIL with the figures. Options go to io.chatload.crash.CrashBench, e.g.
#   bench/crash/run.sh --kills 20 --scale medium --latency-ms 2 --batch-size 7 --seed 1
# Run from anywhere after `mvn -B -q package -DskipTests` (which also compiles the test classes it needs).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f target/chatload.jar || ! -f target/test-classes/io/chatload/crash/CrashBench.class ]]; then
    echo "build first: mvn -B -q package -DskipTests" >&2
    exit 2
fi

# The drill's own JVM needs the test classpath (JUnit's assertions in io.chatload.testing.Truth); the children run
# target/chatload.jar. Worked out once per pom.xml, offline when the local repository has everything.
classpath=target/crash-classpath.txt
if [[ ! -f $classpath || pom.xml -nt $classpath ]]; then
    maven=(mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath")
    "${maven[@]}" -o >/dev/null 2>&1 || "${maven[@]}"
fi

exec java -cp "target/test-classes:target/classes:$(cat "$classpath")" io.chatload.crash.CrashBench "$@"
