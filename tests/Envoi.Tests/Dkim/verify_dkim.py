"""Verifies every DKIM-Signature of one message with Debian's python3-dkim (dkimpy), an
implementation independent of MimeKit. DNS is never asked: the TXT records come from the command
line, so the test proves the signature against exactly the record `envoi dkim keygen` printed.

usage: python3 verify_dkim.py MESSAGE-FILE NAME TXT-VALUE [NAME TXT-VALUE ...]
Prints one line per signature; exits 0 when there is at least one and all verify, 1 when one
fails, 3 when the message carries no DKIM-Signature.
"""
import sys

import dkim

message = open(sys.argv[1], "rb").read()
records = {}
for name, value in zip(sys.argv[2::2], sys.argv[3::2]):
    records[name.lower().rstrip(".")] = value.encode("ascii")


def local_txt(name, timeout=5):
    if isinstance(name, bytes):
        name = name.decode("ascii")
    return records.get(name.lower().rstrip("."))


verifier = dkim.DKIM(message)
count = len([1 for field, _ in verifier.headers if field.lower() == b"dkim-signature"])
if count == 0:
    print("no DKIM-Signature")
    sys.exit(3)

failed = 0
for index in range(count):
    checker = dkim.DKIM(message)
    try:
        ok = checker.verify(idx=index, dnsfunc=local_txt)
        problem = ""
    except dkim.DKIMException as e:
        ok, problem = False, f" ({e})"
    fields = checker.signature_fields
    describe = " ".join(f"{tag}={fields.get(tag.encode(), b'?').decode()}" for tag in ("d", "s", "a", "c"))
    print(f"signature {index}: {describe}: {'pass' if ok else 'FAIL'}{problem}")
    failed += 0 if ok else 1

if count == 1:
    # The one-call API the brief names, as a cross-check of the loop above.
    assert dkim.verify(message, dnsfunc=local_txt) == (failed == 0)
sys.exit(1 if failed else 0)
