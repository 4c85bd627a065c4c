#!/usr/bin/env python3
"""Writes the LDIF of N bench users for slapd.sh, each with a certificate of its own.

    slapd_users.py TEMPLATE.der N BASE > users.ldif

TEMPLATE.der is one certificate made by openssl with serial 0x1000000000000000 and subject CN
user00000. User i (1..N, N <= 99999) gets a copy whose serial is 0x1000000000000000 + i and whose
CN is user<i, 5 digits>: both fields keep their length, so no DER length changes. The signatures
are no longer valid; slapd does not check them, and certificateExactMatch (serial and issuer)
sees N different certificates. Only the standard library: it runs on a bare Debian.
"""
import base64
import sys


def header(der, pos):
    """(tag, start of contents, length of contents) of the DER element at pos."""
    tag = der[pos]
    first = der[pos + 1]
    if first < 0x80:
        return tag, pos + 2, first
    count = first & 0x7F
    length = int.from_bytes(der[pos + 2:pos + 2 + count], "big")
    return tag, pos + 2 + count, length


def serial_span(der):
    """Offset and length of the serial number's contents in the certificate."""
    tag, cert, _ = header(der, 0)
    assert tag == 0x30, "not a certificate"
    tag, tbs, _ = header(der, cert)
    assert tag == 0x30, "no TBSCertificate"
    tag, start, length = header(der, tbs)
    if tag == 0xA0:  # [0] version
        tag, start, length = header(der, start + length)
    assert tag == 0x02, "no serial number"
    return start, length


def main():
    template_path, count, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if not 0 <= count <= 99999:
        sys.exit("N must be from 0 to 99999")
    with open(template_path, "rb") as f:
        template = f.read()
    serial_at, serial_len = serial_span(template)
    first_serial = int.from_bytes(template[serial_at:serial_at + serial_len], "big")
    cn = b"user00000"
    cn_at = template.find(cn)
    if cn_at < 0 or template.find(cn, cn_at + 1) >= 0:
        sys.exit("the template's subject must name user00000 once")

    out = sys.stdout
    cert = bytearray(template)
    for i in range(1, count + 1):
        uid = "user%05d" % i
        cert[serial_at:serial_at + serial_len] = (first_serial + i).to_bytes(serial_len, "big")
        cert[cn_at:cn_at + len(cn)] = uid.encode()
        out.write(
            "dn: uid=%s,%s\n"
            "objectClass: inetOrgPerson\n"
            "objectClass: posixAccount\n"
            "uid: %s\n"
            "cn: User %05d\n"
            "sn: %05d\n"
            "uidNumber: %d\n"
            "gidNumber: %d\n"
            "homeDirectory: /home/%s\n"
            "userCertificate;binary:: %s\n\n"
            % (uid, base, uid, i, i, 10000 + i, 10000 + i, uid, base64.b64encode(cert).decode())
        )


if __name__ == "__main__":
    main()
