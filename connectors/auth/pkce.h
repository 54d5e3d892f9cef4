#pragma once

#include <QByteArray>

// Proof Key for Code Exchange (RFC 7636) and the OAuth `state`, from the system's
// cryptographically secure random source.
namespace Pkce {

constexpr int MinimumVerifierLength = 43;
constexpr int MaximumVerifierLength = 128;

// A code verifier of the given length (clamped to 43..128) from the unreserved characters
// A-Z a-z 0-9 "-" "_" (base64url of random bytes, so every character is equally likely).
QByteArray createVerifier(int length = 64);
// The S256 code challenge: base64url without padding of SHA-256(verifier).
QByteArray challengeS256(const QByteArray &verifier);
// An unguessable `state` value (256 bits, base64url).
QByteArray createState();
// Whether the verifier has a valid length and only unreserved characters.
bool isValidVerifier(const QByteArray &verifier);

} // namespace Pkce
