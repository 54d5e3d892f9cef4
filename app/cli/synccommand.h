#pragma once

#include "command.h"

// product-hub sync [NAME...] [--all] [--full] [--json]: brings sources up to date.
class SyncCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;
};
