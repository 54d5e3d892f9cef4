#include "pkce.h"

#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <algorithm>

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray secureRandomBytes(qsizetype count)
{
    QList<quint32> words((count + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray bytes(reinterpret_cast<const char *>(words.constData()), count);
    std::fill(words.begin(), words.end(), 0u);
    return bytes;
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

} // namespace

namespace Pkce {

QByteArray createVerifier(int length)
{
    length = std::clamp(length, MinimumVerifierLength, MaximumVerifierLength);
    // Three random bytes give four base64url characters.
    QByteArray verifier = secureRandomBytes((length * 3 + 3) / 4).toBase64(Base64Url);
    verifier.truncate(length);
    return verifier;
}

QByteArray challengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(Base64Url);
}

QByteArray createState()
{
    return secureRandomBytes(32).toBase64(Base64Url);
}

bool isValidVerifier(const QByteArray &verifier)
{
    return verifier.size() >= MinimumVerifierLength && verifier.size() <= MaximumVerifierLength &&
           std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

} // namespace Pkce
