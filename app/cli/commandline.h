#pragma once

#include "command.h"

#include <QStringList>

#include <memory>
#include <vector>

class CliOutput;

// The command line front end: global options, then one command with its own arguments.
//   product-hub [--workspace DIR] COMMAND [ARGS...]
class CommandLine
{
public:
    CommandLine();
    ~CommandLine();

    void add(std::unique_ptr<Command> command);

    // True when the arguments ask for the command line rather than the window.
    static bool wantsCommandLine(const QStringList &arguments);

    // arguments include the program name, as in QCoreApplication::arguments().
    int run(const QStringList &arguments);

private:
    QString help() const;
    Command *find(const QString &name) const;

    std::vector<std::unique_ptr<Command>> m_commands;
    std::unique_ptr<CliOutput> m_output;
};
