# Sourced by scripts/bench/*: compiles the bench's own sources (scripts/bench/src) against the local
# runtime's classpath into target/bench/classes, when a source or the classpath changed, so the Maven
# build never sees them, and runs one of its main classes. Needs $root and $OMNIS_CLASSPATH (local_classpath).

compile_bench_classes() {
  local sources=$root/scripts/bench/src
  bench_classes=$root/target/bench/classes
  local stamp=$bench_classes/.compiled
  if [[ ! -f "$stamp" || "$root/journeys/target/runtime-classpath.txt" -nt "$stamp" \
        || -n "$(find "$sources" -name '*.java' -newer "$stamp" -print -quit)" ]]; then
    rm -rf "$bench_classes"
    mkdir -p "$bench_classes"
    "$JAVA_HOME/bin/javac" --release 21 -Xlint:all,-path -Werror -proc:none -d "$bench_classes" -cp "$OMNIS_CLASSPATH" \
      $(find "$sources" -name '*.java')
    touch "$stamp"
  fi
}

# run_bench <main class> [args…]: the default JIT and collector (unlike scripts/dev), so figures reflect
# compiled code, not C1
run_bench() {
  local main=$1
  shift
  cd "$root"
  exec "$JAVA_HOME/bin/java" -Xms1g -Xmx2g --enable-native-access=ALL-UNNAMED \
    -Domnis.repo.root="$root" -cp "$bench_classes:$OMNIS_CLASSPATH" "$main" "$@"
}
