#!/usr/bin/env bash
# A self-signed certificate for trials of the proxy (never for real users): writes cert.pem and
# key.pem into the given folder, valid 30 days for the given host name (default localhost).
# Usage: scripts/tls-zelfondertekend.sh MAP [HOST]
set -euo pipefail
map="${1:?Gebruik: scripts/tls-zelfondertekend.sh MAP [HOST]}"; host="${2:-localhost}"
mkdir -p "$map"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$map/key.pem" -out "$map/cert.pem" 2>/dev/null
chmod 600 "$map/key.pem"
echo "Zelfondertekend certificaat voor $host: $map/cert.pem (sleutel $map/key.pem)"
