#include "command.h"

#include "clioutput.h"

#include <QCoreApplication>

int Command::dispatch(const QStringList &arguments, const CommandContext &context,
                      const QList<Subcommand> &subcommands) const
{
    const QString wanted = arguments.value(0);
    QStringList names;
    for (const Subcommand &subcommand : subcommands) {
        if (subcommand.name == wanted)
            return subcommand.run(arguments.mid(1), context);
        names.append(subcommand.name);
    }
    if (wanted == QLatin1String("--help") || wanted == QLatin1String("-h")) {
        for (const QString &line : usage()) {
            context.output->out() << QCoreApplication::translate(
                                         "Command", "Usage: product-hub [--workspace DIR] ")
                                  << line << '\n';
        }
        return ExitOk;
    }
    const QString choices =
        names.size() > 1
            ? QCoreApplication::translate("Command", "%1 or %2")
                  .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last())
            : names.value(0);
    return context.output->usageError(
        wanted.isEmpty()
            ? QCoreApplication::translate("Command", "'%1' needs a subcommand: %2")
                  .arg(name(), choices)
            : QCoreApplication::translate("Command", "unknown %1 command '%2' (expected %3)")
                  .arg(name(), wanted, choices),
        name());
}
