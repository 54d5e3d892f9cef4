#include "serviceerror.h"

#include <QJsonArray>

namespace {

// The first text of a value that may be a list ("errors[].code"); numbers as digits.
QString firstText(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        return list.isEmpty() ? QString() : firstText(list.first());
    }
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

} // namespace

ServiceErrorReader::ServiceErrorReader(const ErrorBodySpec &spec)
    : m_spec(spec)
    , m_code(spec.codePath)
    , m_message(spec.messagePath)
{
}

ServiceErrorReader::Finding ServiceErrorReader::read(const QByteArray &body)
{
    Finding finding;
    const QByteArray start = body.left(64).trimmed();
    if (!m_spec.isSet() || !(start.startsWith('{') || start.startsWith('[')))
        return finding;
    QString error;
    if (!m_document.parse(body, &error))
        return finding; // not JSON: the page parser says what is wrong
    const JsonRecord root = m_document.root();
    finding.code = firstText(root.value(m_code));
    if (finding.code.isEmpty())
        return finding;
    if (!m_spec.messagePath.isEmpty())
        finding.message = firstText(root.value(m_message));
    if (m_spec.authCodes.contains(finding.code))
        finding.kind = Finding::Kind::AuthExpired;
    else if (m_spec.rateLimitCodes.contains(finding.code))
        finding.kind = Finding::Kind::RateLimited;
    else
        finding.kind = Finding::Kind::Failed;
    return finding;
}
