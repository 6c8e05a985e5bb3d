# Sourced by scripts that run Maven: exports JAVA_HOME pointing at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already new enough, else takes the newest JDK found where
# Linux packages and installers put them (the default `java` on a machine may be older),
# and last the JDK whose javac is on PATH.

java_feature_version() { # prints the feature version (17, 21, 25…) of the JDK at $1, or nothing
  [[ -x "$1/bin/javac" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_java_home() { # exports JAVA_HOME (JDK >= $1, default 21) or fails with a message
  local minimum=${1:-21} candidate version best="" best_version=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version=$(java_feature_version "$JAVA_HOME")
    if [[ -n "$version" && "$version" -ge "$minimum" ]]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    version=$(java_feature_version "$candidate")
    if [[ -n "$version" && "$version" -ge "$minimum" && "$version" -gt "$best_version" ]]; then
      best=$candidate
      best_version=$version
    fi
  done
  if [[ -z "$best" ]] && command -v javac >/dev/null 2>&1; then   # last, the JDK on PATH (SDKMAN, Homebrew…)
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")")
    version=$(java_feature_version "$candidate")
    if [[ -n "$version" && "$version" -ge "$minimum" ]]; then
      best=$candidate
    fi
  fi
  if [[ -z "$best" ]]; then
    echo "error: no JDK $minimum or newer found (set JAVA_HOME, or install e.g. openjdk-21-jdk)" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
