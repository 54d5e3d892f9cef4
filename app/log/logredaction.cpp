#include "logredaction.h"

#include "http/redaction.h"

#include <QRegularExpression>
#include <QUrl>

namespace {

const QString Redacted = QStringLiteral("REDACTED");

QString redactUrls(const QString &text)
{
    static const QRegularExpression urls(QStringLiteral("\\bhttps?://[^\\s\"'<>]+"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString result;
    qsizetype last = 0;
    auto matches = urls.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        result += QStringView(text).mid(last, match.capturedStart() - last);
        const QUrl url(match.captured(), QUrl::TolerantMode);
        result += url.isValid() ? Redaction::url(url) : Redacted;
        last = match.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}

QString redactSchemes(const QString &text)
{
    // "Bearer abc", "Basic dXNl...", and GitHub's own "token abc" — the last only when what
    // follows looks like a credential, so that "token expired" stays readable.
    static const QRegularExpression schemes(
        QStringLiteral("\\b(Bearer|Basic|Digest)\\s+[A-Za-z0-9._~+/=:-]+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tokens(
        QStringLiteral("\\b(token)\\s+(?=[A-Za-z._~+/=:-]*[0-9])[A-Za-z0-9._~+/=:-]{8,}"),
        QRegularExpression::CaseInsensitiveOption);
    QString result = text;
    result.replace(schemes, QStringLiteral("\\1 ") + Redacted);
    result.replace(tokens, QStringLiteral("\\1 ") + Redacted);
    return result;
}

QString redactPairs(const QString &text)
{
    // name=value, name: value, "name": "value" — the value up to a separator.
    static const QRegularExpression pairs(
        QStringLiteral("([A-Za-z][A-Za-z0-9_.-]*)(\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)"));
    QString result;
    qsizetype last = 0;
    auto matches = pairs.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString name = match.captured(1);
        const bool secret =
            Redaction::isSecretParameter(name) || Redaction::isSecretHeader(name.toLatin1());
        if (!secret || match.captured(3) == Redacted)
            continue;
        result += QStringView(text).mid(last, match.capturedStart(3) - last);
        result += Redacted;
        last = match.capturedEnd(3);
    }
    result += QStringView(text).mid(last);
    return result;
}

} // namespace

namespace LogRedaction {

QString redact(const QString &text)
{
    return redactPairs(redactSchemes(redactUrls(text)));
}

} // namespace LogRedaction
