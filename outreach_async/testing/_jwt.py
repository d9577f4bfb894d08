"""Just enough JWT for the server-to-server token endpoint: decode, and verify RS256.

Outreach's S2S apps sign a short JWT (`iss` = the app's S2S GUID, `iat`, `exp`) with their
RSA private key. The fake server checks the claims always and the signature only when a public
key is configured, so tests need no crypto library. RS256 is RSASSA-PKCS1-v1_5 with SHA-256;
verifying it is a modular exponentiation and a byte comparison, done here with the standard
library. Keys are PEM, either `PUBLIC KEY` (SubjectPublicKeyInfo) or `RSA PUBLIC KEY` (PKCS#1).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

#: DER prefix of a SHA-256 DigestInfo, as PKCS#1 v1.5 signatures embed it.
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
_RSA_ENCRYPTION_OID = bytes.fromhex("2a864886f70d010101")


class JWTError(ValueError):
    """The token is malformed or its signature does not verify (message holds no token)."""


def b64url_decode(segment: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError) as exc:
        raise JWTError("segment is not base64url") from exc


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode(token: str, *, public_key_pem: str | None = None) -> dict[str, Any]:
    """The token's claims; with a key, only if it is RS256 and its signature verifies."""
    parts = token.split(".")
    if len(parts) != 3:
        raise JWTError("a JWT has three dot-separated segments")
    header_segment, payload_segment, signature_segment = parts
    header = _json_object(b64url_decode(header_segment))
    claims = _json_object(b64url_decode(payload_segment))
    if public_key_pem is not None:
        if header.get("alg") != "RS256":
            raise JWTError("only RS256 is accepted")
        modulus, exponent = load_rsa_public_key(public_key_pem)
        signing_input = f"{header_segment}.{payload_segment}".encode("ascii")
        signature = b64url_decode(signature_segment)
        if not verify_rs256(signing_input, signature, modulus, exponent):
            raise JWTError("signature does not verify")
    return claims


def verify_rs256(message: bytes, signature: bytes, modulus: int, exponent: int) -> bool:
    """RSASSA-PKCS1-v1_5 verification with SHA-256 (RFC 8017, section 8.2.2)."""
    size = (modulus.bit_length() + 7) // 8
    if len(signature) != size:
        return False
    value = int.from_bytes(signature, "big")
    if value >= modulus:
        return False
    encoded = pow(value, exponent, modulus).to_bytes(size, "big")
    return hmac.compare_digest(encoded, pkcs1_v15_sha256_encoding(message, size))


def pkcs1_v15_sha256_encoding(message: bytes, size: int) -> bytes:
    """EMSA-PKCS1-v1_5 of SHA-256(message), `size` bytes long."""
    digest_info = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    padding = size - len(digest_info) - 3
    if padding < 8:
        raise JWTError("RSA key too short for SHA-256")
    return b"\x00\x01" + b"\xff" * padding + b"\x00" + digest_info


def load_rsa_public_key(pem: str) -> tuple[int, int]:
    """(modulus, public exponent) of a PEM `PUBLIC KEY` or `RSA PUBLIC KEY`."""
    lines = [line.strip() for line in pem.strip().splitlines()]
    if (
        len(lines) < 3
        or not lines[0].startswith("-----BEGIN ")
        or not lines[-1].startswith("-----END ")
    ):
        raise JWTError("not a PEM block")
    try:
        der = base64.b64decode("".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise JWTError("PEM body is not base64") from exc
    if "RSA PUBLIC KEY" in lines[0]:
        return _rsa_public_key(der)
    tag, spki, _ = _read_tlv(der, 0)
    _expect(tag, 0x30)
    tag, algorithm, offset = _read_tlv(spki, 0)
    _expect(tag, 0x30)
    tag, oid, _ = _read_tlv(algorithm, 0)
    if tag != 0x06 or oid != _RSA_ENCRYPTION_OID:
        raise JWTError("not an RSA key")
    tag, bits, _ = _read_tlv(spki, offset)
    _expect(tag, 0x03)
    if not bits or bits[0] != 0:
        raise JWTError("unexpected unused bits in key")
    return _rsa_public_key(bits[1:])


def _rsa_public_key(der: bytes) -> tuple[int, int]:
    tag, sequence, _ = _read_tlv(der, 0)
    _expect(tag, 0x30)
    tag, modulus, offset = _read_tlv(sequence, 0)
    _expect(tag, 0x02)
    tag, exponent, _ = _read_tlv(sequence, offset)
    _expect(tag, 0x02)
    return int.from_bytes(modulus, "big"), int.from_bytes(exponent, "big")


def _read_tlv(data: bytes, offset: int) -> tuple[int, bytes, int]:
    """One DER tag-length-value at `offset`: (tag, value, offset after it)."""
    if offset + 2 > len(data):
        raise JWTError("truncated DER")
    tag, length = data[offset], data[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or offset + count > len(data):
            raise JWTError("bad DER length")
        length = int.from_bytes(data[offset : offset + count], "big")
        offset += count
    end = offset + length
    if end > len(data):
        raise JWTError("truncated DER")
    return tag, data[offset:end], end


def _expect(tag: int, wanted: int) -> None:
    if tag != wanted:
        raise JWTError("unexpected DER structure")


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise JWTError("segment is not JSON") from exc
    if not isinstance(value, dict):
        raise JWTError("segment is not a JSON object")
    return value
