#!/bin/sh
# Installs, from Debian's packages, what the tests drive and is not a Python package: Chromium (the browser
# tests, through Playwright) and nginx with openssl (the sample server configuration in scripts/nginx/).
# Only what is missing is installed; nginx is not left running (the tests start their own).
set -e
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing="$missing nginx-light"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
[ -n "$missing" ] || exit 0
echo "Cài đặt cho phần kiểm thử:$missing"
$SUDO apt-get update -qq
# RUNLEVEL=1: Debian's scripts do not start the nginx service (port 80) after installing it.
DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $SUDO apt-get install -y -qq $missing >/dev/null
