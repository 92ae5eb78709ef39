#!/bin/sh
# A self-signed certificate for trying the image on localhost. Production uses the hospital's PKI.
set -eu
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes \
  -keyout tls.key -out tls.crt -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
chmod 644 tls.crt tls.key
echo "Wrote $(pwd)/tls.crt and tls.key"
