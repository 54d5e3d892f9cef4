#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class CliOutput;

// Exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitError = 1,   // the command could not do its work
    ExitUsage = 2,   // the command line itself was wrong
    ExitPartial = 3, // some of the work failed (for example a stream of a sync)
};

// What every command gets: the global options and where to write.
struct CommandContext
{
    QString workspaceOption; // --workspace, empty when not given
    CliOutput *output = nullptr;
};

// One top-level command of the command line (db, demo, sources, ...).
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Usage lines shown by --help, one per subcommand.
    virtual QStringList usage() const = 0;
    // arguments start after the command's name.
    virtual int run(const QStringList &arguments, const CommandContext &context) = 0;

protected:
    struct Subcommand
    {
        QString name;
        std::function<int(const QStringList &arguments, const CommandContext &context)> run;
    };
    // Runs the subcommand named first in arguments; answers --help with usage() and reports
    // a missing or unknown subcommand as a usage error that lists the known ones.
    int dispatch(const QStringList &arguments, const CommandContext &context,
                 const QList<Subcommand> &subcommands) const;
};
