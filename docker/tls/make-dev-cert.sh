#!/bin/sh
# A self-signed certificate for trying the image on localhost. Production uses the hospital's PKI.
set -eu
cd "$(dirname "$0")"
# The key is created owner-only and never world-readable, not even for a moment.
umask 077
openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes \
  -keyout tls.key -out tls.crt -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
chmod 600 tls.key
chmod 644 tls.crt
echo "Wrote $(pwd)/tls.crt and tls.key (mode 600)"
if [ "$(id -u)" != 1000 ]; then
  echo "The image runs as uid 1000, which can read the key only if it owns it: sudo chown 1000 $(pwd)/tls.key"
fi
