#pragma once

#include "command.h"

class ConnectorRegistry;

// product-hub sources kinds|add|list|show|remove: the services a workspace connects to.
class SourcesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("sources"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int kinds(const QStringList &arguments, const CommandContext &context);
    int add(const QStringList &arguments, const CommandContext &context);
    int list(const QStringList &arguments, const CommandContext &context);
    int show(const QStringList &arguments, const CommandContext &context);
    int remove(const QStringList &arguments, const CommandContext &context);
};
