#pragma once

#include <QTextStream>

// Where the command line writes: results to stdout, messages and errors to stderr.
class CliOutput
{
public:
    CliOutput();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // "error: <message>" on stderr; returns the exit code to pass on.
    int fail(const QString &message, int exitCode);
    // A usage error names what was wrong and where to read more.
    int usageError(const QString &message, const QString &command);

private:
    QTextStream m_out;
    QTextStream m_err;
};
