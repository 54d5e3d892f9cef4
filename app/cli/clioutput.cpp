#include "clioutput.h"

#include "command.h"

#include <QCoreApplication>
#include <cstdio>

CliOutput::CliOutput()
    : m_out(stdout)
    , m_err(stderr)
{
}

int CliOutput::fail(const QString &message, int exitCode)
{
    m_out.flush();
    m_err << QCoreApplication::translate("CliOutput", "error: %1").arg(message) << Qt::endl;
    return exitCode;
}

int CliOutput::usageError(const QString &message, const QString &command)
{
    m_out.flush();
    m_err << QCoreApplication::translate("CliOutput", "error: %1").arg(message) << Qt::endl;
    m_err << QCoreApplication::translate("CliOutput", "Run 'product-hub %1 --help' for usage.")
                 .arg(command.isEmpty() ? QStringLiteral("") : command)
                 .simplified()
          << Qt::endl;
    return ExitUsage;
}
