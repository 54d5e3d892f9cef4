#include "messagelog.h"

#include "logredaction.h"
#include "rotatinglogfile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <memory>

namespace {

QtMessageHandler s_previous = nullptr;
std::unique_ptr<RotatingLogFile> s_file;

QLatin1String typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QLatin1String("debug");
    case QtInfoMsg:
        return QLatin1String("info");
    case QtWarningMsg:
        return QLatin1String("warning");
    case QtCriticalMsg:
        return QLatin1String("critical");
    case QtFatalMsg:
        return QLatin1String("fatal");
    }
    return QLatin1String("message");
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString redacted = LogRedaction::redact(message);
    if (s_file) {
        const QString category =
            context.category ? QString::fromLatin1(context.category) : QString();
        s_file->write(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) +
                      QLatin1Char(' ') + typeName(type) + QLatin1Char(' ') + category +
                      QStringLiteral(": ") + redacted);
    }
    if (s_previous)
        s_previous(type, context, redacted);
}

} // namespace

namespace MessageLog {

bool install(const QString &folder, qint64 maxBytes, int keep)
{
    uninstall();
    if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable())
        return false;
    s_file =
        std::make_unique<RotatingLogFile>(folder, QStringLiteral("product-hub"), maxBytes, keep);
    s_previous = qInstallMessageHandler(&handle);
    return true;
}

void uninstall()
{
    if (!s_file)
        return;
    qInstallMessageHandler(s_previous);
    s_previous = nullptr;
    s_file.reset();
}

QString currentFile()
{
    return s_file ? s_file->path() : QString();
}

} // namespace MessageLog
