#pragma once

#include <QCommandLineParser>

#include <optional>

class CliOutput;

// Parses the arguments of one subcommand ("demo generate --scale small"), answering --help
// and usage errors itself so that every command reports them the same way.
class SubcommandParser
{
public:
    SubcommandParser(const QString &path, const QString &description,
                     const QString &positionalSyntax = QString());

    QCommandLineParser &parser() { return m_parser; }
    QStringList positional() const { return m_parser.positionalArguments(); }

    // Returns an exit code when the command should stop here (help shown, or a usage
    // error reported), or nothing to go on.
    std::optional<int> parse(const QStringList &arguments, CliOutput &output, int minPositional = 0,
                             int maxPositional = 0);

    // For checks the parser cannot make itself (a value out of range, say).
    int usageError(CliOutput &output, const QString &message) const;

private:
    QString m_path;
    QString m_description;
    QString m_positionalSyntax;
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
};
