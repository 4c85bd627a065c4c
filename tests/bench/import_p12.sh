#!/bin/bash
# Benchmark (issue 11): a .p12 into a new SoftHSM2 token, by
#   tokendesk import-p12 FILE --token LABEL --create
# against the shortest sequence of the peers that does the same job:
#   softhsm2-util --init-token --free   (a token with an SO PIN and a user PIN)
#   openssl pkcs12 -nocerts -nodes      (the key, decrypted, into a file: the peers need it so)
#   openssl pkcs12 -clcerts -nokeys     (the certificate)
#   openssl pkcs12 -cacerts -nokeys     (the chain)
#   pkcs11-tool --write-object ×3       (key with --sensitive, certificate, CA certificate)
# on the same files (RSA 2048 and EC P-256, each with its CA), RUNS timed runs each after one
# warm-up (median, min, max in ms). TokenDesk does more in that time: the SO PIN is random and
# goes to the Secret Service, the public key object is written too, the key never touches the
# disk, and a challenge is signed and verified before it says done. Each token is deleted
# after its run, untimed. Fails when an import fails or a token lacks its objects.
# Run inside the test bench (testbench.sh exec: D-Bus with gnome-keyring) with TOKENDESK_BINARY.
#
#   import_p12.sh [RUNS]
set -euo pipefail
export LC_ALL=C

runs=${1:-7}
name=bench_import_p12
module=/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so

die() { echo "$name: FAILED: $*" >&2; exit 1; }

[ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable"
[ -f "$module" ] || die "SoftHSM2 is missing: $module"
for tool in pkcs11-tool softhsm2-util openssl; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

export SOFTHSM2_CONF=$tmp/softhsm2.conf
mkdir -p "$tmp/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$tmp" >"$SOFTHSM2_CONF"
# Throwaway secrets of this benchmark. The peers take the SO PIN and PIN on the command line
# (softhsm2-util has no other way); TokenDesk reads them from stdin.
export TD_P12_PASSWORD=bench-password TD_PIN=bench-pin TD_SO=bench-so-pin

cd "$tmp"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj "/CN=Bench CA" \
    -addext basicConstraints=critical,CA:TRUE 2>/dev/null
for kind in rsa ec; do
    if [ $kind = rsa ]; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $kind.key 2>/dev/null
    else
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out $kind.key 2>/dev/null
    fi
    openssl req -new -key $kind.key -subj "/CN=Bench $kind" -out $kind.csr
    openssl x509 -req -in $kind.csr -CA ca.pem -CAkey ca.key -set_serial 7 -days 30 -out $kind.pem 2>/dev/null
    openssl pkcs12 -export -inkey $kind.key -in $kind.pem -certfile ca.pem -name $kind -out $kind.p12 \
        -passout env:TD_P12_PASSWORD
done

run=0
run_tokendesk() {
    run=$((run + 1))
    printf '%s\n%s\n' "$TD_P12_PASSWORD" "$TD_PIN" |
        "$TOKENDESK_BINARY" import-p12 "$1.p12" --token "td-$run" --create >/dev/null
}
run_peers() {
    run=$((run + 1))
    softhsm2-util --init-token --free --label "peer-$run" --so-pin "$TD_SO" --pin "$TD_PIN" >/dev/null
    openssl pkcs12 -in "$1.p12" -passin env:TD_P12_PASSWORD -nocerts -nodes -out "$run.key" 2>/dev/null
    openssl pkcs12 -in "$1.p12" -passin env:TD_P12_PASSWORD -clcerts -nokeys -out "$run.pem" 2>/dev/null
    openssl pkcs12 -in "$1.p12" -passin env:TD_P12_PASSWORD -cacerts -nokeys -out "$run.ca.pem" 2>/dev/null
    local p=(pkcs11-tool --module "$module" --token-label "peer-$run" --login --pin env:TD_PIN)
    "${p[@]}" --write-object "$run.key" --type privkey --id 01 --label "$1" --sensitive >/dev/null 2>&1
    "${p[@]}" --write-object "$run.pem" --type cert --id 01 --label "$1" >/dev/null 2>&1
    "${p[@]}" --write-object "$run.ca.pem" --type cert --id 02 --label CA >/dev/null 2>&1
    rm -f "$run.key"
}
check_and_delete() {
    local label=$1 objects
    objects=$(pkcs11-tool --module "$module" --token-label "$label" --login --pin env:TD_PIN -O 2>/dev/null)
    grep -q '^Private Key Object' <<<"$objects" || die "$label holds no private key"
    [ "$(grep -c '^Certificate Object' <<<"$objects")" = 2 ] || die "$label does not hold 2 certificates"
    if [[ $label == td-* ]]; then
        "$TOKENDESK_BINARY" vtoken delete "$label" --yes >/dev/null
    else
        softhsm2-util --delete-token --token "$label" >/dev/null
    fi
}

# time_runs FUNCTION KIND PREFIX: RUNS runs after one warm-up; prints "median min max" in ms.
time_runs() {
    local fn=$1 kind=$2 prefix=$3 samples=() t0 t1 i
    "$fn" "$kind" || die "$fn $kind failed"
    check_and_delete "$prefix-$run"
    for ((i = 0; i < runs; ++i)); do
        t0=$(date +%s%N)
        "$fn" "$kind" || die "$fn $kind failed"
        t1=$(date +%s%N)
        check_and_delete "$prefix-$run"
        samples+=($(( (t1 - t0) / 1000 )))
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

echo "| .p12 | command | median ms | min ms | max ms |"
echo "|---|---|---:|---:|---:|"
for kind in rsa ec; do
    read -r med min max < <(time_runs run_tokendesk $kind td)
    echo "| $kind | \`tokendesk import-p12 $kind.p12 --token L --create\` (with the proof) | $med | $min | $max |"
    read -r med min max < <(time_runs run_peers $kind peer)
    echo "| $kind | softhsm2-util + openssl pkcs12 ×3 + pkcs11-tool ×3 | $med | $min | $max |"
done
echo "($runs runs each after one warm-up; $(nproc) CPUs)"
