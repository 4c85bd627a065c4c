#!/bin/bash
# docs/ISOLATION.md evidence: RPC calls of the isolated 1,000-certificate report (run in the bench, TOKENDESK_BINARY and TOKENDESK_BENCH_FILL set)
set -e
count=1000; label=Bench$count; module=/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so
tmp=/tmp/iso/calls; rm -rf $tmp; mkdir -p $tmp/tokens $tmp/certs
export SOFTHSM2_CONF=$tmp/softhsm2.conf
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$tmp" >"$SOFTHSM2_CONF"
export TD_SO=87654321 TD_PIN=123456
pkcs11-tool --module "$module" --init-token --slot 0 --so-pin env:TD_SO --label "$label" >/dev/null 2>&1
pkcs11-tool --module "$module" --token-label "$label" --login --so-pin env:TD_SO --init-pin --pin env:TD_PIN >/dev/null 2>&1
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/key.pem" 2>/dev/null
for i in $(seq -w 1 "$count"); do
    openssl req -x509 -new -key "$tmp/key.pem" -subj "/CN=Bench certificate $i/O=TokenDesk Bench" -days 365 \
        -set_serial "$((10#$i))" -outform DER -out "$tmp/certs/c$i.der" 2>/dev/null
done
"$TOKENDESK_BENCH_FILL" "$module" "$label" "$tmp"/certs/c*.der >/dev/null
TOKENDESK_ISOLATE=1 strace -f -e trace=execve,write -o $tmp/strace.out "$TOKENDESK_BINARY" report --json --module "$module" >/dev/null 2>&1
pid=$(grep 'execve("/usr/libexec/p11-kit/p11-kit-remote".*softhsm' $tmp/strace.out | awk '{print $1}')
echo "softhsm child $pid: writes $(grep -c "^$pid write(1," $tmp/strace.out)"
echo "header writes (12 bytes): $(grep "^$pid write(1," $tmp/strace.out | grep -c ', 12) *= 12')"
