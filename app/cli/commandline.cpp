#include "commandline.h"

#include "clioutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>

CommandLine::CommandLine()
    : m_output(std::make_unique<CliOutput>())
{
}

CommandLine::~CommandLine() = default;

void CommandLine::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

bool CommandLine::wantsCommandLine(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--workspace") || argument == QLatin1String("-w")) {
            ++i; // skip its value
            continue;
        }
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h") ||
            argument == QLatin1String("--version") || argument == QLatin1String("-v") ||
            argument == QLatin1String("help"))
            return true;
        if (!argument.startsWith(QLatin1Char('-')))
            return true; // a command
    }
    return false;
}

Command *CommandLine::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString CommandLine::help() const
{
    QString text = QCoreApplication::translate(
        "CommandLine",
        "Usage: product-hub [--workspace DIR] [COMMAND [ARGS...]]\n"
        "\n"
        "Product Integration Hub. Without a command, opens the window.\n"
        "\n"
        "Options:\n"
        "  -w, --workspace DIR  the workspace folder (default: $PRODUCT_HUB_WORKSPACE, else the\n"
        "                       default workspace under the application data folder)\n"
        "  -h, --help           show this help; 'product-hub COMMAND --help' for a command\n"
        "  -v, --version        show the version\n"
        "\n"
        "Commands:\n");
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1%2\n").arg(command->name(), -12).arg(command->summary());
    text += QCoreApplication::translate("CommandLine",
                                        "\nExit codes: 0 success, 1 error, 2 wrong usage, "
                                        "3 partly done (some streams failed).\n");
    return text;
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Product Integration Hub"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption workspaceOption(
        {QStringLiteral("w"), QStringLiteral("workspace")},
        QCoreApplication::translate("CommandLine", "The workspace folder."), QStringLiteral("DIR"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("CommandLine", "Show help."));
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLine", "Show the version."));
    parser.addOptions({workspaceOption, helpOption, versionOption});
    parser.addPositionalArgument(QStringLiteral("command"), QString());

    if (!parser.parse(arguments))
        return m_output->usageError(parser.errorText(), QString());
    if (parser.isSet(versionOption)) {
        m_output->out() << QCoreApplication::applicationName() << ' ' << QStringLiteral(HUB_VERSION)
                        << Qt::endl;
        return ExitOk;
    }
    QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty() ||
        positional.first() == QLatin1String("help")) {
        if (positional.size() > 1 && find(positional.at(1))) {
            positional = {positional.at(1), QStringLiteral("--help")};
        } else {
            m_output->out() << help();
            return ExitOk;
        }
    }
    const QString name = positional.takeFirst();
    Command *command = find(name);
    if (!command)
        return m_output->usageError(
            QCoreApplication::translate("CommandLine", "unknown command '%1'").arg(name),
            QString());
    CommandContext context;
    context.workspaceOption = parser.value(workspaceOption);
    context.output = m_output.get();
    const int code = command->run(positional, context);
    m_output->out().flush();
    m_output->err().flush();
    return code;
}
