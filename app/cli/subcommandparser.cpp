#include "subcommandparser.h"

#include "clioutput.h"
#include "command.h"

#include <QCoreApplication>

SubcommandParser::SubcommandParser(const QString &path, const QString &description,
                                   const QString &positionalSyntax)
    : m_path(path)
    , m_description(description)
    , m_positionalSyntax(positionalSyntax)
    , m_help({QStringLiteral("h"), QStringLiteral("help")},
             QCoreApplication::translate("SubcommandParser", "Show this help."))
{
    m_parser.addOption(m_help);
}

std::optional<int> SubcommandParser::parse(const QStringList &arguments, CliOutput &output,
                                           int minPositional, int maxPositional)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("product-hub"));
    if (!m_parser.parse(withProgram))
        return usageError(output, m_parser.errorText());
    if (m_parser.isSet(m_help)) {
        QString options = m_parser.helpText();
        options = options.mid(options.indexOf(QLatin1Char('\n')) + 1).trimmed();
        output.out() << QCoreApplication::translate("SubcommandParser",
                                                    "Usage: product-hub [--workspace DIR] %1")
                            .arg(
                                QString(m_path + QStringLiteral(" [options] ") + m_positionalSyntax)
                                    .trimmed())
                     << "\n\n"
                     << m_description << "\n\n"
                     << options << Qt::endl;
        return ExitOk;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositional)
        return usageError(output, QCoreApplication::translate("SubcommandParser", "'%1' needs %2")
                                      .arg(m_path, m_positionalSyntax));
    if (maxPositional >= 0 && count > maxPositional)
        return usageError(
            output,
            QCoreApplication::translate("SubcommandParser", "unexpected argument '%1' for '%2'")
                .arg(m_parser.positionalArguments().at(maxPositional), m_path));
    return std::nullopt;
}

int SubcommandParser::usageError(CliOutput &output, const QString &message) const
{
    return output.usageError(message, m_path);
}
