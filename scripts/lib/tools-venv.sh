# Sourced by scripts/validate-template and scripts/aws-it/run: makes the Python tools venv (cfn-lint,
# SAM CLI, aws-sam-translator, moto, pytest) and puts its bin/ first on PATH. Reinstalls when the pins change.
ensure_tools_venv() {
  local root=$1
  local venv=${OMNIS_TOOLS_VENV:-$root/.venv-tools}
  local requirements=$root/scripts/requirements-tools.txt
  local stamp=$venv/.requirements
  if [[ ! -x "$venv/bin/python" ]] || ! cmp -s "$requirements" "$stamp"; then
    local python
    python=$(command -v python3 || true)
    if [[ -z "$python" ]] || ! "$python" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
      echo "== installing python3 and venv (Debian packages)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
      python=$(command -v python3)
    fi
    echo "== creating $venv with $("$python" --version)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
  export TOOLS_VENV=$venv
}
