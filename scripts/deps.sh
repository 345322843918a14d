#!/bin/sh
# Checks the build dependencies and installs the missing ones with apt-get when run as root.
# Otherwise prints the exact install command and fails, so `make` stops before a confusing error.
# Usage: scripts/deps.sh [extra-debian-package ...]
set -u

missing=""
need() { missing="$missing $1"; }

# version_ge A B: true when version A >= B (dotted numbers).
version_ge() {
	[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

check_tools() {
	missing=""
	if command -v re2c >/dev/null 2>&1; then
		v=$(re2c --version | awk '{print $2}')
		version_ge "$v" 3.0 || need re2c
	else
		need re2c
	fi
	if command -v bison >/dev/null 2>&1; then
		v=$(bison --version | awk 'NR==1{print $NF}')
		version_ge "$v" 3.8 || need bison
	else
		need bison
	fi
	command -v pkg-config >/dev/null 2>&1 || need pkg-config
	command -v cc >/dev/null 2>&1 || need gcc
	command -v make >/dev/null 2>&1 || need make
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists check || need check
		pkg-config --exists libarchive || need libarchive-dev
		pkg-config --exists libxml-2.0 || need libxml2-dev
		pkg-config --exists jansson || need libjansson-dev
		pkg-config --exists sqlite3 || need libsqlite3-dev
		pkg-config --exists zlib || need zlib1g-dev
		pkg-config --exists libbrotlidec || need libbrotli-dev
		pkg-config --exists libzstd || need libzstd-dev
	fi
	for pkg in "$@"; do
		dpkg -s "$pkg" >/dev/null 2>&1 || need "$pkg"
	done
}

check_tools "$@"
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! $cmd >/dev/null 2>&1; then
		apt-get update >/dev/null 2>&1 || true
		$cmd >&2 || { echo "deps: '$cmd' failed" >&2; exit 1; }
	fi
	check_tools "$@"
	[ -z "$missing" ] && exit 0
	echo "deps: still missing after install:$missing" >&2
	exit 1
fi
echo "deps: missing build dependencies:$missing" >&2
echo "deps: install them with:  sudo $cmd" >&2
exit 1
