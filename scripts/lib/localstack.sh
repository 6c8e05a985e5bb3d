# Sourced by scripts/localstack/{install,start,stop}: what LocalStack is installed from and where it lives.
# One cache for every clone on the machine (it holds nothing of a clone): $OMNIS_LOCALSTACK_HOME, else
# ~/.cache/omnis/localstack. Removing that folder is always safe; the next start installs again.

# LocalStack declares Python >= 3.10 but uses 3.12 syntax; its newest dependencies break it (cbor2 6 removed
# cbor2._decoder, pyopenssl 26.4 removed X509.add_extensions), so they are resolved as they were released
# before LOCALSTACK_EXCLUDE_NEWER. Changing either line reinstalls on the next start.
LOCALSTACK_PACKAGE='localstack-core[runtime]==2026.3.0'
LOCALSTACK_EXCLUDE_NEWER=2026-04-01
UV_PACKAGE='uv==0.9.30'

localstack_home() {
  echo "${OMNIS_LOCALSTACK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/omnis/localstack}"
}

find_python313() { # prints a Python 3.13 (3.12 or newer works too), or fails with a message
  local candidate
  for candidate in "${OMNIS_PYTHON313:-}" "$(command -v python3.13 || true)" \
                   "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3.13 \
                   "$(command -v python3.12 || true)" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
    if [[ -n "$candidate" && -x "$candidate" ]] \
        && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "error: LocalStack needs Python 3.12 or newer (3.13 tested): none found as python3.13, python3.12 or in pyenv;" \
    "set OMNIS_PYTHON313 to one" >&2
  return 1
}
