#!/bin/sh
# Installs from Debian's packages what the tests need beside Python: chromium (report.html is
# opened in a real browser), tesseract with its Danish data (OCR of scans), poppler-utils
# (pdftotext for the benchmark, pdftoppm for scans), a PostgreSQL server (the database output) and
# LibreOffice Calc (a CSV of --csv-dialect excel-da imported as a Danish user gets it), and what the
# document generator (tests/generator) renders with: LibreOffice Writer and the fonts Carlito, DejaVu and
# Liberation.
# Only what is missing is installed; nothing is done when everything is there.
set -u

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v tesseract >/dev/null 2>&1 || need="$need tesseract-ocr"
[ -n "$(find /usr/share/tesseract-ocr -name dan.traineddata 2>/dev/null | head -n 1)" ] || need="$need tesseract-ocr-dan"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -n "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n 1)" ] || need="$need postgresql"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui"
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need="$need libreoffice-writer-nogui"
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need="$need fonts-crosextra-carlito"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf ] || need="$need fonts-dejavu-core fonts-dejavu-extra"
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf ] || need="$need fonts-liberation"

if [ -z "$need" ]; then
    echo "setup-system: chromium, tesseract (dan), poppler-utils, postgresql, libreoffice (calc, writer) and the fonts are installed"
    exit 0
fi

fail() {
    echo "setup-system: $1" >&2
    echo "setup-system: the tests need$need; install them with your package manager" \
         "(Debian: apt-get install$need) and run this script again" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found, cannot install$need here"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo, cannot run apt-get"
    SUDO="sudo"
fi

echo "setup-system: installing$need with apt-get"
$SUDO apt-get update || fail "apt-get update failed"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $need \
    || fail "apt-get install$need failed"
command -v chromium >/dev/null 2>&1 || fail "chromium was installed but is not on PATH"
command -v tesseract >/dev/null 2>&1 || fail "tesseract was installed but is not on PATH"
echo "setup-system: installed$need"
