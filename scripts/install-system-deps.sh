#!/usr/bin/env bash
# The Debian packages the test suite needs, installed when missing (root + apt-get).
#   PostgreSQL 15 server + contrib (unaccent, pg_trgm): the real-server half of the DB tests
#   chromium: the browser Playwright drives (/usr/bin/chromium; never `npx playwright install`)
#   poppler-utils: pdftoppm/pdftotext to check generated PDFs
#   fonts-liberation2: Vietnamese glyphs for rendered pages and PDFs (Liberation Serif: Times New Roman's metrics)
#   libreoffice-writer-nogui: soffice --headless converts the ward's Word reports to PDF
#
#   scripts/install-system-deps.sh          install what is missing (exit 1 if it cannot)
#   scripts/install-system-deps.sh --check  print the missing packages, exit 1 if any
set -euo pipefail

PACKAGES=(postgresql postgresql-contrib chromium poppler-utils fonts-liberation2 libreoffice-writer-nogui)

missing=()
for package in "${PACKAGES[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
	[[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
	exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
	echo "${missing[*]}"
	exit 1
fi

command="apt-get update && apt-get install -y ${missing[*]}"
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
	echo "Thiếu gói hệ thống / missing system packages: ${missing[*]}" >&2
	echo "Cài bằng / install them with:  sudo sh -c '$command'" >&2
	exit 1
fi
echo "Đang cài gói hệ thống / installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
