# Sourced by scripts/dev and scripts/dev-token. local_classpath builds the modules the local
# runtime runs when a pom or a main source changed since the last build (or on a clean clone),
# showing one line per module, then exports OMNIS_CLASSPATH. Needs JAVA_HOME and $root.

local_classpath() {
  local classpath_file="$root/journeys/target/runtime-classpath.txt"
  if [[ ! -f "$classpath_file" ]] || [[ -n "$(find "$root" \( -name .git -o -name target -o -name node_modules \) -prune \
        -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$classpath_file" -print -quit)" ]]; then
    echo "Building Omnis (a clean clone downloads its dependencies first: a few minutes)..." >&2
    local log line module
    log=$(mktemp "${TMPDIR:-/tmp}/omnis-build.XXXXXX")
    if ! (cd "$root" && ./mvnw -B -Dmaven.test.skip=true -pl journeys -am package 2>&1) | tee "$log" \
        | while IFS= read -r line; do
            if [[ $line == "[INFO] Building Omnis"* ]]; then
              module=${line#"[INFO] Building "}
              module=${module%%:*}
              echo "  ${module%% [0-9]*}" >&2
            fi
          done; then
      echo "The build failed (full log: $log):" >&2
      grep -E '^\[ERROR\]' "$log" | head -30 >&2
      return 1
    fi
    rm -f "$log"
    touch "$classpath_file"   # Maven leaves an unchanged classpath file alone; its time marks this build
  fi
  OMNIS_CLASSPATH=$(cat "$classpath_file")
  export OMNIS_CLASSPATH
}
